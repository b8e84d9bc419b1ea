#pragma once

#include "workload/layer.h"

#include <array>
#include <string>
#include <vector>

namespace dna::accel {

/// A spatial-unrolling template: which loop dimensions may be unrolled over the PE rows and over the columns
/// (in the order the heuristic mapper fills them), plus the heuristic's preferences for the temporal levels.
/// A new dataflow is one entry in dataflows(): the hardware-search knob, the JSON reader, the CLI help, the error
/// messages and the tests derive their lists from the table.
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
    /// Dimensions a design may also unroll over the rows beyond rowDims, which the heuristic and the searches
    /// fill; the validity check accepts them (a chip's own mappings use them; see rs).
    std::vector<int> alsoOnRows {};

    unsigned rowMask = 0; // bit d set when rowDims holds d (filled by dataflows())
    unsigned colMask = 0;

    bool allowsRow(int d) const { return (rowMask >> d) & 1u; }
    bool allowsCol(int d) const { return (colMask >> d) & 1u; }
};

const std::vector<Dataflow>& dataflows();
/// Compute steps of `l` on a rows x cols array unrolled as `df` says: each row dimension (then column dimension)
/// in order takes the smallest factor that needs the fewest passes over what the earlier ones left of the rows
/// (columns); the steps are the product of every dimension's passes (MACs / steps = the PEs busy on average).
/// A count, not a cost-model evaluation: the hardware search's grid uses it to give a dataflow an array shape.
double spatialComputeSteps(const workload::Layer& l, const Dataflow& df, int rows, int cols);
/// Index into dataflows(), or -1.
int dataflowIndex(const std::string& name);
/// The names in table order, joined: "ws, os, kx, rs, rsck" (help texts and errors derive their lists from it).
std::string dataflowNames(const std::string& separator = ", ");

} // namespace dna::accel
