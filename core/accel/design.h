#pragma once

#include "accel/platform.h"
#include "workload/network.h"

#include <array>
#include <string>
#include <vector>

namespace dna::accel {

using workload::kDims;
using workload::kOperands;

enum class MicroArch { Pipelined, MultiCycle };
const char* microArchName(MicroArch a);

/// How an operand reaches the PEs from the global buffer. Multicast: one GB read serves every PE that needs
/// the word. Unicast: one GB read per PE delivery. Systolic: one GB read, then forwarded PE to PE (a cheaper hop).
enum class NocStyle { Multicast, Unicast, Systolic };
const char* nocStyleName(NocStyle s);
bool parseNocStyle(const std::string& s, NocStyle& out);

/// One compute engine (sub-accelerator): a PE array with a dataflow, its global buffer and per-PE RF.
struct Engine {
    int rows = 12;
    int cols = 14;
    int dataflow = 0; // index into dataflows()
    std::array<NocStyle, kOperands> noc { NocStyle::Multicast, NocStyle::Multicast, NocStyle::Multicast };
    int64_t gbBytes = 108 * 1024;
    /// Fraction of the GB reserved for weights, inputs, outputs; all zero = one shared buffer.
    std::array<double, kOperands> gbShare { 0.0, 0.0, 0.0 };
    int rfBytes = 512; // per PE
    /// Bytes of the RF reserved per operand; all zero = shared.
    std::array<int, kOperands> rfSplit { 0, 0, 0 };

    int pes() const { return rows * cols; }
    bool gbShared() const { return gbShare[0] == 0.0 && gbShare[1] == 0.0 && gbShare[2] == 0.0; }
    bool rfShared() const { return rfSplit[0] == 0 && rfSplit[1] == 0 && rfSplit[2] == 0; }
};

/// The accelerator: engines and how layers map onto them. Layers are cut into `chunkStarts.size()` chunks of
/// consecutive layers (the first start is 0). With `separateDepthwise` each chunk has two engines (standard
/// at 2c, depthwise at 2c + 1), otherwise one (c). Pipelined: engines run as a layer pipeline (FPS = clock /
/// slowest engine); multi-cycle: layers run one after another (FPS = clock / sum).
struct Accelerator {
    MicroArch arch = MicroArch::MultiCycle;
    bool separateDepthwise = false;
    std::vector<int> chunkStarts { 0 };
    bool doubleBuffer = true;
    std::vector<Engine> engines { Engine {} };

    int expectedEngines() const { return int(chunkStarts.size()) * (separateDepthwise ? 2 : 1); }
    /// Engine index for each layer of `net` (assumes the accelerator passed validateAccelerator).
    std::vector<int> assignEngines(const workload::Network& net) const;
};

/// The mapping of one layer on its engine: per dimension the temporal factors at RF, GB and DRAM level and the
/// spatial factors over rows and columns; a loop order per temporal level, innermost first. The factors'
/// product may exceed a dimension (non-dividing tiles); the edge tiles are then partial.
struct Mapping {
    std::array<int, kDims> rf { 1, 1, 1, 1, 1, 1, 1, 1 };
    std::array<int, kDims> spatialRow { 1, 1, 1, 1, 1, 1, 1, 1 };
    std::array<int, kDims> spatialCol { 1, 1, 1, 1, 1, 1, 1, 1 };
    std::array<int, kDims> gb { 1, 1, 1, 1, 1, 1, 1, 1 };
    std::array<int, kDims> dram { 1, 1, 1, 1, 1, 1, 1, 1 };
    enum Level { RfLevel = 0, GbLevel = 1, DramLevel = 2 };
    std::array<std::array<int, kDims>, 3> order { { { 0, 1, 2, 3, 4, 5, 6, 7 }, { 0, 1, 2, 3, 4, 5, 6, 7 },
        { 0, 1, 2, 3, 4, 5, 6, 7 } } };

    int spatial(int d) const { return spatialRow[d] * spatialCol[d]; }
};

/// A complete design: network, platform, accelerator and one mapping per layer, at a batch size.
struct Design {
    workload::Network network;
    Platform platform;
    Accelerator accelerator;
    std::vector<Mapping> mappings;
    int batch = 1;
};

/// Sets the batch dimension N of every layer.
void setBatch(workload::Network& net, int batch);

} // namespace dna::accel
