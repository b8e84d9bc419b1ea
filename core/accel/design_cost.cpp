#include "accel/cost_model.h"

#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace dna::accel {

using namespace dna::workload;

namespace {

std::string factorsText(const std::array<int, kDims>& f)
{
    std::string s;
    for (int d = 0; d < kDims; ++d) {
        if (f[d] > 1) {
            s += (s.empty() ? "" : " ") + std::string(1, kDimNames[d]) + std::to_string(f[d]);
        }
    }
    return s.empty() ? "all 1" : s;
}

} // namespace

std::string describeInvalid(const Layer& layer, const Engine& engine, const Mapping& m, const LayerCost& cost)
{
    std::ostringstream os;
    os << "layer '" << layer.name << "': ";
    const Dataflow& df = dataflows()[engine.dataflow];
    switch (cost.invalid) {
    case Invalid::None:
        os << "valid";
        break;
    case Invalid::FactorBelowOne:
        os << "every tiling and spatial factor must be at least 1";
        break;
    case Invalid::TilesDoNotCover:
        for (int d = 0; d < kDims; ++d) {
            const long covered = long(m.rf[d]) * m.spatial(d) * m.gb[d] * m.dram[d];
            if (covered < layer.dims[d]) {
                os << "factors of " << kDimNames[d] << " cover " << covered << " but the layer has " << layer.dims[d]
                   << " (rf x spatial x gb x dram must be >= the dimension)";
                break;
            }
        }
        break;
    case Invalid::SpatialDimNotInDataflow:
        os << "dataflow '" << df.name << "' unrolls only " << df.description << "; the mapping unrolls rows "
           << factorsText(m.spatialRow) << ", columns " << factorsText(m.spatialCol);
        break;
    case Invalid::SpatialRowsExceeded:
    case Invalid::SpatialColsExceeded: {
        const bool rows = cost.invalid == Invalid::SpatialRowsExceeded;
        double used = 1;
        for (int d = 0; d < kDims; ++d) {
            used *= rows ? m.spatialRow[d] : m.spatialCol[d];
        }
        os << "spatial factors on " << (rows ? "rows" : "columns") << " multiply to "
           << (used < 1e15 ? std::to_string(int64_t(used)) : std::string("more than 10^15")) << " but the array has "
           << (rows ? engine.rows : engine.cols);
        break;
    }
    case Invalid::BadLoopOrder:
        os << "each loop order must name every dimension N G K C Y X R S exactly once";
        break;
    case Invalid::RfOverflow:
        if (cost.invalidOperand >= 0) {
            os << "RF tile of " << kOperandNames[cost.invalidOperand] << " needs " << cost.rfBytes[cost.invalidOperand]
               << " B per PE, the RF reserves " << engine.rfSplit[cost.invalidOperand] << " B for it";
        } else {
            os << "RF tiles need " << (cost.rfBytes[0] + cost.rfBytes[1] + cost.rfBytes[2]) << " B per PE, the RF has "
               << engine.rfBytes << " B";
        }
        break;
    case Invalid::GbOverflow:
        if (cost.invalidOperand >= 0) {
            os << "global-buffer tile of " << kOperandNames[cost.invalidOperand] << " needs "
               << cost.gbBytes[cost.invalidOperand] << " B, the buffer reserves "
               << std::llround(engine.gbShare[cost.invalidOperand] * double(engine.gbBytes)) << " B for it";
        } else {
            os << "global-buffer tiles need " << (cost.gbBytes[0] + cost.gbBytes[1] + cost.gbBytes[2])
               << " B, the buffer has " << engine.gbBytes << " B";
        }
        break;
    default:
        os << invalidCode(cost.invalid);
    }
    return os.str();
}

