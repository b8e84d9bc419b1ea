#pragma once

#include "accel/design.h"

#include <string>

namespace dna::io {

/// One layer of a design as a Timeloop (v3 `timeloop-model`) input: problem (a grouped CNN-layer shape defined
/// in the file, with a G dimension so that a grouped or depthwise layer's weights, inputs and outputs are per
/// group), architecture (DRAM and global buffer with the bandwidths the cost model uses, sizes in words, per-PE
/// register file, MACs with the array's mesh) and the mapping (temporal directives per level, the spatial
/// fan-out at the global buffer with `split` between X and Y). Dimension names: ours G N K C Y X R S are
/// Timeloop's G N K C Q P S R (P/R along the width, Q/S along the height). Where our factors overshoot a
/// dimension (partial edge tiles), the problem is exported padded to the product and the header names the
/// padding.
std::string timeloopYaml(const accel::Design& design, size_t layerIndex);

/// The loop nest of one layer, outermost first, in the style of Timeloop's map.txt: level headers with the
/// tile each holds, `for` lines, spatial loops marked (Spatial-X over columns, Spatial-Y over rows).
/// Only loops with more than one iteration are printed.
std::string loopNestText(const accel::Design& design, size_t layerIndex);

} // namespace dna::io
