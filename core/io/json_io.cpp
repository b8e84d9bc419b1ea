#include "io/json_io.h"

#include "accel/dataflow.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace dna::io {

using namespace dna::workload;
using namespace dna::accel;

namespace {

/// Reads fields of one JSON object, remembering the first problem with a path such as "layers[3].kernel".
class Fields {
public:
    Fields(const Json& j, std::string where)
        : m_j(j)
        , m_where(std::move(where))
    {
        if (!j.is_object()) {
            fail("", "must be a JSON object");
        }
    }

    bool has(const char* key) const { return m_j.is_object() && m_j.contains(key); }
    const Json& at(const char* key) const { return m_j.at(key); }
    std::string path(const std::string& key) const { return m_where.empty() ? key : m_where + "." + key; }

    long long integer(const char* key, long long min, long long max, std::optional<long long> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(
                    key, "is missing (a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ")");
            }
            return fallback.value_or(min);
        }
        const Json& v = m_j.at(key);
        if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
            fail(key,
                "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not "
                    + v.dump());
            return min;
        }
        return v.get<long long>();
    }

    double number(const char* key, double min, double max, std::optional<double> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(key, "is missing (a number from " + fmt(min) + " to " + fmt(max) + ")");
            }
            return fallback.value_or(min);
        }
        const Json& v = m_j.at(key);
        if (!v.is_number() || v.get<double>() < min || v.get<double>() > max) {
            fail(key, "must be a number from " + fmt(min) + " to " + fmt(max) + ", not " + v.dump());
            return min;
        }
        return v.get<double>();
    }

    std::string string(const char* key, std::optional<std::string> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(key, "is missing (a string)");
            }
            return fallback.value_or("");
        }
        if (!m_j.at(key).is_string()) {
            fail(key, "must be a string, not " + m_j.at(key).dump());
            return {};
        }
        return m_j.at(key).get<std::string>();
    }

    bool boolean(const char* key, bool fallback)
    {
        if (!has(key)) {
            return fallback;
        }
        if (!m_j.at(key).is_boolean()) {
            fail(key, "must be true or false");
            return fallback;
        }
        return m_j.at(key).get<bool>();
    }

    void fail(const std::string& key, const std::string& what)
    {
        if (!m_error) {
            m_error = Error { "bad_field",
                (key.empty() ? (m_where.empty() ? "document" : m_where) : path(key)) + " " + what };
        }
    }
    void adopt(const Error& e)
    {
        if (!m_error) {
            m_error = e;
        }
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    static std::string fmt(double v)
    {
        std::ostringstream os;
        os << v;
        return os.str();
    }
    const Json& m_j;
    std::string m_where;
    std::optional<Error> m_error;
};

Json dimsToJson(const std::array<int, kDims>& f, bool skipOnes)
{
    Json j = Json::object();
    for (int d = 0; d < kDims; ++d) {
        if (!skipOnes || f[d] != 1) {
            j[std::string(1, kDimNames[d])] = f[d];
        }
    }
    return j;
}

std::optional<Error> dimsFromJson(const Json& j, const std::string& where, std::array<int, kDims>& out, int fallback)
{
    if (!j.is_object()) {
        return Error { "bad_field", where + " must be an object such as {\"K\": 4, \"C\": 2}" };
    }
    out.fill(fallback);
    for (const auto& [key, value] : j.items()) {
        int d = -1;
        for (int i = 0; i < kDims; ++i) {
            if (key.size() == 1 && key[0] == kDimNames[i]) {
                d = i;
            }
        }
        if (d < 0) {
            return Error { "bad_field",
                where + " has unknown dimension '" + key + "' (dimensions are N G K C Y X R S)" };
        }
        if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > (1 << 24)) {
            return Error { "bad_field",
                where + "." + key + " must be a whole number of at least 1, not " + value.dump() };
        }
        out[d] = value.get<int>();
    }
    return std::nullopt;
}

std::string orderToString(const std::array<int, kDims>& order)
{
    std::string s;
    for (int d : order) {
        s += kDimNames[d];
    }
    return s;
}

