#include "hwsearch/objective.h"

#include <limits>

namespace dna::hwsearch {

const char* objectiveName(Objective o)
{
    switch (o) {
    case Objective::Fps:
        return "fps";
    case Objective::Latency:
        return "latency";
    case Objective::Energy:
        return "energy";
    case Objective::Edp:
        return "edp";
    }
    return "fps";
}

bool parseObjective(const std::string& s, Objective& out)
{
    for (Objective o : { Objective::Fps, Objective::Latency, Objective::Energy, Objective::Edp }) {
        if (s == objectiveName(o)) {
            out = o;
            return true;
        }
    }
    return false;
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
