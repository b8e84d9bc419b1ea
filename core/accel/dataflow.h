#pragma once

#include "workload/layer.h"

#include <array>
#include <string>
#include <vector>

namespace dna::accel {

/// A spatial-unrolling template: which loop dimensions may be unrolled over the PE rows and over the columns
/// (in the order the heuristic mapper fills them), plus the heuristic's preferences for the temporal levels.
/// A new dataflow is one entry in dataflows(); nothing else needs to change.
struct Dataflow {
    std::string name;
    std::string description;
    std::vector<int> rowDims;
    std::vector<int> colDims;
    std::vector<int> rfGrowOrder; // dims the heuristic grows in the RF, in order
    std::vector<int> gbGrowOrder; // dims the heuristic grows in the global buffer, in order
    std::array<int, workload::kDims> rfOrder; // loop order, innermost first
    std::array<int, workload::kDims> gbOrder;
    std::array<int, workload::kDims> dramOrder;

    bool allowsRow(int d) const;
    bool allowsCol(int d) const;
};

const std::vector<Dataflow>& dataflows();
/// Index into dataflows(), or -1.
int dataflowIndex(const std::string& name);
std::string dataflowNames();

} // namespace dna::accel
