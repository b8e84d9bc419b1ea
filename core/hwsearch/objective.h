#pragma once

#include "accel/cost_model.h"

#include <string>
#include <vector>

namespace dna::hwsearch {

/// What the hardware search optimises: fps is maximised, the others minimised, always under the budget.
enum class Objective { Fps, Latency, Energy, Edp };

/// The figures every evaluated design and every stored candidate has; an objective's metric is read from them.
struct Figures {
    double fps = 0;
    double latencyMs = 0;
    double energyUj = 0;
    double edp = 0; // uJ x ms
};

/// Per-layer weights that make the layer searches agree with the design objective: minimise
/// cyclesWeight * cycles + energyWeight * energyPj.
struct LayerWeights {
    double cyclesWeight = 1.0;
    double energyWeight = 0.0;
};

/// Marks a string for the explorer's translation catalogue: lupdate reads this file with DNA_TRANSLATE_NOOP as an
/// alias of QT_TRANSLATE_NOOP (app/CMakeLists.txt); core itself has no Qt.
#define DNA_TRANSLATE_NOOP(context, text) text

/// The objective table: one row per objective, in the order front ends list them. Everything that depends on the
/// objective reads its row: the search (designCost, layerWeights and how the mapping budget is shared), the store's
/// front (store::frontMetric), the plot's axis and direction, the budget panel's choice, the CLI.
struct ObjectiveInfo {
    Objective id;
    const char* name; // --objective, JSON, the store's runs.objective
    const char* unit; // of the metric's value: FPS, ms, uJ, uJ*ms
    bool maximise; // the front keeps high values (fps) or low ones; the search minimises 1/metric or the metric
    const char* label; // for choices ("Throughput (FPS)"); translated in context "dna::hwsearch::Objective"
    const char* axisLabel; // for a plot axis, with the unit ("Latency (ms)"); translated likewise
    double (*metric)(const Figures& figures); // the metric's value
    /// The layer searches' weights, given reference cycles and energy (pJ) of a layer (or of the whole design, for
    /// an objective whose layers' terms do not add up, see layerWeightsOfTotals).
    LayerWeights (*weights)(double refCycles, double refEnergyPj);
    bool layerWeightsOfTotals; // EDP: the weights come from the design's totals, not the layer's
    /// How a design's mapping budget is shared among its layers: by their cycles, their energy, or both.
    bool budgetByCycles;
    bool budgetByEnergy;
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

/// The scalar the strategies minimise for a whole design: 1/metric for an objective that is maximised (seconds
/// per inference for fps), the metric otherwise (latency in ms, energy in uJ, EDP in uJ x ms); +infinity when the
/// design is invalid.
double designCost(Objective o, const accel::DesignCost& cost);

/// The row's weights: exact for fps (each engine's sum of cycles), latency and energy; for EDP the first-order
/// expansion of log(E x L) around the reference totals.
LayerWeights layerWeights(Objective o, double refCycles, double refEnergyPj);

} // namespace dna::hwsearch
