#include "accel/heuristic_mapper.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>

namespace dna::accel {

using namespace dna::workload;

namespace {

int ceilDiv(int a, int b) { return (a + b - 1) / b; }

/// The smallest factor <= limit that needs the fewest passes over `extent`.
int fitFactor(int extent, int limit)
{
    if (extent <= limit) {
        return extent;
    }
    return ceilDiv(extent, ceilDiv(extent, limit));
}

bool fits(const std::array<int, kDims>& tile, const Layer& l, bool shared, double totalBytes,
    const std::array<double, kOperands>& perOperandBytes, double copies)
{
    double sum = 0;
    for (int o = 0; o < kOperands; ++o) {
        const double b = tileWords(Operand(o), tile, l.strideY, l.strideX) * l.operandBits(Operand(o)) / 8.0 * copies;
        if (!shared && b > perOperandBytes[o] + 1e-9) {
            return false;
        }
        sum += b;
    }
    return !shared || sum <= totalBytes + 1e-9;
}

/// Grows tile[d] (the factor `factor[d]`, with `inner` the extent below it) to the largest value that fits.
template <class Fits>
void grow(std::array<int, kDims>& factor, const std::array<int, kDims>& inner, const Layer& l,
    const std::vector<int>& order, Fits fitsWith)
{
    for (int d : order) {
        // The largest t = ceil(remaining / passes) over passes = 1, 2, ... that fits. t falls as passes grow and
        // a smaller tile fits wherever a larger one does, so the first fitting pass count is found by bisection
        // (a tile of 1 is the fallback and is not tried).
        const int remaining = ceilDiv(l.dims[d], inner[d]);
        auto fitsAt = [&](int passes) {
            factor[d] = ceilDiv(remaining, passes);
            return fitsWith(d);
        };
        int best = 1;
        if (remaining > 1) {
            int lo = 1; // the first fitting pass count is >= lo
            int hi = remaining; // t(remaining) = 1: no larger tile exists past it
            while (lo < hi) {
                const int mid = lo + (hi - lo) / 2;
                if (ceilDiv(remaining, mid) <= 1 || fitsAt(mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            best = ceilDiv(remaining, lo); // P(lo) holds: 1, or a tile that fits
        }
        factor[d] = best;
    }
}

/// The global-buffer factors that leave a single dimension to the DRAM loops: every other dimension whole in the
/// buffer, that one as large as fits. Each operand then crosses the DRAM link once (inputs with the halo of their
/// windows when the dimension is Y or X), the fewest words any buffer tile gives: an operand the dimension does
/// not index stays in the buffer over its loop, and one it indexes is read a slice at a time. Of the dimensions that
/// can be the one left, the fewest DRAM words win, then the fewest trips. False when none can (the layer's other
/// dimensions are too large for the buffer together): `gb` is left as it was. `fitsWith` judges the factors in `gb`.
template <class Fits>
bool singleSplitGb(std::array<int, kDims>& gb, const std::array<int, kDims>& arrayTile, const Layer& l, Fits fitsWith)
{
    std::array<int, kDims> whole {};
    for (int d = 0; d < kDims; ++d) {
        whole[d] = ceilDiv(l.dims[d], arrayTile[d]);
    }
    double bestWords = -1;
    long bestTrips = 0;
    std::array<int, kDims> best {};
    for (int split : { N, G, K, C, Y, X }) {
        const std::array<int, kDims> before = gb;
        gb = whole;
        gb[split] = 1;
        const bool possible = fitsWith(split);
        if (possible) {
            grow(gb, arrayTile, l, { split }, fitsWith);
        }
        const std::array<int, kDims> f = gb;
        gb = before;
        if (!possible) {
            continue;
        }
        std::array<int, kDims> tile {};
        for (int d = 0; d < kDims; ++d) {
            tile[d] = std::min(arrayTile[d] * f[d], l.dims[d]);
        }
        const long trips = ceilDiv(l.dims[split], tile[split]);
        std::array<int, kDims> last = tile;
        last[split] = l.dims[split] - int(trips - 1) * tile[split];
        double words = 0;
        for (int o = 0; o < kOperands; ++o) {
            const Operand op = Operand(o);
            words += relevant(op, split) ? double(trips - 1) * tileWords(op, tile, l.strideY, l.strideX)
                    + tileWords(op, last, l.strideY, l.strideX)
                                         : tileWords(op, tile, l.strideY, l.strideX);
        }
        if (bestWords < 0 || words < bestWords - 1e-9 || (words <= bestWords + 1e-9 && trips < bestTrips)) {
            bestWords = words;
            bestTrips = trips;
            best = f;
        }
    }
    if (bestWords < 0) {
        return false;
    }
    gb = best;
    return true;
}

} // namespace

Mapping heuristicMapping(
    const Layer& layer, const Engine& engine, const Platform& platform, bool doubleBuffer, bool tryLoopOrders)
{
    const Dataflow& df = dataflows()[engine.dataflow];
    Mapping m;
    m.order = { df.rfOrder, df.gbOrder, df.dramOrder };

    int rowsLeft = engine.rows;
    for (int d : df.rowDims) {
        m.spatialRow[d] = fitFactor(layer.dims[d], rowsLeft);
        rowsLeft /= m.spatialRow[d];
    }
    int colsLeft = engine.cols;
    for (int d : df.colDims) {
        m.spatialCol[d] = fitFactor(ceilDiv(layer.dims[d], m.spatialRow[d]), colsLeft);
        colsLeft /= m.spatialCol[d];
    }

    std::array<double, kOperands> rfSplit {};
    std::array<double, kOperands> gbSplit {};
    for (int o = 0; o < kOperands; ++o) {
        rfSplit[o] = engine.rfSplit[o];
        gbSplit[o] = engine.gbShare[o] * double(engine.gbBytes);
    }
    const double copies = doubleBuffer ? 2.0 : 1.0;

    // RF tiles: the PE tile is the RF factors themselves.
    std::array<int, kDims> ones {};
    ones.fill(1);
    grow(m.rf, ones, layer, df.rfGrowOrder, [&](int) {
        std::array<int, kDims> tile {};
        for (int d = 0; d < kDims; ++d) {
            tile[d] = std::min(m.rf[d], layer.dims[d]);
        }
        return fits(tile, layer, engine.rfShared(), engine.rfBytes, rfSplit, 1.0);
    });

    auto gbTile = [&]() {
        std::array<int, kDims> tile {};
        for (int d = 0; d < kDims; ++d) {
            tile[d] = std::min(m.rf[d] * m.spatial(d) * m.gb[d], layer.dims[d]);
        }
        return tile;
    };
    auto gbFits
        = [&](int) { return fits(gbTile(), layer, engine.gbShared(), double(engine.gbBytes), gbSplit, copies); };
    if (!gbFits(0)) {
        m.rf.fill(1); // the RF choice leaves no room for one array tile in the GB: fall back to single words
    }
    std::array<int, kDims> arrayTile {};
    for (int d = 0; d < kDims; ++d) {
        arrayTile[d] = m.rf[d] * m.spatial(d);
    }
    grow(m.gb, arrayTile, layer, df.gbGrowOrder, gbFits);
    // The fewest DRAM words first: a DRAM word costs about 200 times an RF access (the normalised table) and a
    // DRAM-bound layer's time is its DRAM words. Where the RF tiles keep the buffer from holding all but one
    // dimension whole, they give way (the largest RF factor halved at a time) until it can.
    if (!singleSplitGb(m.gb, arrayTile, layer, gbFits)) {
        const Mapping greedy = m;
        bool split = false;
        while (!split) {
            int largest = -1;
            for (int d = 0; d < kDims; ++d) {
                if (m.rf[d] > 1 && (largest < 0 || m.rf[d] > m.rf[largest])) {
                    largest = d;
                }
            }
            if (largest < 0) {
                break;
            }
            m.rf[largest] = ceilDiv(m.rf[largest], 2);
            for (int d = 0; d < kDims; ++d) {
                arrayTile[d] = m.rf[d] * m.spatial(d);
            }
            split = singleSplitGb(m.gb, arrayTile, layer, gbFits);
        }
        if (!split) {
            m = greedy; // no dimension can be the only one left: the greedy tiles stand
        }
    }

    for (int d = 0; d < kDims; ++d) {
        m.dram[d] = ceilDiv(layer.dims[d], m.rf[d] * m.spatial(d) * m.gb[d]);
    }

    if (!tryLoopOrders) {
        return m;
    }
    // Loop orders, innermost first: loops irrelevant to the operand to keep come first.
    const std::array<std::array<int, kDims>, 4> candidates { { df.dramOrder, { N, Y, X, C, K, G, R, S }, // weights stay
        { C, R, S, N, Y, X, K, G }, // partial sums stay
        { K, N, Y, X, C, G, R, S } } }; // inputs stay
    Mapping best = m;
    double bestEnergy = -1;
    for (const auto& gbOrder : candidates) {
        for (const auto& dramOrder : candidates) {
            Mapping trial = m;
            trial.order[Mapping::GbLevel] = gbOrder;
            trial.order[Mapping::DramLevel] = dramOrder;
            const LayerCost c = evaluateLayer(layer, engine, trial, platform, doubleBuffer);
            if (c.valid() && (bestEnergy < 0 || c.energyPj.total() < bestEnergy)) {
                bestEnergy = c.energyPj.total();
                best = trial;
            }
        }
    }
    return best;
}

Accelerator defaultAccelerator(const Platform& platform, int dataflow)
{
    Accelerator acc;
    Engine e;
    e.dataflow = dataflow;
    if (platform.defaultEngine) {
        // The platform fixes its engine (a chip's own array and scratchpads).
        const EngineDefaults& d = *platform.defaultEngine;
        e.rows = d.rows;
        e.cols = d.cols;
        e.gbBytes = d.gbBytes;
        e.gbShare = d.gbShare;
        e.rfBytes = d.rfBytes;
        e.rfSplit = d.rfSplit;
    } else if (platform.target == Target::Fpga) {
        const int pes = std::max(1, int(platform.budget.dsp / dspPerMac(16)));
        e.rows = std::max(1, int(std::sqrt(double(pes))));
        e.cols = std::max(1, pes / e.rows);
        e.gbBytes = int64_t(platform.budget.bram18) * (kBram18Bits / 8) / 2;
        e.gbShare = { 0.3, 0.35, 0.35 };
        e.rfBytes = 64; // a few registers per DSP
        e.rfSplit = { 0, 0, 0 };
    } else {
        e.rows = 16;
        e.cols = 16;
        e.gbBytes = 128 * 1024;
        e.rfBytes = 256;
        if (platform.budget.pes > 0) {
            while (e.rows * e.cols > platform.budget.pes && e.rows > 1) {
                e.rows /= 2;
            }
        }
        if (platform.budget.gbBytes > 0) {
            e.gbBytes = std::min<int64_t>(e.gbBytes, platform.budget.gbBytes);
        }
        if (platform.budget.rfBytesPerPe > 0) {
            e.rfBytes = std::min(e.rfBytes, platform.budget.rfBytesPerPe);
        }
    }
    acc.engines = { e };
    return acc;
}

Design heuristicDesign(Network net, const Platform& platform, int dataflow, int batch)
{
    Design d;
    setBatch(net, batch);
    d.network = std::move(net);
    d.platform = platform;
    d.batch = batch;
    d.accelerator = defaultAccelerator(platform, dataflow);
    const auto engineOf = d.accelerator.assignEngines(d.network);
    for (size_t i = 0; i < d.network.layers.size(); ++i) {
        d.mappings.push_back(heuristicMapping(
            d.network.layers[i], d.accelerator.engines[engineOf[i]], platform, d.accelerator.doubleBuffer));
    }
    return d;
}

} // namespace dna::accel