std::optional<Error> validateAccelerator(const Accelerator& acc, const Network& net)
{
    const int layers = int(net.layers.size());
    if (acc.chunkStarts.empty() || acc.chunkStarts.front() != 0) {
        return Error { ErrorCode::BadChunks, "chunk_starts must begin with 0" };
    }
    for (size_t i = 1; i < acc.chunkStarts.size(); ++i) {
        if (acc.chunkStarts[i] <= acc.chunkStarts[i - 1] || acc.chunkStarts[i] >= layers) {
            return Error { ErrorCode::BadChunks,
                "chunk_starts must be strictly increasing layer indices below " + std::to_string(layers) };
        }
    }
    if (acc.arch == MicroArch::MultiCycle && acc.chunkStarts.size() != 1) {
        return Error { ErrorCode::BadChunks, "a multi-cycle accelerator has exactly one chunk" };
    }
    if (int(acc.engines.size()) != acc.expectedEngines()) {
        return Error { ErrorCode::EngineCountMismatch,
            "the accelerator needs " + std::to_string(acc.expectedEngines()) + " engines ("
                + std::to_string(acc.chunkStarts.size()) + " chunks" + (acc.separateDepthwise ? " x 2" : "")
                + "), it has " + std::to_string(acc.engines.size()) };
    }
    for (size_t e = 0; e < acc.engines.size(); ++e) {
        const Engine& en = acc.engines[e];
        const std::string where = "engine " + std::to_string(e) + ": ";
        if (en.rows < 1 || en.cols < 1 || en.rows > 4096 || en.cols > 4096) {
            return Error { ErrorCode::BadEngine, where + "rows and cols must be 1..4096" };
        }
        if (en.dataflow < 0 || en.dataflow >= int(dataflows().size())) {
            return Error { ErrorCode::BadEngine, where + "dataflow must be one of " + dataflowNames() };
        }
        if (en.gbBytes < 1 || en.rfBytes < 1) {
            return Error { ErrorCode::BadEngine, where + "gb_bytes and rf_bytes must be at least 1" };
        }
        double share = 0;
        int split = 0;
        for (int o = 0; o < kOperands; ++o) {
            if (en.gbShare[o] < 0 || en.rfSplit[o] < 0) {
                return Error { ErrorCode::BadEngine, where + "buffer shares must not be negative" };
            }
            share += en.gbShare[o];
            split += en.rfSplit[o];
        }
        if (share > 1.0 + 1e-9) {
            return Error { ErrorCode::BadEngine, where + "gb_share fractions must add up to at most 1" };
        }
        if (split > en.rfBytes) {
            return Error { ErrorCode::BadEngine, where + "rf_split must add up to at most rf_bytes" };
        }
    }
    return std::nullopt;
}

Resources resourcesOf(const Accelerator& acc, const Platform& platform, const Network& net,
    const std::vector<LayerCost>& layers, const std::vector<int>& layerEngine)
{
    Resources r;
    int maxBits = 1;
    for (const auto& l : net.layers) {
        maxBits = std::max({ maxBits, l.weightBits, l.inputBits });
    }
    for (size_t e = 0; e < acc.engines.size(); ++e) {
        const Engine& en = acc.engines[e];
        r.pes += en.pes();
        r.gbBytes += en.gbBytes;
        r.rfBytesPerPe = std::max(r.rfBytesPerPe, en.rfBytes);
        if (platform.target == Target::Fpga) {
            r.dsp += std::ceil(en.pes() * dspPerMac(maxBits));
            // BRAM18: enough banks for the capacity and for the words per cycle the array reads (32 bits per
            // bank and cycle; the second port takes the refills).
            std::array<double, kOperands> port {};
            for (size_t i = 0; i < layers.size(); ++i) {
                if (layerEngine[i] == int(e)) {
                    const Layer& l = net.layers[i];
                    for (int o = 0; o < kOperands; ++o) {
                        const double wordsPerBank = std::max(1, 32 / l.operandBits(Operand(o)));
                        port[o] = std::max(port[o], layers[i].gbWordsPerComputeCycle[o] / wordsPerBank);
                    }
                }
            }
            if (en.gbShared()) {
                const double capacity = std::ceil(en.gbBytes * 8.0 / kBram18Bits);
                const double ports = std::ceil(port[0] - 1e-9) + std::ceil(port[1] - 1e-9) + std::ceil(port[2] - 1e-9);
                r.bram18 += int(std::max(capacity, ports));
            } else {
                for (int o = 0; o < kOperands; ++o) {
                    const double capacity = std::ceil(en.gbShare[o] * en.gbBytes * 8.0 / kBram18Bits);
                    r.bram18 += int(std::max({ capacity, std::ceil(port[o] - 1e-9), 1.0 }));
                }
            }
        } else {
            r.areaMm2 += en.pes() * (platform.area.peMm2 + en.rfBytes * platform.area.rfMm2PerByte)
                + en.gbBytes * platform.area.gbMm2PerByte;
        }
    }
    if (platform.target == Target::Asic) {
        r.areaMm2 += platform.area.fixedMm2;
    }
    return r;
}

