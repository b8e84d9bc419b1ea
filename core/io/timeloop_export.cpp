#include "io/timeloop_export.h"

#include "accel/dataflow.h"

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace dna::io {

using namespace dna::accel;
using namespace dna::workload;

namespace {

// Timeloop's letter for each of our dimensions. The file defines its own problem shape, so groups are a
// dimension G of it (Timeloop's stock CNN-Layer shape has none).
char timeloopName(int d)
{
    switch (d) {
    case G:
        return 'G';
    case N:
        return 'N';
    case K:
        return 'K';
    case C:
        return 'C';
    case Y:
        return 'Q';
    case X:
        return 'P';
    case R:
        return 'S';
    case S:
        return 'R';
    default:
        return '?';
    }
}

// Every dimension, in the order the file lists them.
const int kExported[] = { G, N, K, C, Y, X, R, S };

std::string factors(const std::array<int, kDims>& f)
{
    std::string s;
    for (int d : kExported) {
        s += (s.empty() ? "" : " ") + std::string(1, timeloopName(d)) + std::to_string(f[d]);
    }
    return s;
}

std::string permutation(const std::array<int, kDims>& order)
{
    std::string s;
    for (int d : order) {
        s += timeloopName(d);
    }
    return s;
}

} // namespace

std::string timeloopYaml(const Design& design, size_t index)
{
    const Layer& l = design.network.layers.at(index);
    const Mapping& m = design.mappings.at(index);
    const auto engines = design.accelerator.assignEngines(design.network);
    const int e = engines.at(index);
    const Engine& en = design.accelerator.engines.at(size_t(e));

    std::array<int, kDims> padded = l.dims;
    for (int d : kExported) {
        padded[d] = std::max(l.dims[d], m.rf[d] * m.spatialRow[d] * m.spatialCol[d] * m.gb[d] * m.dram[d]);
    }
    std::ostringstream os;
    os << "# DNA Explorer export for timeloop-model (v3 input format)\n";
    os << "# network " << design.network.label() << ", layer " << index << " '" << l.name << "' ("
       << layerTypeName(l.type) << "), platform " << design.platform.name << ", engine " << e << " (" << en.rows << "x"
       << en.cols << " PEs, dataflow " << dataflows()[en.dataflow].name << ")\n";
    if (l.dims[G] > 1) {
        os << "# grouped: G = " << l.dims[G] << " groups of C = " << l.dims[C] << " input and K = " << l.dims[K]
           << " output channels each; weights, inputs and outputs are per group (the shape below has a G dimension)\n";
    }
    for (int d : kExported) {
        if (padded[d] != l.dims[d]) {
            os << "# padded: " << timeloopName(d) << " " << l.dims[d] << " -> " << padded[d]
               << " (our factors overshoot; the edge tiles are partial in DNA Explorer)\n";
        }
    }
    const bool zeroAware
        = (design.platform.dramRlc || design.platform.zeroGating) && (l.inputZeros > 0 || l.outputZeros > 0);
    if (zeroAware) {
        os << "# dense: the platform's run-length coded DRAM traffic and zero gating (zeros: inputs " << l.inputZeros
           << ", outputs " << l.outputZeros << ") are not in this file, so Timeloop counts more DRAM traffic and MAC "
           << "energy than DNA Explorer\n";
    }
    if (design.platform.partialDoubleBuffer && design.accelerator.doubleBuffer) {
        os << "# overlap: the platform double-buffers only the tiles the innermost DRAM loop changes and waits for the "
              "others' refills; Timeloop overlaps all DRAM traffic with compute, so it can count fewer cycles\n";
    }
    os << "# our dimensions -> Timeloop: G->G, N->N, K->K, C->C, Y (output rows)->Q, X (output columns)->P, R->S, "
          "S->R\n";

    os << "problem:\n  shape:\n    name: Grouped-CNN-Layer\n    dimensions: [ G, C, K, R, S, N, P, Q ]\n"
       << "    coefficients:\n      - name: Wstride\n        default: 1\n      - name: Hstride\n        default: 1\n"
       << "      - name: Wdilation\n        default: 1\n      - name: Hdilation\n        default: 1\n"
       << "    data-spaces:\n"
       << "      - name: Weights\n        projection:\n          - [ [G] ]\n          - [ [C] ]\n          - [ [K] ]\n"
       << "          - [ [R] ]\n          - [ [S] ]\n"
       << "      - name: Inputs\n        projection:\n          - [ [N] ]\n          - [ [G] ]\n          - [ [C] ]\n"
       << "          - [ [R, Wdilation], [P, Wstride] ]\n          - [ [S, Hdilation], [Q, Hstride] ]\n"
       << "      - name: Outputs\n        projection:\n          - [ [N] ]\n          - [ [G] ]\n          - [ [K] ]\n"
       << "          - [ [Q] ]\n          - [ [P] ]\n        read-write: True\n";
    os << "  instance:\n";
    for (int d : kExported) {
        os << "    " << timeloopName(d) << ": " << padded[d] << "\n";
    }
    os << "    Wstride: " << l.strideX << "\n    Hstride: " << l.strideY << "\n";

    const int bits = std::max({ l.weightBits, l.inputBits, l.outputBits });
    os << "arch:\n";
    os << "  arithmetic:\n    name: MACs\n    instances: " << en.pes() << "\n    meshX: " << en.cols
       << "\n    word-bits: " << bits << "\n";
    os << "  storage:\n";
    os << "    - name: RegisterFile\n      entries: " << en.rfBytes * 8 / bits << "\n      instances: " << en.pes()
       << "\n      meshX: " << en.cols << "\n      word-bits: " << bits << "\n";
    // Sizes in whole words (Timeloop reads sizeKB as an integer), and the bandwidths our model bounds: DRAM
    // always, shared by reads and writes; the global buffer on an ASIC that sets gb_words_per_cycle.
    os << "    - name: GlobalBuffer\n      entries: " << en.gbBytes * 8 / bits << "\n      instances: 1\n"
       << "      word-bits: " << bits << "\n";
    if (design.platform.target == Target::Asic && design.platform.gbWordsPerCycle > 0) {
        os << "      shared_bandwidth: " << design.platform.gbWordsPerCycle << "\n";
    }
    os << "    - name: DRAM\n      technology: DRAM\n      instances: 1\n      word-bits: " << bits << "\n"
       << "      shared_bandwidth: " << design.platform.dramBytesPerCycle() * 8 / bits << "\n";

    // Spatial: columns (X) first, then rows (Y); a dimension split over both goes to the larger side.
    std::array<int, kDims> spatial {};
    std::string xDims;
    std::string yDims;
    for (int d : kExported) {
        spatial[d] = m.spatialRow[d] * m.spatialCol[d];
        if (spatial[d] > 1) {
            (m.spatialCol[d] >= m.spatialRow[d] ? xDims : yDims) += timeloopName(d);
        }
    }
    std::string rest;
    for (int d : kExported) {
        const char c = timeloopName(d);
        if (xDims.find(c) == std::string::npos && yDims.find(c) == std::string::npos) {
            rest += c;
        }
    }
    std::array<int, kDims> ones {};
    ones.fill(1);
    os << "mapping:\n";
    os << "  - target: RegisterFile\n    type: temporal\n    factors: " << factors(m.rf)
       << "\n    permutation: " << permutation(m.order[Mapping::RfLevel]) << "\n";
    os << "  - target: GlobalBuffer\n    type: spatial\n    factors: " << factors(spatial)
       << "\n    permutation: " << xDims << yDims << rest << "\n    split: " << xDims.size() << "\n";
    os << "  - target: GlobalBuffer\n    type: temporal\n    factors: " << factors(m.gb)
       << "\n    permutation: " << permutation(m.order[Mapping::GbLevel]) << "\n";
    os << "  - target: DRAM\n    type: temporal\n    factors: " << factors(m.dram)
       << "\n    permutation: " << permutation(m.order[Mapping::DramLevel]) << "\n";
    return os.str();
}

std::string loopNestText(const Design& design, size_t index)
{
    const Layer& l = design.network.layers.at(index);
    const Mapping& m = design.mappings.at(index);
    std::ostringstream os;
    int depth = 0;
    auto tileText = [&](const std::array<int, kDims>& extent) {
        std::array<int, kDims> t {};
        for (int d = 0; d < kDims; ++d) {
            t[d] = std::min(extent[d], l.dims[d]);
        }
        const double w = tileWords(Weights, t, l.strideY, l.strideX);
        const double i = tileWords(Inputs, t, l.strideY, l.strideX);
        const double o = tileWords(Outputs, t, l.strideY, l.strideX);
        std::ostringstream s;
        // Whole words (tile extents are integers); streaming the doubles would print 2.3593e+06 for big layers.
        s << "[ Weights:" << int64_t(w) << " Inputs:" << int64_t(i) << " Outputs:" << int64_t(o) << " ]";
        return s.str();
    };
    auto loops = [&](const std::array<int, kDims>& order, const std::array<int, kDims>& f, const char* mark) {
        // order is innermost first: print outermost first.
        for (int i = kDims - 1; i >= 0; --i) {
            const int d = order[i];
            if (f[d] > 1) {
                // As in Timeloop's map.txt: the bar in column 0, the nesting after it, level headers unindented.
                os << "| " << std::string(size_t(depth) * 2, ' ') << "for " << kDimNames[d] << " in [0:" << f[d] << ")"
                   << mark << "\n";
                ++depth;
            }
        }
    };
    std::array<int, kDims> full = l.dims;
    std::array<int, kDims> gbTile {};
    std::array<int, kDims> arrayTile {};
    for (int d = 0; d < kDims; ++d) {
        arrayTile[d] = m.rf[d] * m.spatial(d);
        gbTile[d] = arrayTile[d] * m.gb[d];
    }
    os << "DRAM " << tileText(full) << "\n";
    loops(m.order[Mapping::DramLevel], m.dram, "");
    os << "GlobalBuffer " << tileText(gbTile) << "\n";
    loops(m.order[Mapping::GbLevel], m.gb, "");
    const std::array<int, kDims> identity { 0, 1, 2, 3, 4, 5, 6, 7 };
    loops(identity, m.spatialRow, " (Spatial-Y)");
    loops(identity, m.spatialCol, " (Spatial-X)");
    os << "RegisterFile " << tileText(m.rf) << "\n";
    loops(m.order[Mapping::RfLevel], m.rf, "");
    os << "| " << std::string(size_t(depth) * 2, ' ') << "<< Compute >>\n";
    return os.str();
}

} // namespace dna::io
