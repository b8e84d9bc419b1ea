#pragma once

#include "accel/design.h"
#include "util/expected.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace dna::accel {

/// Why a layer mapping or a design is invalid. Stable codes (invalidCode()) for scripts and tests.
enum class Invalid {
    None,
    FactorBelowOne,
    TilesDoNotCover,
    SpatialDimNotInDataflow,
    SpatialRowsExceeded,
    SpatialColsExceeded,
    BadLoopOrder,
    RfOverflow,
    GbOverflow,
    BadEngine,
    EngineCountMismatch,
    BadChunks,
    MappingCountMismatch,
    DspOverBudget,
    BramOverBudget,
    AreaOverBudget,
    PeOverBudget,
    GbOverBudget,
    RfOverBudget,
    NoValidDesign, // a search found nothing that fits (hardware searches report it for a whole network)
};
const char* invalidCode(Invalid r);

enum class Bound { Compute, GlobalBuffer, Dram };
const char* boundName(Bound b);

struct EnergyBreakdown {
    double mac = 0, rf = 0, noc = 0, gb = 0, dram = 0;
    double total() const { return mac + rf + noc + gb + dram; }
};

/// Everything the cost model says about one layer on one engine. Word counts are per operand
/// (weights, inputs, outputs) over the whole layer; outputs include partial-sum traffic. DRAM counts are the
/// words that cross the link (run-length coded activations on a Platform::dramRlc chip); RF reads and writes
/// leave out what zero gating skips.
struct LayerCost {
    Invalid invalid = Invalid::None;
    int invalidOperand = -1; // for RF / GB overflow
    double cycles = 0;
    double computeCycles = 0;
    double gbCycles = 0;
    double dramCycles = 0;
    Bound bound = Bound::Compute;
    EnergyBreakdown energyPj;
    double macs = 0;
    double utilization = 0; // MACs / (compute cycles x PEs of the engine)
    double activePes = 0; // average PEs holding work in a step
    std::array<double, kOperands> dramReads {}, dramWrites {}, gbReads {}, gbWrites {}, nocWords {}, rfReads {},
        rfWrites {};
    std::array<double, kOperands> rfBytes {}; // footprint per PE
    std::array<double, kOperands> gbBytes {}; // footprint in the GB (doubled when double buffered)
    /// Average words per cycle each operand moves between GB and array during compute (sizes FPGA banking:
    /// a BRAM18 bank delivers one 32-bit read per cycle, i.e. 32 / bits words, its second port takes refills).
    std::array<double, kOperands> gbWordsPerComputeCycle {};

    bool valid() const { return invalid == Invalid::None; }
};

/// Fetches of a child's tile at one level, the cost model's reuse rule (the heuristic mapper reads DRAM traffic by
/// it too): walking the loops outward from the innermost, loops irrelevant to the operand keep the tile in place
/// until the first relevant loop; from there on every iteration brings a new tile. A loop that runs once has a
/// factor of exactly 1, so the product may include it: one data-dependent branch per call instead of two per loop.
/// `started` carries over from the level inside: once a tile has moved, every loop outside counts.
inline double refetches(
    workload::Operand o, const std::array<int, kDims>& order, const std::array<double, kDims>& factors, bool& started)
{
    int i = 0;
    if (!started) {
        while (i < kDims && !(factors[order[i]] > 1.0 && workload::relevant(o, order[i]))) {
            ++i;
        }
        if (i == kDims) {
            return 1;
        }
        started = true;
    }
    double count = 1;
    for (; i < kDims; ++i) {
        count *= factors[order[i]];
    }
    return count;
}

/// Evaluates one layer mapping. Deterministic, allocation-free, a few hundred floating-point operations.
/// The model (README "Cost model"): per level the tile extents follow from the factors; a tile is refetched
/// only when a loop relevant to its operand changes (leading irrelevant loops keep it stationary); partial
/// sums go back up and are re-read when a reduction loop sits outside an output-relevant loop; cycles =
/// max(compute, GB, DRAM) with double buffering, their sum without.
LayerCost evaluateLayer(const workload::Layer& layer, const Engine& engine, const Mapping& mapping,
    const Platform& platform, bool doubleBuffer);

/// A sentence for an invalid layer mapping, naming the field and the limit.
std::string describeInvalid(
    const workload::Layer& layer, const Engine& engine, const Mapping& mapping, const LayerCost& cost);

struct Resources {
    double dsp = 0;
    int bram18 = 0;
    int pes = 0;
    int64_t gbBytes = 0;
    int rfBytesPerPe = 0;
    double areaMm2 = 0;
};

struct DesignCost {
    Invalid invalid = Invalid::None;
    std::string invalidDetail;
    int invalidLayer = -1;
    std::vector<LayerCost> layers;
    std::vector<int> layerEngine;
    std::vector<double> engineCycles; // busy cycles per engine per batch
    double latencyCycles = 0; // one batch through every layer
    double intervalCycles = 0; // between batches: slowest engine (pipelined) or the sum (multi-cycle)
    double latencyMs = 0;
    double fps = 0;
    double energyUj = 0; // per inference
    double edp = 0; // energy per inference (uJ) x latency (ms)
    EnergyBreakdown energyPj; // per batch
    Resources resources;

    bool valid() const { return invalid == Invalid::None; }
};

/// Checks the accelerator's structure against the network (engine count, chunks, dataflow indices, sizes).
[[nodiscard]] std::optional<Error> validateAccelerator(const Accelerator& acc, const workload::Network& net);

/// Resources of an accelerator on a platform (needs the layer costs for FPGA banking).
Resources resourcesOf(const Accelerator& acc, const Platform& platform, const workload::Network& net,
    const std::vector<LayerCost>& layers, const std::vector<int>& layerEngine);

/// The first part of the budget `r` exceeds (its Invalid code and a sentence naming the use and the limit);
/// nullopt when everything fits.
std::optional<std::pair<Invalid, std::string>> overBudget(const Resources& r, const Budget& b);

/// Evaluates a whole design: every layer, the micro-architecture's throughput, resources against the budget.
DesignCost evaluateDesign(const Design& design);
/// The same with the layers' costs already known (`layerCosts`, evaluateLayer of each layer's mapping on its
/// engine: the hardware search has them); nullptr or a wrong size evaluates the layers.
DesignCost evaluateDesign(const Design& design, const std::vector<LayerCost>* layerCosts);

} // namespace dna::accel