std::optional<std::pair<Invalid, std::string>> overBudget(const Resources& r, const Budget& b)
{
    auto over = [](const std::string& what, double used, double limit) {
        std::ostringstream os;
        os << what << " " << used << " exceeds the budget of " << limit;
        return os.str();
    };
    if (b.dsp > 0 && r.dsp > b.dsp) {
        return std::make_pair(Invalid::DspOverBudget, over("DSP slices", r.dsp, b.dsp));
    }
    if (b.bram18 > 0 && r.bram18 > b.bram18) {
        return std::make_pair(Invalid::BramOverBudget, over("BRAM18 blocks", r.bram18, b.bram18));
    }
    if (b.areaMm2 > 0 && r.areaMm2 > b.areaMm2) {
        return std::make_pair(Invalid::AreaOverBudget, over("area (mm^2)", r.areaMm2, b.areaMm2));
    }
    if (b.pes > 0 && r.pes > b.pes) {
        return std::make_pair(Invalid::PeOverBudget, over("PEs", r.pes, b.pes));
    }
    if (b.gbBytes > 0 && r.gbBytes > b.gbBytes) {
        return std::make_pair(Invalid::GbOverBudget, over("global buffer bytes", double(r.gbBytes), double(b.gbBytes)));
    }
    if (b.rfBytesPerPe > 0 && r.rfBytesPerPe > b.rfBytesPerPe) {
        return std::make_pair(Invalid::RfOverBudget, over("RF bytes per PE", r.rfBytesPerPe, b.rfBytesPerPe));
    }
    return std::nullopt;
}

DesignCost evaluateDesign(const Design& design) { return evaluateDesign(design, nullptr); }

DesignCost evaluateDesign(const Design& design, const std::vector<LayerCost>* layerCosts)
{
    DesignCost dc;
    const Network& net = design.network;
    const Accelerator& acc = design.accelerator;
    if (auto err = validateAccelerator(acc, net)) {
        dc.invalid = err->code == ErrorCode::EngineCountMismatch ? Invalid::EngineCountMismatch
            : err->code == ErrorCode::BadChunks                  ? Invalid::BadChunks
                                                                 : Invalid::BadEngine;
        dc.invalidDetail = err->detail;
        return dc;
    }
    if (design.mappings.size() != net.layers.size()) {
        dc.invalid = Invalid::MappingCountMismatch;
        dc.invalidDetail = "the design has " + std::to_string(design.mappings.size()) + " mappings for "
            + std::to_string(net.layers.size()) + " layers";
        return dc;
    }
    dc.layerEngine = acc.assignEngines(net);
    dc.engineCycles.assign(acc.engines.size(), 0.0);
    dc.layers.reserve(net.layers.size());
    for (size_t i = 0; i < net.layers.size(); ++i) {
        const Engine& en = acc.engines[dc.layerEngine[i]];
        LayerCost lc = layerCosts && layerCosts->size() == net.layers.size()
            ? (*layerCosts)[i]
            : evaluateLayer(net.layers[i], en, design.mappings[i], design.platform, acc.doubleBuffer);
        if (!lc.valid() && dc.valid()) {
            dc.invalid = lc.invalid;
            dc.invalidLayer = int(i);
            dc.invalidDetail = describeInvalid(net.layers[i], en, design.mappings[i], lc);
        }
        dc.engineCycles[dc.layerEngine[i]] += lc.cycles;
        dc.latencyCycles += lc.cycles;
        dc.energyPj.mac += lc.energyPj.mac;
        dc.energyPj.rf += lc.energyPj.rf;
        dc.energyPj.noc += lc.energyPj.noc;
        dc.energyPj.gb += lc.energyPj.gb;
        dc.energyPj.dram += lc.energyPj.dram;
        dc.layers.push_back(lc);
    }
    dc.resources = resourcesOf(acc, design.platform, net, dc.layers, dc.layerEngine);
    if (dc.valid()) {
        if (auto over = overBudget(dc.resources, design.platform.budget)) {
            dc.invalid = over->first;
            dc.invalidDetail = over->second;
        }
    }
    const double clockHz = design.platform.clockMhz * 1e6;
    const int batch = std::max(1, design.batch);
    dc.intervalCycles = acc.arch == MicroArch::Pipelined
        ? *std::max_element(dc.engineCycles.begin(), dc.engineCycles.end())
        : dc.latencyCycles;
    dc.latencyMs = dc.latencyCycles / clockHz * 1e3;
    dc.fps = dc.intervalCycles > 0 ? batch * clockHz / dc.intervalCycles : 0.0;
    dc.energyUj = dc.energyPj.total() / batch * 1e-6;
    dc.edp = dc.energyUj * dc.latencyMs;
    return dc;
}

} // namespace dna::accel
