#include "hwsearch/objective.h"

#include <limits>

namespace dna::hwsearch {

namespace {

// Cycles decide; energy only breaks ties between mappings of equal speed (and the other way round).
LayerWeights byCycles(double c, double e) { return { 1.0, 1e-6 * c / e }; }
LayerWeights byEnergy(double c, double e) { return { 1e-6 * e / c, 1.0 }; }
LayerWeights byBoth(double c, double e) { return { 1.0 / c, 1.0 / e }; }

} // namespace

const std::vector<ObjectiveInfo>& objectives()
{
    static const std::vector<ObjectiveInfo> table {
        { Objective::Fps, "fps", "FPS", true, DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Throughput (FPS)"),
            DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Throughput (FPS)"), [](const Figures& f) { return f.fps; },
            byCycles, false, true, false },
        { Objective::Latency, "latency", "ms", false, DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Latency"),
            DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Latency (ms)"),
            [](const Figures& f) { return f.latencyMs; }, byCycles, false, true, false },
        { Objective::Energy, "energy", "uJ", false,
            DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Energy per inference"),
            DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Energy per inference (µJ)"),
            [](const Figures& f) { return f.energyUj; }, byEnergy, false, false, true },
        { Objective::Edp, "edp", "uJ*ms", false, DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Energy-delay product"),
            DNA_TRANSLATE_NOOP("dna::hwsearch::Objective", "Energy-delay product (µJ·ms)"),
            [](const Figures& f) { return f.edp; }, byBoth, true, true, true },
    };
    return table;
}

const ObjectiveInfo& objectiveInfo(Objective o)
{
    for (const ObjectiveInfo& info : objectives()) {
        if (info.id == o) {
            return info;
        }
    }
    return objectives().front();
}

const char* objectiveName(Objective o) { return objectiveInfo(o).name; }

bool parseObjective(const std::string& s, Objective& out)
{
    for (const ObjectiveInfo& info : objectives()) {
        if (s == info.name) {
            out = info.id;
            return true;
        }
    }
    return false;
}

Objective objectiveOr(const std::string& s, Objective fallback)
{
    parseObjective(s, fallback);
    return fallback;
}

std::string objectiveNames(const std::string& separator)
{
    std::string s;
    for (const ObjectiveInfo& info : objectives()) {
        s += (s.empty() ? "" : separator) + info.name;
    }
    return s;
}

double designCost(Objective o, const accel::DesignCost& cost)
{
    if (!cost.valid() || cost.fps <= 0) {
        return std::numeric_limits<double>::infinity();
    }
    const ObjectiveInfo& info = objectiveInfo(o);
    const double value = info.metric({ cost.fps, cost.latencyMs, cost.energyUj, cost.edp });
    return info.maximise ? 1.0 / value : value;
}

LayerWeights layerWeights(Objective o, double refCycles, double refEnergyPj)
{
    return objectiveInfo(o).weights(refCycles > 0 ? refCycles : 1.0, refEnergyPj > 0 ? refEnergyPj : 1.0);
}

} // namespace dna::hwsearch
