#pragma once

#include "accel/cost_model.h"

#include <string>

namespace dna::hwsearch {

/// What the hardware search optimises: fps is maximised, the others minimised, always under the budget.
enum class Objective { Fps, Latency, Energy, Edp };
const char* objectiveName(Objective o);
bool parseObjective(const std::string& s, Objective& out);

/// The scalar the strategies minimise for a whole design: 1/FPS (seconds per inference), latency (ms),
/// energy per inference (uJ) or EDP (uJ x ms); +infinity when the design is invalid.
double designCost(Objective o, const accel::DesignCost& cost);

/// Per-layer weights that make the layer searches agree with the design objective: minimise
/// cyclesWeight * cycles + energyWeight * energyPj. Exact for fps (each engine's sum of cycles), latency and
/// energy; for EDP it is the first-order expansion of log(E x L) around the reference totals.
struct LayerWeights {
    double cyclesWeight = 1.0;
    double energyWeight = 0.0;
};
LayerWeights layerWeights(Objective o, double refCycles, double refEnergyPj);

} // namespace dna::hwsearch
