#include "accel/heuristic_mapper.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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
    const std::array<double, kOperands>& perOperandBytes, const std::array<double, kOperands>& copies)
{
    double sum = 0;
    for (int o = 0; o < kOperands; ++o) {
        const double b
            = tileWords(Operand(o), tile, l.strideY, l.strideX) * l.operandBits(Operand(o)) / 8.0 * copies[o];
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

/// DRAM words of the buffer tiles that DRAM loops of `trips` walk in `order` (innermost first), as the cost model
/// counts them: each operand's tile (edge tiles averaged) times its refetches; outputs fetched again are partial
/// sums, written on every visit and read back on all but the first.
double dramWords(const Layer& l, const std::array<int, kDims>& trips, const std::array<int, kDims>& order)
{
    std::array<double, kDims> factors {};
    std::array<double, kDims> average {};
    for (int d = 0; d < kDims; ++d) {
        factors[d] = trips[d];
        average[d] = double(l.dims[d]) / trips[d];
    }
    double words = 0;
    for (int o = 0; o < kOperands; ++o) {
        const Operand op = Operand(o);
        bool started = false;
        const double once = tileWords(op, average, l.strideY, l.strideX) * refetches(op, order, factors, started);
        words += op == Outputs ? 2 * once - double(l.operandWords(Outputs)) : once;
    }
    return words;
}

/// The array tile of a mapping: its RF factors times its spatial ones.
std::array<int, kDims> arrayTileOf(const Mapping& m)
{
    std::array<int, kDims> tile {};
    for (int d = 0; d < kDims; ++d) {
        tile[d] = m.rf[d] * m.spatial(d);
    }
    return tile;
}

/// The DRAM trips of buffer factors `gb` over array tiles `arrayTile`.
std::array<int, kDims> dramTrips(
    const Layer& l, const std::array<int, kDims>& arrayTile, const std::array<int, kDims>& gb)
{
    std::array<int, kDims> trips {};
    for (int d = 0; d < kDims; ++d) {
        trips[d] = ceilDiv(l.dims[d], arrayTile[d] * gb[d]);
    }
    return trips;
}

/// `order` with `inner` first and `outer` second (the same dimension: only it first), the others as they were.
std::array<int, kDims> innerFirst(const std::array<int, kDims>& order, int inner, int outer)
{
    std::array<int, kDims> result {};
    int n = 0;
    result[size_t(n++)] = inner;
    if (outer != inner) {
        result[size_t(n++)] = outer;
    }
    for (int d : order) {
        if (d != inner && d != outer) {
            result[size_t(n++)] = d;
        }
    }
    return result;
}

/// The global-buffer tile with the fewest DRAM words among those that leave one dimension (of N, G, K, C, Y, X)
/// to the DRAM loops, or with `pairs` two (the inner one innermost), every other dimension whole in the buffer
/// and the split ones as large as fits, the outer first. With one dimension left every operand crosses the link
/// once (inputs with the halo of their windows when it is Y or X): an operand it does not index stays in the buffer
/// over its loop. Ties go to the fewest trips. Sets `m.gb` (and, for a pair, the DRAM loop order) and returns true;
/// false when no such tile fits, leaving `m` as it was. `fitsWith` judges the factors in `m.gb`.
template <class Fits>
bool leaveToDram(Mapping& m, const std::array<int, kDims>& arrayTile, const Layer& l, bool pairs, Fits fitsWith,
    double* wordsOut = nullptr)
{
    std::array<int, kDims> whole {};
    for (int d = 0; d < kDims; ++d) {
        whole[d] = ceilDiv(l.dims[d], arrayTile[d]);
    }
    double bestWords = -1;
    long bestTrips = 0;
    std::array<int, kDims> best {};
    int bestOuter = 0;
    int bestInner = 0;
    const std::array<int, kDims> before = m.gb;
    for (int outer : { N, G, K, C, Y, X }) {
        for (int inner : { N, G, K, C, Y, X }) {
            if ((inner != outer) != pairs) {
                continue;
            }
            m.gb = whole;
            m.gb[outer] = 1;
            m.gb[inner] = 1;
            if (!fitsWith(outer)) {
                continue;
            }
            grow(m.gb, arrayTile, l, outer == inner ? std::vector<int> { outer } : std::vector<int> { outer, inner },
                fitsWith);
            const std::array<int, kDims> trips = dramTrips(l, arrayTile, m.gb);
            const double words = dramWords(l, trips, innerFirst(m.order[Mapping::DramLevel], inner, outer));
            const long tripCount = long(trips[outer]) * (inner == outer ? 1 : trips[inner]);
            if (bestWords < 0 || words < bestWords - 1e-9 || (words <= bestWords + 1e-9 && tripCount < bestTrips)) {
                bestWords = words;
                bestTrips = tripCount;
                best = m.gb;
                bestOuter = outer;
                bestInner = inner;
            }
        }
    }
    if (bestWords < 0) {
        m.gb = before;
        return false;
    }
    m.gb = best;
    m.order[Mapping::DramLevel] = innerFirst(m.order[Mapping::DramLevel], bestInner, bestOuter);
    if (wordsOut) {
        *wordsOut = bestWords;
    }
    return true;
}

/// The heuristic with each operand's GB tile held `copies[o]` times (2 double-buffered, 1 not).
Mapping mapWith(const Layer& layer, const Engine& engine, const Platform& platform, bool doubleBuffer,
    const std::array<double, kOperands>& copies, bool tryLoopOrders)
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

    // RF tiles: the PE tile is the RF factors themselves, each at most what the array leaves of its dimension (a
    // dimension the array unrolls, as rs does C and K and rsck S, is looped over in the PE only for its share).
    std::array<int, kDims> spatial {};
    for (int d = 0; d < kDims; ++d) {
        spatial[d] = m.spatial(d);
    }
    grow(m.rf, spatial, layer, df.rfGrowOrder, [&](int) {
        std::array<int, kDims> tile {};
        for (int d = 0; d < kDims; ++d) {
            tile[d] = std::min(m.rf[d], ceilDiv(layer.dims[d], spatial[d]));
        }
        return fits(tile, layer, engine.rfShared(), engine.rfBytes, rfSplit, { 1.0, 1.0, 1.0 });
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
    std::array<int, kDims> arrayTile = arrayTileOf(m);
    grow(m.gb, arrayTile, layer, df.gbGrowOrder, gbFits);
    // The fewest DRAM words first: a DRAM word costs about 200 times an RF access (the normalised table) and a
    // DRAM-bound layer's time is its DRAM words. Where the RF tiles keep the buffer from holding all but one
    // dimension whole, they give way (the largest RF factor halved at a time) until it can; where no RF tiles let
    // it (AlexNet at batch 4 on Eyeriss), two dimensions are left to the DRAM loops with the greedy RF tiles when
    // that moves fewer words than the greedy buffer tiles.
    if (!leaveToDram(m, arrayTile, layer, false, gbFits)) {
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
            arrayTile = arrayTileOf(m);
            split = leaveToDram(m, arrayTile, layer, false, gbFits);
        }
        if (!split) {
            m = greedy;
            arrayTile = arrayTileOf(m);
            const double greedyWords = dramWords(layer, dramTrips(layer, arrayTile, m.gb), m.order[Mapping::DramLevel]);
            double pairWords = 0;
            if (leaveToDram(m, arrayTile, layer, true, gbFits, &pairWords) && pairWords >= greedyWords) {
                m = greedy; // the greedy tiles move fewer words
            }
        }
    }

    m.dram = dramTrips(layer, arrayTile, m.gb);

    if (!tryLoopOrders) {
        return m;
    }
    // Loop orders, innermost first: loops irrelevant to the operand to keep come first.
    const std::array<std::array<int, kDims>, 4> candidates { { df.dramOrder, { N, Y, X, C, K, G, R, S }, // weights stay
        { C, R, S, N, Y, X, K, G }, // partial sums stay
        { K, N, Y, X, C, G, R, S } } }; // inputs stay
    auto dramCandidates = candidates;
    dramCandidates[0] = m.order[Mapping::DramLevel]; // the one the split set (or the dataflow's)
    Mapping best = m;
    double bestEnergy = -1;
    for (const auto& gbOrder : candidates) {
        for (const auto& dramOrder : dramCandidates) {
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

} // namespace

Mapping heuristicMapping(
    const Layer& layer, const Engine& engine, const Platform& platform, bool doubleBuffer, bool tryLoopOrders)
{
    const double c = doubleBuffer ? 2.0 : 1.0;
    Mapping best = mapWith(layer, engine, platform, doubleBuffer, { c, c, c }, tryLoopOrders);
    if (!doubleBuffer || !platform.partialDoubleBuffer) {
        return best;
    }
    // Partial double buffering: the innermost DRAM loop decides which tiles need a second copy (K: weights and
    // outputs; C: weights and inputs; N, Y, X: inputs and outputs; none: no tile). The tiles sized for each of those,
    // kept where the loop order they end with agrees (the cost model checks the copies), beside the tiles that fit
    // twice: the lowest energy.
    const LayerCost doubled = evaluateLayer(layer, engine, best, platform, doubleBuffer);
    double bestEnergy = doubled.valid() ? doubled.energyPj.total() : std::numeric_limits<double>::infinity();
    const std::array<std::array<double, kOperands>, 4> prefetched { {
        { 2, 1, 2 }, // weights, inputs, outputs
        { 2, 2, 1 },
        { 1, 2, 2 },
        { 1, 1, 1 },
    } };
    for (const auto& copies : prefetched) {
        const Mapping m = mapWith(layer, engine, platform, doubleBuffer, copies, tryLoopOrders);
        const LayerCost cost = evaluateLayer(layer, engine, m, platform, doubleBuffer);
        if (cost.valid() && cost.energyPj.total() < bestEnergy) {
            bestEnergy = cost.energyPj.total();
            best = m;
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
