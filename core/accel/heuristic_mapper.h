#pragma once

#include "accel/design.h"

namespace dna::accel {

/// The "no search" baseline: spatial factors fill the array along the dataflow's row and column dimensions,
/// then temporal tiles grow greedily in the RF and then in the global buffer (each the largest that still
/// fits, in the dataflow's preferred order), DRAM covers the rest. The GB and DRAM loop orders are the best of
/// the dataflow's default and three stationary orders (weights, outputs or inputs kept), by energy: 16 cost-model
/// evaluations. With `tryLoopOrders` false it keeps the dataflow's own orders and evaluates nothing (the
/// hardware search screens accelerators that way).
Mapping heuristicMapping(const workload::Layer& layer, const Engine& engine, const Platform& platform,
    bool doubleBuffer, bool tryLoopOrders = true);

/// One engine sized to the platform's budget with the given dataflow (FPGA: PEs from the DSPs, half of the
/// BRAM as buffer; ASIC: the PE / buffer / area budget), multi-cycle, double buffered.
Accelerator defaultAccelerator(const Platform& platform, int dataflow);

/// A complete design of `net` on `platform`: defaultAccelerator plus the heuristic mapping of every layer.
Design heuristicDesign(workload::Network net, const Platform& platform, int dataflow, int batch);

} // namespace dna::accel
