#include "io/json_io.h"

#include "accel/dataflow.h"
#include "io/json_detail.h"
#include "io/platform_presets.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace dna::io {

using namespace dna::workload;
using namespace dna::accel;

using namespace dna::io::detail;

// ---- layers and networks --------------------------------------------------------------------------------

Json layerToJson(const Layer& l)
{
    Json j = { { "name", l.name }, { "type", layerTypeName(l.type) }, { "dims", dimsToJson(l.dims, false) },
        { "stride", { l.strideY, l.strideX } }, { "pad", { l.padY, l.padX } },
        { "bits", { { "weights", l.weightBits }, { "inputs", l.inputBits }, { "outputs", l.outputBits } } } };
    if (l.inputZeros > 0 || l.outputZeros > 0) {
        j["zeros"] = { { "inputs", l.inputZeros }, { "outputs", l.outputZeros } };
    }
    return j;
}

Expected<Layer> layerFromJson(const Json& j, const std::string& where)
{
    Fields f(j, where);
    if (f.error()) {
        return *f.error();
    }
    Layer l;
    l.name = f.string("name", where);
    const std::string type = f.string("type", std::string("conv"));
    if (!parseLayerType(type, l.type)) {
        f.fail("type", "must be conv, depthwise or fc, not '" + type + "'");
    }
    auto pair = [&](const char* key, int min, int max, int fallback, int& a, int& b) {
        a = b = fallback;
        if (!f.has(key)) {
            return;
        }
        const Json& v = f.at(key);
        long long x = 0;
        long long y = 0;
        const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
        if (v.is_array() && v.size() == 2 && wholeNumber(v[0], x) && wholeNumber(v[1], y)) {
        } else if (wholeNumber(v, x)) {
            y = x;
        } else {
            f.fail(key, "must be a whole number or a pair [rows, cols], each " + range + ", not " + quoted(v));
            return;
        }
        if (x < min || y < min || x > max || y > max) {
            f.fail(key, "must be " + range + ", not " + quoted(v));
            return;
        }
        a = int(x);
        b = int(y);
    };
    pair("stride", 1, 64, 1, l.strideY, l.strideX);
    pair("pad", 0, 64, 0, l.padY, l.padX);
    if (f.has("zeros")) {
        Fields z(f.at("zeros"), f.path("zeros"));
        l.inputZeros = z.number("inputs", 0, 1, 0.0);
        l.outputZeros = z.number("outputs", 0, 1, 0.0);
        z.rejectUnknown();
        if (z.error()) {
            f.adopt(*z.error());
        }
    }
    if (f.has("bits")) {
        const Json& b = f.at("bits");
        long long bits = 0;
        if (b.is_number()) {
            if (!wholeNumber(b, bits) || bits < 1 || bits > 32) {
                f.fail("bits", "must be a whole number from 1 to 32, not " + quoted(b));
            } else {
                l.weightBits = l.inputBits = l.outputBits = int(bits);
            }
        } else {
            Fields bf(b, f.path("bits"));
            l.weightBits = int(bf.integer("weights", 1, 32, 16));
            l.inputBits = int(bf.integer("inputs", 1, 32, 16));
            l.outputBits = int(bf.integer("outputs", 1, 32, 16));
            bf.rejectUnknown();
            if (bf.error()) {
                f.adopt(*bf.error());
            }
        }
    }
    if (f.has("dims")) {
        std::array<int, kDims> dims {};
        if (auto e = dimsFromJson(f.at("dims"), f.path("dims"), dims, 1)) {
            f.adopt(*e);
        }
        l.dims = dims;
    } else if (l.type == LayerType::FullyConnected) {
        const int in = int(f.integer("in_features", 1, 1 << 24));
        const int out = int(f.integer("out_features", 1, 1 << 24));
        l.dims = { 1, 1, out, in, 1, 1, 1, 1 };
    } else {
        // The friendly form: channels, square or [h, w] input, kernel, stride, pad, groups.
        const int groups = l.type == LayerType::Depthwise ? 0 : int(f.integer("groups", 1, 1 << 16, 1));
        const int inC = int(f.integer("in_channels", 1, 1 << 20));
        const int outC = l.type == LayerType::Depthwise ? inC : int(f.integer("out_channels", 1, 1 << 20));
        int inH = 0;
        int inW = 0;
        int kR = 0;
        int kS = 0;
        pair("in_size", 1, 1 << 16, 0, inH, inW);
        pair("kernel", 1, 64, 0, kR, kS);
        if (inH == 0) {
            f.fail("in_size", "is missing (the input feature map size, a whole number or [h, w])");
        }
        if (kR == 0) {
            f.fail("kernel", "is missing (a whole number or [r, s])");
        }
        const int g = l.type == LayerType::Depthwise ? inC : groups;
        if (!f.error() && (inC % g != 0 || outC % g != 0)) {
            f.fail("groups", "must divide in_channels and out_channels");
        }
        const int outH = (inH + 2 * l.padY - kR) / std::max(1, l.strideY) + 1;
        const int outW = (inW + 2 * l.padX - kS) / std::max(1, l.strideX) + 1;
        if (!f.error() && (outH < 1 || outW < 1)) {
            f.fail("kernel", "is larger than the padded input");
        }
        if (!f.error()) {
            l.dims = { 1, g, outC / g, inC / g, outH, outW, kR, kS };
        }
    }
    f.rejectUnknown();
    if (f.error()) {
        return *f.error();
    }
    return l;
}