std::optional<Error> orderFromString(const Json& j, const std::string& where, std::array<int, kDims>& out)
{
    const std::string msg = where + " must be a permutation of the letters NGKCYXRS, innermost loop first";
    if (!j.is_string() || j.get<std::string>().size() != kDims) {
        return Error { "bad_field", msg };
    }
    const std::string s = j.get<std::string>();
    unsigned seen = 0;
    for (int i = 0; i < kDims; ++i) {
        int d = -1;
        for (int k = 0; k < kDims; ++k) {
            if (s[i] == kDimNames[k]) {
                d = k;
            }
        }
        if (d < 0 || (seen & (1u << d))) {
            return Error { "bad_field", msg + ", not \"" + s + "\"" };
        }
        seen |= 1u << d;
        out[i] = d;
    }
    return std::nullopt;
}

Json operandsToJson(const std::array<double, kOperands>& v)
{
    return { { "weights", v[0] }, { "inputs", v[1] }, { "outputs", v[2] } };
}

template <class T>
std::optional<Error> operandsFromJson(
    const Json& j, const std::string& where, std::array<T, kOperands>& out, double max)
{
    if (!j.is_object()) {
        return Error { "bad_field", where + " must be an object with weights, inputs, outputs" };
    }
    for (int o = 0; o < kOperands; ++o) {
        if (!j.contains(kOperandNames[o])) {
            out[o] = 0;
            continue;
        }
        const Json& v = j.at(kOperandNames[o]);
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > max) {
            return Error { "bad_field",
                where + "." + kOperandNames[o] + " must be a number from 0 to " + std::to_string(max) + ", not "
                    + v.dump() };
        }
        out[o] = v.get<T>();
    }
    return std::nullopt;
}

} // namespace

// ---- layers and networks --------------------------------------------------------------------------------

Json layerToJson(const Layer& l)
{
    return { { "name", l.name }, { "type", layerTypeName(l.type) }, { "dims", dimsToJson(l.dims, false) },
        { "stride", { l.strideY, l.strideX } }, { "pad", { l.padY, l.padX } },
        { "bits", { { "weights", l.weightBits }, { "inputs", l.inputBits }, { "outputs", l.outputBits } } } };
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
        if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()) {
            a = v[0].get<int>();
            b = v[1].get<int>();
        } else if (v.is_number_integer()) {
            a = b = v.get<int>();
        } else {
            f.fail(key, "must be a whole number or a pair [rows, cols]");
            return;
        }
        if (a < min || b < min || a > max || b > max) {
            f.fail(key, "must be from " + std::to_string(min) + " to " + std::to_string(max));
        }
    };
    pair("stride", 1, 64, 1, l.strideY, l.strideX);
    pair("pad", 0, 64, 0, l.padY, l.padX);
    if (f.has("bits")) {
        const Json& b = f.at("bits");
        if (b.is_number_integer()) {
            l.weightBits = l.inputBits = l.outputBits = b.get<int>();
        } else {
            Fields bf(b, f.path("bits"));
            l.weightBits = int(bf.integer("weights", 1, 32, 16));
            l.inputBits = int(bf.integer("inputs", 1, 32, 16));
            l.outputBits = int(bf.integer("outputs", 1, 32, 16));
            if (bf.error()) {
                f.adopt(*bf.error());
            }
        }
        if (l.weightBits < 1 || l.weightBits > 32) {
            f.fail("bits", "must be from 1 to 32");
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
            return Error { "bad_field", "network.layers is missing (a list of layers, or give a genotype)" };
        }
        layers = &j.at("layers");
        if (f.has("genotype")) {
            auto g = networkFromGenotype(f.string("genotype"));
            if (g) {
                net.space = g->space;
                net.genotype = g->genotype;
            }
        }
        if (f.error()) {
            return *f.error();
        }
    } else {
        return Error { "bad_field", "a network file must be a JSON object with \"layers\" or a list of layers" };
    }
    if (!layers->is_array() || layers->empty()) {
        return Error { "bad_field", "network.layers must be a non-empty list" };
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

/// Only the limits that are set: an absent key means "no limit"; a present one must be positive.
Json budgetToJson(const Budget& b)
{
    Json j = Json::object();
    if (b.dsp > 0)
        j["dsp"] = b.dsp;
    if (b.bram18 > 0)
        j["bram18"] = b.bram18;
    if (b.areaMm2 > 0)
        j["area_mm2"] = b.areaMm2;
    if (b.pes > 0)
        j["pes"] = b.pes;
    if (b.gbBytes > 0)
        j["gb_bytes"] = b.gbBytes;
    if (b.rfBytesPerPe > 0)
        j["rf_bytes_per_pe"] = b.rfBytesPerPe;
    return j;
}

} // namespace

