#pragma once

#include "accel/design.h"
#include "accel/platform.h"
#include "workload/layer.h"

namespace dna::test {

/// A 1x1 convolution with the given dims (N = G = R = S = 1).
inline workload::Layer pointwise(int k, int c, int y, int x)
{
    workload::Layer l;
    l.name = "pw";
    l.dims = { 1, 1, k, c, y, x, 1, 1 };
    return l;
}

/// An ASIC with the Eyeriss unit energies (MAC 1, RF 1, NoC 2, GB 6, DRAM 200 pJ), 200 MHz, a GB bandwidth
/// high enough that the GB never bounds, no budget limits.
inline accel::Platform testAsic()
{
    accel::Platform p = *accel::findPlatform("eyeriss");
    p.gbWordsPerCycle = 1000;
    p.partialDoubleBuffer = false; // a double-buffered GB holds two copies of every tile
    p.budget = {};
    return p;
}

/// One PE with a large shared RF and GB.
inline accel::Engine singlePe(int dataflow = 0)
{
    accel::Engine e;
    e.rows = 1;
    e.cols = 1;
    e.dataflow = dataflow;
    e.gbBytes = 1 << 20;
    e.rfBytes = 1 << 16;
    e.gbShare = { 0, 0, 0 };
    e.rfSplit = { 0, 0, 0 };
    return e;
}

inline std::array<int, workload::kDims> order(const char* letters)
{
    std::array<int, workload::kDims> o {};
    for (int i = 0; i < workload::kDims; ++i) {
        for (int d = 0; d < workload::kDims; ++d) {
            if (letters[i] == workload::kDimNames[d]) {
                o[i] = d;
            }
        }
    }
    return o;
}

} // namespace dna::test