Json networkToJson(const Network& net)
{
    Json layers = Json::array();
    for (const auto& l : net.layers) {
        layers.push_back(layerToJson(l));
    }
    Json j { { "name", net.name }, { "layers", layers } };
    if (!net.space.empty()) {
        j["genotype"] = net.label();
    }
    return j;
}

Expected<Network> networkFromJson(const Json& j)
{
    const Json* layers = nullptr;
    Network net;
    if (j.is_array()) {
        layers = &j;
        net.name = "network";
    } else if (j.is_object()) {
        Fields f(j, "network");
        net.name = f.string("name", std::string("network"));
        if (f.has("genotype") && !f.has("layers")) {
            auto g = networkFromGenotype(f.string("genotype"));
            if (!g) {
                return g.error();
            }
            return g;
        }
        if (!f.has("layers")) {
            return Error { ErrorCode::BadField, "network.layers is missing (a list of layers, or give a genotype)" };
        }
        layers = &j.at("layers");
        if (f.has("genotype")) {
            auto g = networkFromGenotype(f.string("genotype"));
            if (g) {
                net.space = g->space;
                net.genotype = g->genotype;
            }
        }
        f.rejectUnknown();
        if (f.error()) {
            return *f.error();
        }
    } else {
        return Error { ErrorCode::BadField,
            "a network file must be a JSON object with \"layers\" or a list of layers" };
    }
    if (!layers->is_array() || layers->empty()) {
        return Error { ErrorCode::BadField, "network.layers must be a non-empty list" };
    }
    for (size_t i = 0; i < layers->size(); ++i) {
        auto l = layerFromJson((*layers)[i], "layers[" + std::to_string(i) + "]");
        if (!l) {
            return l.error();
        }
        net.layers.push_back(std::move(l).value());
    }
    if (auto e = validateNetwork(net)) {
        return *e;
    }
    return net;
}

Expected<Network> resolveNetworkArg(const std::string& arg)
{
    if (arg.size() > 5 && arg.compare(arg.size() - 5, 5, ".json") == 0) {
        auto j = readJsonFile(arg);
        if (!j) {
            return j.error();
        }
        return networkFromJson(*j);
    }
    return resolveNetwork(arg);
}

// ---- platforms ------------------------------------------------------------------------------------------