Json platformToJson(const Platform& p)
{
    return { { "name", p.name }, { "description", p.description }, { "target", targetName(p.target) },
        { "clock_mhz", p.clockMhz }, { "dram_gbps", p.dramGBps }, { "gb_words_per_cycle", p.gbWordsPerCycle },
        { "energy_pj",
            { { "mac", p.energy.macPj }, { "rf", p.energy.rfPj }, { "noc", p.energy.nocPj }, { "gb", p.energy.gbPj },
                { "dram", p.energy.dramPj }, { "source", p.energy.source } } },
        { "area_mm2",
            { { "pe", p.area.peMm2 }, { "rf_byte", p.area.rfMm2PerByte }, { "gb_byte", p.area.gbMm2PerByte },
                { "fixed", p.area.fixedMm2 }, { "source", p.area.source } } },
        { "budget", budgetToJson(p.budget) } };
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
        const Platform* preset = findPlatform(base);
        if (!preset) {
            return Error { "unknown_platform",
                "platform.base '" + base + "' is not a preset; presets are " + platformNames() };
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
        f.fail("target", "must be fpga or asic, not '" + target + "'");
    }
    p.clockMhz = f.number("clock_mhz", 1, 10000, based ? std::optional<double>(p.clockMhz) : std::nullopt);
    p.dramGBps = f.number("dram_gbps", 0.001, 10000, p.dramGBps);
    p.gbWordsPerCycle = f.number("gb_words_per_cycle", 0, 1e6, p.gbWordsPerCycle);
    if (f.has("energy_pj")) {
        Fields e(f.at("energy_pj"), f.path("energy_pj"));
        p.energy.macPj = e.number("mac", 0, 1e6, p.energy.macPj);
        p.energy.rfPj = e.number("rf", 0, 1e6, p.energy.rfPj);
        p.energy.nocPj = e.number("noc", 0, 1e6, p.energy.nocPj);
        p.energy.gbPj = e.number("gb", 0, 1e6, p.energy.gbPj);
        p.energy.dramPj = e.number("dram", 0, 1e6, p.energy.dramPj);
        p.energy.source = e.string("source", p.energy.source);
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
        if (b.error()) {
            f.adopt(*b.error());
        }
    }
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
    return Error { "unknown_platform",
        "unknown platform '" + arg + "'; presets are " + platformNames() + ", or give a .json platform file" };
}

// ---- accelerators and mappings --------------------------------------------------------------------------

Json acceleratorToJson(const Accelerator& a)
{
    Json engines = Json::array();
    for (const auto& e : a.engines) {
        engines.push_back({ { "rows", e.rows }, { "cols", e.cols }, { "dataflow", dataflows()[e.dataflow].name },
            { "noc",
                { { "weights", nocStyleName(e.noc[0]) }, { "inputs", nocStyleName(e.noc[1]) },
                    { "outputs", nocStyleName(e.noc[2]) } } },
            { "gb_bytes", e.gbBytes }, { "gb_share", operandsToJson(e.gbShare) }, { "rf_bytes", e.rfBytes },
            { "rf_split", operandsToJson({ double(e.rfSplit[0]), double(e.rfSplit[1]), double(e.rfSplit[2]) }) } });
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
        f.fail("micro_arch", "must be pipelined or multi-cycle, not '" + arch + "'");
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
                if (!v.is_number_integer() || v.get<long long>() < 0) {
                    f.fail("chunk_starts", "must hold whole numbers >= 0");
                    break;
                }
                a.chunkStarts.push_back(v.get<int>());
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
                ef.fail("dataflow", "must be one of " + dataflowNames() + ", not '" + df + "'");
            }
            if (ef.has("noc")) {
                Fields nf(ef.at("noc"), ef.path("noc"));
                for (int o = 0; o < kOperands; ++o) {
                    const std::string s = nf.string(kOperandNames[o], std::string("multicast"));
                    if (!parseNocStyle(s, e.noc[o])) {
                        nf.fail(kOperandNames[o], "must be multicast, unicast or systolic, not '" + s + "'");
                    }
                }
                if (nf.error()) {
                    ef.adopt(*nf.error());
                }
            }
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
            if (ef.error()) {
                f.adopt(*ef.error());
            }
            a.engines.push_back(e);
        }
    }
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
    auto readDims = [&](const Json& parent, const char* key, const std::string& path, std::array<int, kDims>& out) {
        if (parent.is_object() && parent.contains(key)) {
            if (auto e = dimsFromJson(parent.at(key), path + "." + key, out, 1)) {
                f.adopt(*e);
            }
        }
    };
    if (f.has("spatial")) {
        readDims(f.at("spatial"), "rows", f.path("spatial"), m.spatialRow);
        readDims(f.at("spatial"), "cols", f.path("spatial"), m.spatialCol);
    }
    if (!f.has("tiles")) {
        f.fail("tiles", "is missing (an object with rf, gb and dram factors)");
    } else {
        readDims(f.at("tiles"), "rf", f.path("tiles"), m.rf);
        readDims(f.at("tiles"), "gb", f.path("tiles"), m.gb);
        readDims(f.at("tiles"), "dram", f.path("tiles"), m.dram);
    }
    if (f.has("loop_order")) {
        const Json& lo = f.at("loop_order");
        const char* levels[] = { "rf", "gb", "dram" };
        for (int i = 0; i < 3; ++i) {
            if (lo.is_object() && lo.contains(levels[i])) {
                if (auto e = orderFromString(lo.at(levels[i]), f.path("loop_order") + "." + levels[i], m.order[i])) {
                    f.adopt(*e);
                }
            }
        }
    }
    if (f.error()) {
        return *f.error();
    }
    return m;
}

