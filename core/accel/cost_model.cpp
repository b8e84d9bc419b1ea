#include "accel/cost_model.h"

#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace dna::accel {

using namespace dna::workload;

const char* invalidCode(Invalid r)
{
    switch (r) {
    case Invalid::None:
        return "none";
    case Invalid::FactorBelowOne:
        return "factor_below_one";
    case Invalid::TilesDoNotCover:
        return "tiles_do_not_cover_layer";
    case Invalid::SpatialDimNotInDataflow:
        return "spatial_dim_not_in_dataflow";
    case Invalid::SpatialRowsExceeded:
        return "spatial_rows_exceeded";
    case Invalid::SpatialColsExceeded:
        return "spatial_cols_exceeded";
    case Invalid::BadLoopOrder:
        return "bad_loop_order";
    case Invalid::RfOverflow:
        return "rf_overflow";
    case Invalid::GbOverflow:
        return "gb_overflow";
    case Invalid::BadEngine:
        return "bad_engine";
    case Invalid::EngineCountMismatch:
        return "engine_count_mismatch";
    case Invalid::BadChunks:
        return "bad_chunks";
    case Invalid::MappingCountMismatch:
        return "mapping_count_mismatch";
    case Invalid::DspOverBudget:
        return "dsp_over_budget";
    case Invalid::BramOverBudget:
        return "bram_over_budget";
    case Invalid::AreaOverBudget:
        return "area_over_budget";
    case Invalid::PeOverBudget:
        return "pe_over_budget";
    case Invalid::GbOverBudget:
        return "gb_over_budget";
    case Invalid::RfOverBudget:
        return "rf_over_budget";
    case Invalid::NoValidDesign:
        return "no_valid_design";
    }
    return "unknown";
}

const char* boundName(Bound b)
{
    switch (b) {
    case Bound::Compute:
        return "compute";
    case Bound::GlobalBuffer:
        return "gb";
    case Bound::Dram:
        return "dram";
    }
    return "compute";
}

namespace {

using Extents = std::array<double, kDims>;

inline bool isPermutation(const std::array<int, kDims>& order)
{
    unsigned seen = 0;
    for (int d : order) {
        if (d < 0 || d >= kDims) {
            return false;
        }
        seen |= 1u << d;
    }
    return seen == 0xFFu;
}

/// The first structural fault of a mapping, in the order the checks are documented (per dimension: a factor
/// below one, a spatial dimension the dataflow does not unroll, tiles that do not cover the layer; then rows,
/// columns, loop orders), or None.
Invalid firstStructuralFault(const Layer& layer, const Engine& engine, const Dataflow& df, const Mapping& m)
{
    double rowsUsed = 1; // products of factors up to 2^24 each: in double they cannot wrap round
    double colsUsed = 1;
    for (int d = 0; d < kDims; ++d) {
        if (m.rf[d] < 1 || m.spatialRow[d] < 1 || m.spatialCol[d] < 1 || m.gb[d] < 1 || m.dram[d] < 1) {
            return Invalid::FactorBelowOne;
        }
        if ((m.spatialRow[d] > 1 && !df.allowsRow(d)) || (m.spatialCol[d] > 1 && !df.allowsCol(d))) {
            return Invalid::SpatialDimNotInDataflow;
        }
        rowsUsed *= m.spatialRow[d];
        colsUsed *= m.spatialCol[d];
        const double covered = double(m.rf[d]) * m.spatialRow[d] * m.spatialCol[d] * m.gb[d] * m.dram[d];
        if (covered < layer.dims[d]) {
            return Invalid::TilesDoNotCover;
        }
    }
    if (rowsUsed > engine.rows) {
        return Invalid::SpatialRowsExceeded;
    }
    if (colsUsed > engine.cols) {
        return Invalid::SpatialColsExceeded;
    }
    for (const auto& order : m.order) {
        if (!isPermutation(order)) {
            return Invalid::BadLoopOrder;
        }
    }
    return Invalid::None;
}

} // namespace