namespace {

/// The buffer fields an engine and a platform's default engine share: GB and RF sizes and their per-operand
/// shares (absent shares: one shared buffer).
template <class E> void readBuffers(Fields& ef, E& e)
{
    e.gbBytes = ef.integer("gb_bytes", 1, 1LL << 40);
    e.rfBytes = int(ef.integer("rf_bytes", 1, 1 << 24));
    if (ef.has("gb_share")) {
        if (auto err = operandsFromJson(ef.at("gb_share"), ef.path("gb_share"), e.gbShare, 1.0)) {
            ef.adopt(*err);
        }
    }
    if (ef.has("rf_split")) {
        if (auto err = operandsFromJson(ef.at("rf_split"), ef.path("rf_split"), e.rfSplit, 1 << 24)) {
            ef.adopt(*err);
        }
    }
}

template <class E> void writeBuffers(Json& j, const E& e)
{
    j["gb_bytes"] = e.gbBytes;
    j["gb_share"] = operandsToJson(e.gbShare);
    j["rf_bytes"] = e.rfBytes;
    j["rf_split"] = operandsToJson({ double(e.rfSplit[0]), double(e.rfSplit[1]), double(e.rfSplit[2]) });
}

} // namespace

Json platformToJson(const Platform& p)
{
    Json j = { { "name", p.name }, { "description", p.description }, { "target", targetName(p.target) },
        { "clock_mhz", p.clockMhz }, { "dram_gbps", p.dramGBps }, { "gb_words_per_cycle", p.gbWordsPerCycle },
        { "energy_pj",
            { { "mac", p.energy.macPj }, { "rf", p.energy.rfPj }, { "noc", p.energy.nocPj }, { "gb", p.energy.gbPj },
                { "dram", p.energy.dramPj }, { "source", p.energy.source } } },
        { "area_mm2",
            { { "pe", p.area.peMm2 }, { "rf_byte", p.area.rfMm2PerByte }, { "gb_byte", p.area.gbMm2PerByte },
                { "fixed", p.area.fixedMm2 }, { "source", p.area.source } } },
        { "budget", budgetToJson(p.budget) }, { "default_dataflow", p.defaultDataflow }, { "notes", p.notes } };
    if (p.dramRlc) { // written only when on, so the files of platforms without them stay as they were
        j["dram_rlc"] = true;
    }
    if (p.zeroGating) {
        j["zero_gating"] = true;
    }
    if (p.partialDoubleBuffer) {
        j["partial_double_buffer"] = true;
    }
    if (p.defaultEngine) {
        const EngineDefaults& e = *p.defaultEngine;
        Json engine = { { "rows", e.rows }, { "cols", e.cols } };
        writeBuffers(engine, e);
        j["default_engine"] = engine;
    }
    return j;
}

