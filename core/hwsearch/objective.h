#pragma once

#include "accel/cost_model.h"

#include <string>
#include <vector>

namespace dna::hwsearch {

/// What the hardware search optimises: fps is maximised, the others minimised, always under the budget.
enum class Objective { Fps, Latency, Energy, Edp };

/// The objective table: one row per objective, in the order front ends list them. The search (designCost),
/// the store's front (store::frontMetric) and the plot's axis label switch over the enum, so the compiler names
/// what a new row needs.
struct ObjectiveInfo {
    Objective id;
    const char* name; // --objective, JSON, the store's runs.objective
    const char* unit; // of the metric's value: FPS, ms, uJ, uJ*ms
    bool maximise; // the front keeps high values (fps) or low ones
};
const std::vector<ObjectiveInfo>& objectives();
const ObjectiveInfo& objectiveInfo(Objective o);
const char* objectiveName(Objective o);
/// By name; false (and `out` untouched) for a name no objective has.
bool parseObjective(const std::string& s, Objective& out);
/// By name, or `fallback` for a name no objective has (a run stored before objectives were recorded has none).
Objective objectiveOr(const std::string& s, Objective fallback);
/// The names in table order, joined with `separator` ("fps|latency|energy|edp").
std::string objectiveNames(const std::string& separator);

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
