#include "accel/dataflow.h"

#include <algorithm>

namespace dna::accel {

using namespace dna::workload;

namespace {

std::vector<Dataflow> makeDataflows()
{
    std::vector<Dataflow> v;
    // Weight stationary, NVDLA/TPU-like: input channels on rows, output channels on columns; the filter window
    // and output pixels stream through while each PE keeps its weights.
    v.push_back({ "ws", "weight stationary: C on rows, K (or groups) on columns", { C, G }, { K, G }, { S, R },
        { X, Y, C, K, G, N, S, R }, { S, R, X, Y, C, K, G, N }, { X, Y, N, C, S, R, K, G },
        { X, Y, N, C, K, G, S, R } });
    // Output stationary, ShiDianNao-like: output rows x columns; each PE accumulates one output pixel.
    v.push_back(
        { "os", "output stationary: Y on rows, X on columns", { Y, N }, { X }, { S, R, C }, { C, K, G, Y, X, N, S, R },
            { S, R, C, K, G, Y, X, N }, { C, S, R, K, G, Y, X, N }, { C, S, R, K, G, Y, X, N } });
    // Output stationary over output channels and columns.
    v.push_back({ "kx", "output stationary: K (or groups) on rows, X on columns", { K, G }, { X, Y }, { S, R, C },
        { C, Y, X, K, G, N, S, R }, { S, R, C, K, G, Y, X, N }, { C, S, R, Y, X, K, G, N },
        { C, S, R, Y, X, K, G, N } });
    // Row stationary, Eyeriss: filter rows on PE rows, output rows on columns; the logical R x Y set is
    // replicated over input channels (rows) and output channels or groups (columns). Each PE runs a 1-D
    // convolution of a filter row (S) over an input row, with channels and filters kept in its scratchpads.
    v.push_back({ "rs", "row stationary: R then C on rows, Y then K (or groups) on columns", { R, C }, { Y, K, G },
        { S, C, K }, { X, K, C, G, N, Y, R, S }, { S, C, K, R, Y, X, G, N }, { X, C, K, G, N, Y, R, S },
        { C, K, G, N, X, Y, R, S } });
    // Eyeriss's own mappings (Chen et al., JSSC 2017, Table III) also stack filter sets on the rows (CONV3-5: four
    // 3 x 13 sets on the 12 x 14 array) and fold a set of more output rows than columns onto them (CONV2: 5 x 27).
    v.back().alsoOnRows = { K, Y };
    // Weight stationary over input and output channels with the filter window in the array (DNA template 0).
    v.push_back({ "rsck", "weight stationary: S and C on rows, R and K on columns", { S, C }, { R, K, G }, { S, R },
        { X, Y, C, K, G, N, S, R }, { S, R, X, Y, C, K, G, N }, { X, Y, N, C, S, R, K, G },
        { X, Y, N, C, K, G, S, R } });
    for (Dataflow& df : v) {
        for (int d : df.rowDims) {
            df.rowMask |= 1u << d;
        }
        for (int d : df.alsoOnRows) {
            df.rowMask |= 1u << d;
        }
        for (int d : df.colDims) {
            df.colMask |= 1u << d;
        }
    }
    return v;
}

} // namespace

const std::vector<Dataflow>& dataflows()
{
    static const std::vector<Dataflow> list = makeDataflows();
    return list;
}

double spatialComputeSteps(const Layer& l, const Dataflow& df, int rows, int cols)
{
    std::array<int, kDims> unroll;
    unroll.fill(1);
    auto place = [&](const std::vector<int>& dims, int size) {
        for (int d : dims) {
            const int remaining = (l.dims[size_t(d)] + unroll[size_t(d)] - 1) / unroll[size_t(d)];
            const int passes = (remaining + size - 1) / std::max(1, size);
            const int f = std::max(1, (remaining + passes - 1) / passes);
            unroll[size_t(d)] *= f;
            size = std::max(1, size / f);
        }
    };
    place(df.rowDims, std::max(1, rows));
    place(df.colDims, std::max(1, cols));
    double steps = 1;
    for (int d = 0; d < kDims; ++d) {
        steps *= double((l.dims[size_t(d)] + unroll[size_t(d)] - 1) / unroll[size_t(d)]);
    }
    return steps;
}

int dataflowIndex(const std::string& name)
{
    const auto& list = dataflows();
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].name == name) {
            return int(i);
        }
    }
    return -1;
}

std::string dataflowNames(const std::string& separator)
{
    std::string s;
    for (const auto& d : dataflows()) {
        s += (s.empty() ? "" : separator) + d.name;
    }
    return s;
}

} // namespace dna::accel