Expected<Platform> platformFromJson(const Json& j)
{
    Fields f(j, "platform");
    if (f.error()) {
        return *f.error();
    }
    Platform p;
    if (f.has("base")) {
        const std::string base = f.string("base");
        if (f.error()) {
            return *f.error();
        }
        const Platform* preset = builtinPlatform(base);
        if (!preset) {
            return Error { ErrorCode::UnknownPlatform,
                "platform.base '" + clipped(base) + "' is not a built-in preset; they are " + builtinPlatformNames() };
        }
        p = *preset;
    }
    const bool based = f.has("base");
    p.name = f.string("name", based ? std::optional<std::string>(p.name) : std::nullopt);
    p.description = f.string("description", p.description);
    const std::string target
        = f.string("target", based ? std::optional<std::string>(targetName(p.target)) : std::nullopt);
    if (target == "fpga") {
        p.target = Target::Fpga;
    } else if (target == "asic") {
        p.target = Target::Asic;
    } else if (!f.error()) {
        f.fail("target", "must be fpga or asic, not '" + clipped(target) + "'");
    }
    p.clockMhz = f.number("clock_mhz", 1, 10000, based ? std::optional<double>(p.clockMhz) : std::nullopt);
    p.dramGBps = f.number("dram_gbps", 0.001, 10000, p.dramGBps);
    p.gbWordsPerCycle = f.number("gb_words_per_cycle", 0, 1e6, p.gbWordsPerCycle);
    p.dramRlc = f.boolean("dram_rlc", p.dramRlc);
    p.zeroGating = f.boolean("zero_gating", p.zeroGating);
    p.partialDoubleBuffer = f.boolean("partial_double_buffer", p.partialDoubleBuffer);
    if (f.has("energy_pj")) {
        Fields e(f.at("energy_pj"), f.path("energy_pj"));
        p.energy.macPj = e.number("mac", 0, 1e6, p.energy.macPj);
        p.energy.rfPj = e.number("rf", 0, 1e6, p.energy.rfPj);
        p.energy.nocPj = e.number("noc", 0, 1e6, p.energy.nocPj);
        p.energy.gbPj = e.number("gb", 0, 1e6, p.energy.gbPj);
        p.energy.dramPj = e.number("dram", 0, 1e6, p.energy.dramPj);
        p.energy.source = e.string("source", p.energy.source);
        e.rejectUnknown();
        if (e.error()) {
            f.adopt(*e.error());
        }
    }
    if (f.has("area_mm2")) {
        Fields a(f.at("area_mm2"), f.path("area_mm2"));
        p.area.peMm2 = a.number("pe", 0, 1e3, p.area.peMm2);
        p.area.rfMm2PerByte = a.number("rf_byte", 0, 1, p.area.rfMm2PerByte);
        p.area.gbMm2PerByte = a.number("gb_byte", 0, 1, p.area.gbMm2PerByte);
        p.area.fixedMm2 = a.number("fixed", 0, 1e5, p.area.fixedMm2);
        p.area.source = a.string("source", p.area.source);
        a.rejectUnknown();
        if (a.error()) {
            f.adopt(*a.error());
        }
    }
    if (f.has("budget")) {
        // A present limit must be positive: a budget of zero would admit no design at all. Omit a key for no limit.
        Fields b(f.at("budget"), f.path("budget"));
        p.budget.dsp = int(b.integer("dsp", 1, 1 << 24, p.budget.dsp));
        p.budget.bram18 = int(b.integer("bram18", 1, 1 << 24, p.budget.bram18));
        p.budget.areaMm2 = b.number("area_mm2", 1e-6, 1e5, p.budget.areaMm2);
        p.budget.pes = int(b.integer("pes", 1, 1 << 24, p.budget.pes));
        p.budget.gbBytes = b.integer("gb_bytes", 1, 1LL << 40, p.budget.gbBytes);
        p.budget.rfBytesPerPe = int(b.integer("rf_bytes_per_pe", 1, 1 << 24, p.budget.rfBytesPerPe));
        b.rejectUnknown();
        if (b.error()) {
            f.adopt(*b.error());
        }
    }
    if (f.has("default_dataflow")) {
        const std::string df = f.string("default_dataflow");
        if (!f.error() && dataflowIndex(df) < 0) {
            f.fail("default_dataflow", "must be one of " + dataflowNames() + ", not '" + clipped(df) + "'");
        }
        p.defaultDataflow = df;
    }
    if (f.has("default_engine")) {
        Fields ef(f.at("default_engine"), f.path("default_engine"));
        EngineDefaults e;
        e.rows = int(ef.integer("rows", 1, 4096));
        e.cols = int(ef.integer("cols", 1, 4096));
        readBuffers(ef, e);
        ef.rejectUnknown();
        if (ef.error()) {
            f.adopt(*ef.error());
        }
        p.defaultEngine = e;
    }
    if (f.has("notes")) {
        const Json& n = f.at("notes");
        p.notes.clear();
        if (!n.is_array()) {
            f.fail("notes", "must be a list of strings");
        } else {
            for (const auto& line : n) {
                if (!line.is_string()) {
                    f.fail("notes", "must be a list of strings, not " + quoted(line));
                    break;
                }
                p.notes.push_back(line.get<std::string>());
            }
        }
    }
    f.rejectUnknown();
    if (!f.error() && p.target == Target::Fpga && (p.budget.dsp < 1 || p.budget.bram18 < 1)) {
        f.fail("budget", "of an FPGA needs dsp and bram18 (the board's DSP slices and 18 Kb block RAMs), both >= 1");
    }
    if (!f.error() && p.target == Target::Asic && p.budget.pes < 1 && p.budget.areaMm2 <= 0) {
        f.fail("budget", "of an ASIC needs pes or area_mm2 (or both) to bound the design");
    }
    if (f.error()) {
        return *f.error();
    }
    return p;
}

