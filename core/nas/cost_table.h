#pragma once

#include "workload/search_space.h"

#include <string>
#include <vector>

namespace dna::nas {

/// The hardware term of the architecture loss: the cost of every candidate op at every searchable layer
/// (layers x ops, row-major), plus the fixed cost of the stem and head. The supernet adds
/// lambda x (cost of the sampled ops) to its architecture loss; the co-search fills it from an accelerator
/// search, `flopsTable` fills it from the layer shapes.
struct CostTable {
    std::string metric; // "mflops", "latency_ms", "energy_uj", ...
    int layers = 0;
    int ops = 0;
    std::vector<double> values;
    double fixed = 0; // stem, head and classifier

    double at(int layer, int op) const { return values[size_t(layer) * ops + op]; }
    double& at(int layer, int op) { return values[size_t(layer) * ops + op]; }
    bool empty() const { return values.empty(); }
    /// fixed + the chosen op's cost at every layer.
    double genotypeCost(const std::vector<int>& genotype) const;
};

/// Floating-point operations (2 per multiply-accumulate) in millions, from the conv layers core/workload
/// builds for each op; the fixed part is the stem, head and classifier.
CostTable flopsTable(const workload::SearchSpace& space);

} // namespace dna::nas
