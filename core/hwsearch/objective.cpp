#include "hwsearch/objective.h"

#include <limits>

namespace dna::hwsearch {

const std::vector<ObjectiveInfo>& objectives()
{
    static const std::vector<ObjectiveInfo> table {
        { Objective::Fps, "fps", "FPS", true },
        { Objective::Latency, "latency", "ms", false },
        { Objective::Energy, "energy", "uJ", false },
        { Objective::Edp, "edp", "uJ*ms", false },
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
    switch (o) {
    case Objective::Fps:
        return 1.0 / cost.fps;
    case Objective::Latency:
        return cost.latencyMs;
    case Objective::Energy:
        return cost.energyUj;
    case Objective::Edp:
        return cost.edp;
    }
    return cost.edp;
}

LayerWeights layerWeights(Objective o, double refCycles, double refEnergyPj)
{
    const double c = refCycles > 0 ? refCycles : 1.0;
    const double e = refEnergyPj > 0 ? refEnergyPj : 1.0;
    switch (o) {
    case Objective::Fps:
    case Objective::Latency:
        // Cycles decide; energy only breaks ties between mappings of equal speed.
        return { 1.0, 1e-6 * c / e };
    case Objective::Energy:
        return { 1e-6 * e / c, 1.0 };
    case Objective::Edp:
        return { 1.0 / c, 1.0 / e };
    }
    return { 1.0, 0.0 };
}

} // namespace dna::hwsearch