Expected<Platform> resolvePlatformArg(const std::string& arg)
{
    if (const Platform* p = findPlatform(arg)) {
        return *p;
    }
    if (arg.size() > 5 && arg.compare(arg.size() - 5, 5, ".json") == 0) {
        auto j = readJsonFile(arg);
        if (!j) {
            return j.error();
        }
        return platformFromJson(*j);
    }
    return Error { ErrorCode::UnknownPlatform,
        "unknown platform '" + arg + "'; presets are " + platformNames() + ", or give a .json platform file" };
}

// ---- accelerators and mappings --------------------------------------------------------------------------

Json acceleratorToJson(const Accelerator& a)
{
    Json engines = Json::array();
    for (const auto& e : a.engines) {
        Json engine = { { "rows", e.rows }, { "cols", e.cols }, { "dataflow", dataflows()[e.dataflow].name },
            { "noc",
                { { "weights", nocStyleName(e.noc[0]) }, { "inputs", nocStyleName(e.noc[1]) },
                    { "outputs", nocStyleName(e.noc[2]) } } } };
        writeBuffers(engine, e);
        engines.push_back(engine);
    }
    return { { "micro_arch", microArchName(a.arch) }, { "separate_depthwise", a.separateDepthwise },
        { "chunk_starts", a.chunkStarts }, { "double_buffer", a.doubleBuffer }, { "engines", engines } };
}

Expected<Accelerator> acceleratorFromJson(const Json& j)
{
    Fields f(j, "accelerator");
    if (f.error()) {
        return *f.error();
    }
    Accelerator a;
    const std::string arch = f.string("micro_arch", std::string("multi-cycle"));
    if (arch == "pipelined") {
        a.arch = MicroArch::Pipelined;
    } else if (arch == "multi-cycle") {
        a.arch = MicroArch::MultiCycle;
    } else {
        f.fail("micro_arch", "must be pipelined or multi-cycle, not '" + clipped(arch) + "'");
    }
    a.separateDepthwise = f.boolean("separate_depthwise", false);
    a.doubleBuffer = f.boolean("double_buffer", true);
    if (f.has("chunk_starts")) {
        const Json& cs = f.at("chunk_starts");
        a.chunkStarts.clear();
        if (!cs.is_array() || cs.empty()) {
            f.fail("chunk_starts", "must be a non-empty list of layer indices starting with 0");
        } else {
            for (const auto& v : cs) {
                long long start = 0;
                if (!wholeNumber(v, start) || start < 0 || start > (1 << 20)) {
                    f.fail("chunk_starts", "must hold layer indices (whole numbers from 0), not " + quoted(v));
                    break;
                }
                a.chunkStarts.push_back(int(start));
            }
        }
    }
    if (!f.has("engines") || !f.at("engines").is_array() || f.at("engines").empty()) {
        f.fail("engines", "must be a non-empty list of engines");
    } else {
        a.engines.clear();
        const Json& list = f.at("engines");
        for (size_t i = 0; i < list.size() && !f.error(); ++i) {
            const std::string where = f.path("engines[" + std::to_string(i) + "]");
            Fields ef(list[i], where);
            Engine e;
            e.rows = int(ef.integer("rows", 1, 4096));
            e.cols = int(ef.integer("cols", 1, 4096));
            const std::string df = ef.string("dataflow");
            e.dataflow = dataflowIndex(df);
            if (e.dataflow < 0 && !ef.error()) {
                ef.fail("dataflow", "must be one of " + dataflowNames() + ", not '" + clipped(df) + "'");
            }
            if (ef.has("noc")) {
                Fields nf(ef.at("noc"), ef.path("noc"));
                for (int o = 0; o < kOperands; ++o) {
                    const std::string s = nf.string(kOperandNames[o], std::string("multicast"));
                    if (!parseNocStyle(s, e.noc[o])) {
                        nf.fail(kOperandNames[o], "must be multicast, unicast or systolic, not '" + clipped(s) + "'");
                    }
                }
                nf.rejectUnknown();
                if (nf.error()) {
                    ef.adopt(*nf.error());
                }
            }
            readBuffers(ef, e);
            ef.rejectUnknown();
            if (ef.error()) {
                f.adopt(*ef.error());
            }
            a.engines.push_back(e);
        }
    }
    f.rejectUnknown();
    if (f.error()) {
        return *f.error();
    }
    return a;
}

