#pragma once

#include "accel/design.h"

namespace dna::accel {

/// The "no search" baseline: spatial factors fill the array along the dataflow's row and column dimensions,
/// then temporal tiles grow greedily in the RF and then in the global buffer (each the largest that still
/// fits, in the dataflow's preferred order), DRAM covers the rest; loop orders are the dataflow's defaults.
Mapping heuristicMapping(const workload::Layer& layer, const Engine& engine, bool doubleBuffer);

/// One engine sized to the platform's budget with the given dataflow (FPGA: PEs from the DSPs, half of the
/// BRAM as buffer; ASIC: the PE / buffer / area budget), multi-cycle, double buffered.
Accelerator defaultAccelerator(const Platform& platform, int dataflow);

/// A complete design of `net` on `platform`: defaultAccelerator plus the heuristic mapping of every layer.
Design heuristicDesign(workload::Network net, const Platform& platform, int dataflow, int batch);

} // namespace dna::accel
