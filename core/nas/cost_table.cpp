#include "nas/cost_table.h"

#include "workload/network.h"

namespace dna::nas {

double CostTable::genotypeCost(const std::vector<int>& genotype) const
{
    double total = fixed;
    for (int l = 0; l < int(genotype.size()) && l < layers; ++l) {
        total += at(l, genotype[l]);
    }
    return total;
}

CostTable flopsTable(const workload::SearchSpace& space)
{
    CostTable t;
    t.metric = "mflops";
    t.layers = space.searchableLayers();
    t.ops = int(space.ops.size());
    t.values.assign(size_t(t.layers) * t.ops, 0.0);
    for (int l = 0; l < t.layers; ++l) {
        for (int o = 0; o < t.ops; ++o) {
            int64_t macs = 0;
            for (const auto& layer : workload::opLayers(space, l, o, "x")) {
                macs += layer.macs();
            }
            t.at(l, o) = 2.0 * double(macs) / 1e6;
        }
    }
    // The fixed part: any genotype's total minus its searchable layers.
    auto net = workload::networkFromOps(space.name, std::vector<int>(t.layers, 0));
    if (net) {
        double searchable = 0;
        for (int l = 0; l < t.layers; ++l) {
            searchable += t.at(l, 0);
        }
        t.fixed = 2.0 * double(net->macs()) / 1e6 - searchable;
    }
    return t;
}

} // namespace dna::nas