// ---- evaluation output and design files -----------------------------------------------------------------

Json costToJson(const Design& d, const DesignCost& cost)
{
    const double clockHz = d.platform.clockMhz * 1e6;
    Json layers = Json::array();
    for (size_t i = 0; i < cost.layers.size(); ++i) {
        const Layer& l = d.network.layers[i];
        const LayerCost& lc = cost.layers[i];
        const Engine& en = d.accelerator.engines[cost.layerEngine[i]];
        Json shape = dimsToJson(l.dims, false);
        shape["stride"] = l.strideY;
        Json mapping = mappingToJson(d.mappings[i], l.name);
        mapping.erase("layer");
        layers.push_back({ { "name", l.name }, { "type", layerTypeName(l.type) }, { "shape", shape },
            { "engine", cost.layerEngine[i] }, { "dataflow", dataflows()[en.dataflow].name }, { "valid", lc.valid() },
            { "cycles", lc.cycles }, { "compute_cycles", lc.computeCycles }, { "gb_cycles", lc.gbCycles },
            { "dram_cycles", lc.dramCycles }, { "latency_ms", lc.cycles / clockHz * 1e3 }, { "macs", lc.macs },
            { "energy_pj",
                { { "mac", lc.energyPj.mac }, { "rf", lc.energyPj.rf }, { "noc", lc.energyPj.noc },
                    { "gb", lc.energyPj.gb }, { "dram", lc.energyPj.dram }, { "total", lc.energyPj.total() } } },
            { "dram_words",
                { { "reads", operandsToJson(lc.dramReads) }, { "writes", operandsToJson(lc.dramWrites) } } },
            { "utilization", lc.utilization }, { "bound", boundName(lc.bound) }, { "mapping", mapping } });
    }
    const Resources& r = cost.resources;
    const Budget& b = d.platform.budget;
    Json resources { { "pes", r.pes }, { "gb_bytes", r.gbBytes }, { "rf_bytes_per_pe", r.rfBytesPerPe } };
    if (d.platform.target == Target::Fpga) {
        resources["dsp"] = r.dsp;
        resources["bram18"] = r.bram18;
    } else {
        resources["area_mm2"] = r.areaMm2;
    }
    resources["budget"] = budgetToJson(b);
    Json total { { "cycles", cost.latencyCycles }, { "interval_cycles", cost.intervalCycles },
        { "latency_ms", cost.latencyMs }, { "fps", cost.fps }, { "energy_uj", cost.energyUj }, { "edp", cost.edp },
        { "energy_pj",
            { { "mac", cost.energyPj.mac }, { "rf", cost.energyPj.rf }, { "noc", cost.energyPj.noc },
                { "gb", cost.energyPj.gb }, { "dram", cost.energyPj.dram } } },
        { "resources", resources }, { "valid", cost.valid() },
        { "invalid_reason", cost.valid() ? Json(nullptr) : Json(invalidCode(cost.invalid)) },
        { "invalid_detail", cost.valid() ? Json(nullptr) : Json(cost.invalidDetail) } };
    return { { "network", d.network.label() }, { "platform", d.platform.name }, { "batch", d.batch },
        { "macs", d.network.macs() }, { "total", total }, { "layers", layers } };
}