Json mappingToJson(const Mapping& m, const std::string& layerName)
{
    return { { "layer", layerName },
        { "spatial", { { "rows", dimsToJson(m.spatialRow, true) }, { "cols", dimsToJson(m.spatialCol, true) } } },
        { "tiles",
            { { "rf", dimsToJson(m.rf, true) }, { "gb", dimsToJson(m.gb, true) },
                { "dram", dimsToJson(m.dram, true) } } },
        { "loop_order",
            { { "rf", orderToString(m.order[0]) }, { "gb", orderToString(m.order[1]) },
                { "dram", orderToString(m.order[2]) } } } };
}

Expected<Mapping> mappingFromJson(const Json& j, const std::string& where)
{
    Fields f(j, where);
    if (f.error()) {
        return *f.error();
    }
    Mapping m;
    // One nested object (spatial, tiles, loop_order): an object whose keys are the given levels, each read by
    // `read`; anything else there is an error naming it.
    auto nested = [&](const char* key, std::initializer_list<const char*> levels, auto read) {
        if (!f.has(key)) {
            return;
        }
        Fields n(f.at(key), f.path(key));
        for (const char* level : levels) {
            if (!n.error() && n.has(level)) {
                if (auto e = read(n.at(level), n.path(level), level)) {
                    n.adopt(*e);
                }
            }
        }
        n.rejectUnknown();
        if (n.error()) {
            f.adopt(*n.error());
        }
    };
    nested("spatial", { "rows", "cols" }, [&](const Json& v, const std::string& path, const char* level) {
        return dimsFromJson(v, path, std::string(level) == "rows" ? m.spatialRow : m.spatialCol, 1);
    });
    if (!f.has("tiles")) {
        f.fail("tiles", "is missing (an object with rf, gb and dram factors)");
    }
    nested("tiles", { "rf", "gb", "dram" }, [&](const Json& v, const std::string& path, const char* level) {
        const std::string l = level;
        return dimsFromJson(v, path, l == "rf" ? m.rf : l == "gb" ? m.gb : m.dram, 1);
    });
    nested("loop_order", { "rf", "gb", "dram" }, [&](const Json& v, const std::string& path, const char* level) {
        const std::string l = level;
        return orderFromString(v, path, m.order[l == "rf" ? 0 : l == "gb" ? 1 : 2]);
    });
    if (f.has("layer") && !f.at("layer").is_string()) {
        f.fail("layer", "must be the layer's name (a string), not " + quoted(f.at("layer")));
    }
    f.rejectUnknown();
    if (f.error()) {
        return *f.error();
    }
    return m;
}

} // namespace dna::io