LayerCost evaluateLayer(
    const Layer& layer, const Engine& engine, const Mapping& m, const Platform& platform, bool doubleBuffer)
{
    LayerCost c;
    const Dataflow& df = dataflows()[engine.dataflow];

    // 1. Structural checks: one pass without early exits (a valid mapping takes no branch); coverage is checked
    // in step 2 where the tiles are known. Any fault found here is named by the ordered checks.
    double rowsUsed = 1; // products of factors up to 2^24 each: in double they cannot wrap round
    double colsUsed = 1;
    bool fault = false;
    for (int d = 0; d < kDims; ++d) {
        const int low = std::min({ m.rf[d], m.spatialRow[d], m.spatialCol[d], m.gb[d], m.dram[d] });
        fault |= low < 1;
        fault |= (m.spatialRow[d] > 1 && !df.allowsRow(d)) | (m.spatialCol[d] > 1 && !df.allowsCol(d));
        rowsUsed *= m.spatialRow[d];
        colsUsed *= m.spatialCol[d];
    }
    fault |= rowsUsed > engine.rows;
    fault |= colsUsed > engine.cols;
    for (const auto& order : m.order) {
        fault |= !isPermutation(order);
    }
    if (fault) {
        c.invalid = firstStructuralFault(layer, engine, df, m);
        return c;
    }

    // 2. Tile extents and effective loop counts per dimension. Edge tiles are partial: counts are exact over the
    // layer, and per-level factors / extents are their averages, which keeps products of sums exact.
    Extents peTileMax, gbTileMax, spatialMax; // nominal extents for capacity and port sizing
    Extents fDram, fGb; // average loop counts at DRAM and GB level
    Extents tGb, tArray, tPe; // average tile extents
    Extents activeAlong; // average active PE positions per array tile
    double computeSteps = 1;
    double activePes = 1;
    for (int d = 0; d < kDims; ++d) {
        const int64_t e = layer.dims[d];
        if (e == 1) {
            // Every tile and every loop count of a dimension of size 1 is 1.
            peTileMax[d] = gbTileMax[d] = spatialMax[d] = 1;
            fDram[d] = fGb[d] = tGb[d] = tArray[d] = tPe[d] = activeAlong[d] = 1;
            continue;
        }
        // Tile lengths and counts are whole numbers: integer division (the products of factors are capped at the
        // dimension before they are multiplied further, so they stay far inside 64 bits).
        const int64_t rf = m.rf[d];
        const int64_t s = m.spatial(d);
        const int64_t t1 = std::min(rf * s, e); // an array tile
        const int64_t t2 = std::min(t1 * m.gb[d], e); // a GB tile
        if (t2 * m.dram[d] < e) {
            c.invalid = Invalid::TilesDoNotCover; // the only fault left after step 1
            return c;
        }
        peTileMax[d] = double(std::min(rf, e));
        gbTileMax[d] = double(t2);
        spatialMax[d] = double(std::min(s, e));

        // A GB tile of length L holds L / t1 full array tiles and maybe one partial one; an array tile of length
        // t1 takes min(rf, t1) compute steps over ceil(t1 / rf) PE tiles, a partial one of length r min(rf, r) over
        // ceil(r / rf). Where a tile is not capped at the dimension its count is a factor and needs no division.
        const int64_t fullSteps = std::min(rf, t1);
        const int64_t fullPes = t1 == rf * s ? s : (t1 + rf - 1) / rf;
        int64_t arrayTiles = 0;
        int64_t steps = 0;
        int64_t pes = 0;
        auto addGbTiles = [&](int64_t count, int64_t len, int64_t full) {
            const int64_t rem = len - full * t1;
            arrayTiles += count * (full + (rem > 0));
            steps += count * (full * fullSteps + (rem > 0 ? std::min(rf, rem) : 0));
            pes += count * (full * fullPes + (rem > 0 ? (rem + rf - 1) / rf : 0));
        };
        const int64_t fullGb = t2 == e ? 1 : e / t2;
        const int64_t remGb = e - fullGb * t2;
        addGbTiles(fullGb, t2, t2 == t1 * m.gb[d] ? m.gb[d] : t2 / t1);
        if (remGb > 0) {
            addGbTiles(1, remGb, remGb / t1);
        }
        const double gbTiles = double(fullGb + (remGb > 0));

        fDram[d] = gbTiles;
        // A loop of one iteration counts exactly 1 (refetches relies on it).
        const double gbLoop = double(arrayTiles) / gbTiles;
        fGb[d] = gbLoop > 1.0 + 1e-9 ? gbLoop : 1.0;
        tGb[d] = double(e) / gbTiles;
        tArray[d] = double(e) / double(arrayTiles);
        tPe[d] = double(e) / double(pes);
        activeAlong[d] = double(pes) / double(arrayTiles);
        computeSteps *= double(steps);
        activePes *= activeAlong[d];
    }

    // 3. Footprints against the RF and GB capacities. A double-buffered GB holds two copies of every tile; with
    // partial double buffering only of the tiles the innermost DRAM loop (of more than one iteration) changes.
    const bool partial = doubleBuffer && platform.partialDoubleBuffer;
    std::array<bool, kOperands> prefetched {};
    prefetched.fill(doubleBuffer && !partial);
    if (partial) {
        for (int d : m.order[Mapping::DramLevel]) {
            if (fDram[d] > 1.0) {
                for (int o = 0; o < kOperands; ++o) {
                    prefetched[o] = workload::relevant(Operand(o), d);
                }
                break;
            }
        }
    }
    const bool rfShared = engine.rfShared();
    const bool gbShared = engine.gbShared();
    double rfTotal = 0;
    double gbTotal = 0;
    for (int o = 0; o < kOperands; ++o) {
        const double bytes = layer.operandBits(Operand(o)) / 8.0;
        c.rfBytes[o] = tileWords(Operand(o), peTileMax, layer.strideY, layer.strideX) * bytes;
        c.gbBytes[o] = tileWords(Operand(o), gbTileMax, layer.strideY, layer.strideX) * bytes * (prefetched[o] ? 2 : 1);
        rfTotal += c.rfBytes[o];
        gbTotal += c.gbBytes[o];
        if (!rfShared && c.rfBytes[o] > engine.rfSplit[o] + 1e-9) {
            c.invalid = Invalid::RfOverflow;
            c.invalidOperand = o;
            return c;
        }
        if (!gbShared && c.gbBytes[o] > engine.gbShare[o] * double(engine.gbBytes) + 1e-9) {
            c.invalid = Invalid::GbOverflow;
            c.invalidOperand = o;
            return c;
        }
    }
    if (rfShared && rfTotal > engine.rfBytes + 1e-9) {
        c.invalid = Invalid::RfOverflow;
        return c;
    }
    if (gbShared && gbTotal > double(engine.gbBytes) + 1e-9) {
        c.invalid = Invalid::GbOverflow;
        return c;
    }

    // 4. Access counts per operand and level.
    const double macs = double(layer.macs());
    c.macs = macs;
    c.activePes = activePes;
    double gbArrayWords = 0;
    double dramBytes = 0;
    double stallBytes = 0; // DRAM traffic of tiles without a second copy, while the array waits (partial only)
    EnergyBreakdown& en = c.energyPj;
    const EnergyTable& et = platform.energy;
    // Zero-aware chips: activations cross the DRAM link run-length coded (partial sums and filters raw), and a
    // zero input gates the MAC, its filter read and its partial-sum update (the cycle is still spent).
    const double inputCoded = platform.dramRlc ? rlcWordsPerValue(layer.inputZeros, layer.inputBits) : 1.0;
    const double outputCoded = platform.dramRlc ? rlcWordsPerValue(layer.outputZeros, layer.outputBits) : 1.0;
    const double gatedMacs = platform.zeroGating ? macs * (1.0 - layer.inputZeros) : macs;
    for (int o = 0; o < kOperands; ++o) {
        const Operand op = Operand(o);
        const double total = double(layer.operandWords(op));
        bool started = false;
        const double dramFills = refetches(op, m.order[Mapping::DramLevel], fDram, started);
        started = false;
        double arrayFills = refetches(op, m.order[Mapping::GbLevel], fGb, started);
        arrayFills *= refetches(op, m.order[Mapping::DramLevel], fDram, started);

        const double gbTileWords = dramFills * tileWords(op, tGb, layer.strideY, layer.strideX);
        const double arrayWords = arrayFills * tileWords(op, tArray, layer.strideY, layer.strideX);
        const double peWords = arrayFills * tileWords(op, tPe, layer.strideY, layer.strideX) * activePes;

        if (op == Outputs) {
            // Every visit writes the tile back; every visit but the first reads the partial sums again. The last
            // write of each output is the finished value (coded on an RLC link); the others are partial sums.
            const double spills = std::max(0.0, gbTileWords - total);
            c.dramWrites[o] = std::min(gbTileWords, total) * outputCoded + spills;
            c.dramReads[o] = spills;
            const double reloads = std::max(0.0, arrayWords - total);
            c.gbWrites[o] = spills + arrayWords;
            c.gbReads[o] = gbTileWords + reloads;
            c.nocWords[o] = peWords + reloads;
            c.rfReads[o] = gatedMacs + peWords;
            c.rfWrites[o] = gatedMacs + reloads;
            gbArrayWords += arrayWords + reloads;
            c.gbWordsPerComputeCycle[o] = (arrayWords + reloads) / computeSteps;
        } else {
            c.dramReads[o] = gbTileWords * (op == Inputs ? inputCoded : 1.0);
            const double gbToArray = engine.noc[o] == NocStyle::Unicast ? peWords : arrayWords;
            c.gbWrites[o] = gbTileWords;
            c.gbReads[o] = gbToArray;
            c.nocWords[o] = peWords;
            c.rfWrites[o] = peWords;
            c.rfReads[o] = op == Weights ? gatedMacs : macs;
            gbArrayWords += gbToArray;
            c.gbWordsPerComputeCycle[o] = gbToArray / computeSteps;
        }

        const double scale = layer.operandBits(op) / 16.0;
        const double nocHop = engine.noc[o] == NocStyle::Systolic ? 0.5 : 1.0;
        en.rf += (c.rfReads[o] + c.rfWrites[o]) * et.rfPj * scale;
        en.noc += c.nocWords[o] * et.nocPj * nocHop * scale;
        en.gb += (c.gbReads[o] + c.gbWrites[o]) * et.gbPj * scale;
        en.dram += (c.dramReads[o] + c.dramWrites[o]) * et.dramPj * scale;
        const double opBytes = (c.dramReads[o] + c.dramWrites[o]) * layer.operandBits(op) / 8.0;
        dramBytes += opBytes;
        stallBytes += partial && !prefetched[o] ? opBytes : 0.0;
    }
    en.mac = gatedMacs * et.macPj * (layer.weightBits * layer.inputBits) / 256.0;

    // 5. Cycles. FPGA buffers are banked to feed the array at its compute rate (the banks are charged as BRAM),
    // so only ASICs can be GB-bandwidth bound.
    c.computeCycles = computeSteps;
    c.gbCycles = platform.target == Target::Asic && platform.gbWordsPerCycle > 0
        ? gbArrayWords / platform.gbWordsPerCycle
        : 0.0;
    c.dramCycles = dramBytes / platform.dramBytesPerCycle();
    c.bound = Bound::Compute;
    double worst = c.computeCycles;
    if (c.gbCycles > worst) {
        worst = c.gbCycles;
        c.bound = Bound::GlobalBuffer;
    }
    const double stallCycles = stallBytes / platform.dramBytesPerCycle();
    const double overlapped = c.dramCycles - stallCycles;
    if (overlapped > worst || (stallCycles > 0 && c.dramCycles > worst)) {
        c.bound = Bound::Dram;
    }
    worst = std::max(worst, overlapped);
    c.cycles = doubleBuffer ? worst + stallCycles : c.computeCycles + c.gbCycles + c.dramCycles;
    c.utilization = macs / (c.computeCycles * engine.pes());
    return c;
}

} // namespace dna::accel