Json designToJson(const Design& d, const DesignCost* cost)
{
    Json mappings = Json::array();
    for (size_t i = 0; i < d.mappings.size(); ++i) {
        mappings.push_back(mappingToJson(d.mappings[i], i < d.network.layers.size() ? d.network.layers[i].name : ""));
    }
    Json j { { "format", "dna-design" }, { "version", 1 }, { "batch", d.batch },
        { "network", networkToJson(d.network) }, { "platform", platformToJson(d.platform) },
        { "accelerator", acceleratorToJson(d.accelerator) }, { "mappings", mappings } };
    if (cost) {
        j["metrics"] = costToJson(d, *cost)["total"];
    }
    return j;
}

Expected<Design> designFromJson(const Json& j)
{
    Fields f(j, "");
    if (f.error()) {
        return Error { "bad_field", "a design file must be a JSON object" };
    }
    if (f.string("format", std::string("dna-design")) != "dna-design") {
        return Error { "bad_field", "format must be \"dna-design\"" };
    }
    if (f.integer("version", 1, 1, 1) != 1 || f.error()) {
        return Error { "bad_field", "version must be 1 (this build reads design files of version 1)" };
    }
    Design d;
    d.batch = int(f.integer("batch", 1, 4096, 1));
    for (const char* key : { "network", "platform", "accelerator", "mappings" }) {
        if (!f.has(key)) {
            return Error { "bad_field",
                std::string(key)
                    + " is missing; a design file has network, platform, "
                      "accelerator and mappings" };
        }
    }
    auto net = networkFromJson(f.at("network"));
    if (!net) {
        return net.error();
    }
    d.network = std::move(net).value();
    setBatch(d.network, d.batch);
    Expected<Platform> platform = f.at("platform").is_string() ? resolvePlatformArg(f.at("platform").get<std::string>())
                                                               : platformFromJson(f.at("platform"));
    if (!platform) {
        return platform.error();
    }
    d.platform = std::move(platform).value();
    auto acc = acceleratorFromJson(f.at("accelerator"));
    if (!acc) {
        return acc.error();
    }
    d.accelerator = std::move(acc).value();
    if (auto e = validateAccelerator(d.accelerator, d.network)) {
        return Error { e->code, "accelerator: " + e->detail };
    }
    const Json& maps = f.at("mappings");
    if (!maps.is_array() || maps.size() != d.network.layers.size()) {
        return Error { "bad_field",
            "mappings must be a list with one mapping per layer (" + std::to_string(d.network.layers.size()) + ")" };
    }
    for (size_t i = 0; i < maps.size(); ++i) {
        auto m = mappingFromJson(maps[i], "mappings[" + std::to_string(i) + "]");
        if (!m) {
            return m.error();
        }
        d.mappings.push_back(std::move(m).value());
    }
    return d;
}

Expected<Json> readJsonFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return Error { "file_not_found", "cannot open '" + path + "'" };
    }
    std::stringstream ss;
    ss << in.rdbuf();
    try {
        return Json::parse(ss.str());
    } catch (const Json::parse_error& e) {
        return Error { "malformed_json", "'" + path + "' is not valid JSON: " + e.what() };
    }
}

Expected<Design> readDesignFile(const std::string& path)
{
    auto j = readJsonFile(path);
    if (!j) {
        return j.error();
    }
    auto d = designFromJson(*j);
    if (!d) {
        return Error { d.error().code, path + ": " + d.error().detail };
    }
    return d;
}

std::optional<Error> writeJsonFile(const std::string& path, const Json& j)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) {
            return Error { "write_failed", "cannot write '" + path + "'" };
        }
        out << j.dump(2) << '\n';
        if (!out) {
            return Error { "write_failed", "writing '" + path + "' failed" };
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return Error { "write_failed", "cannot replace '" + path + "'" };
    }
    return std::nullopt;
}

} // namespace dna::io
