#include "io/json_io.h"
#include "util/output_file.h"

#include "io/json_detail.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace dna::io {

using namespace dna::io::detail;

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
        return Error { ErrorCode::BadField, "a design file must be a JSON object" };
    }
    if (f.string("format", std::string("dna-design")) != "dna-design") {
        return Error { ErrorCode::BadField, "format must be \"dna-design\"" };
    }
    if (f.integer("version", 1, 1, 1) != 1 || f.error()) {
        return Error { ErrorCode::BadField, "version must be 1 (this build reads design files of version 1)" };
    }
    Design d;
    d.batch = int(f.integer("batch", 1, 4096, 1));
    // Read below, each by its own reader; "metrics" is informative (the reader evaluates again).
    f.allow({ "network", "platform", "accelerator", "mappings", "metrics" });
    f.rejectUnknown();
    if (f.error()) {
        return *f.error();
    }
    for (const char* key : { "network", "platform", "accelerator", "mappings" }) {
        if (!f.has(key)) {
            return Error { ErrorCode::BadField,
                std::string(key)
                    + " is missing; a design file has network, platform, "
                      "accelerator and mappings" };
        }
    }
    auto net = networkFromJson(f.at("network"));
    if (!net) {
        const std::string& detail = net.error().detail;
        return Error { net.error().code, detail.rfind("layers[", 0) == 0 ? "network." + detail : detail };
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
        return Error { ErrorCode::BadField,
            "mappings must be a list with one mapping per layer (" + std::to_string(d.network.layers.size()) + ")" };
    }
    for (size_t i = 0; i < maps.size(); ++i) {
        const std::string where = "mappings[" + std::to_string(i) + "]";
        auto m = mappingFromJson(maps[i], where);
        if (!m) {
            return m.error();
        }
        const std::string& layer = d.network.layers[i].name;
        if (maps[i].contains("layer") && maps[i].at("layer").get<std::string>() != layer) {
            return Error { ErrorCode::BadField,
                where + ".layer is '" + clipped(maps[i].at("layer").get<std::string>()) + "' but layer "
                    + std::to_string(i) + " of the network is '" + layer + "' (mappings are in layer order)" };
        }
        d.mappings.push_back(std::move(m).value());
    }
    return d;
}

Expected<Json> parseJson(const std::string& text, const std::string& name)
{
    // A depth limit: values nested deeper than any of our formats need are refused while parsing, before they
    // can exhaust the stack of a recursive copy or comparison.
    constexpr int kMaxDepth = 64;
    struct TooDeep { };
    std::string lastKey;
    const Json::parser_callback_t track = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (depth > kMaxDepth) {
            throw TooDeep {};
        }
        if (event == Json::parse_event_t::key && parsed.is_string()) {
            lastKey = parsed.get<std::string>();
        }
        return true;
    };
    try {
        return Json::parse(text, track);
    } catch (const TooDeep&) {
        return Error { ErrorCode::MalformedJson,
            name + " nests lists or objects more than " + std::to_string(kMaxDepth) + " levels deep"
                + (lastKey.empty() ? std::string() : " (in field '" + clipped(lastKey) + "')") };
    } catch (const Json::parse_error& e) {
        return Error { ErrorCode::MalformedJson, name + " is not valid JSON: " + e.what() };
    } catch (const Json::exception& e) {
        // A number past the range of a double (1e309), for example: the parser names neither place nor field.
        std::string what = e.what();
        const size_t bracket = what.find("] ");
        what = bracket == std::string::npos ? what : what.substr(bracket + 2);
        return Error { ErrorCode::MalformedJson,
            name + ": " + clipped(what) + (lastKey.empty() ? std::string() : " in field '" + clipped(lastKey) + "'")
                + " (numbers must fit a double, about 1.8e308)" };
    }
}

Expected<Json> readJsonFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return Error { ErrorCode::FileNotFound, "cannot open '" + path + "'" };
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parseJson(ss.str(), "'" + path + "'");
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
    return writeOutputFile(path, j.dump(2) + "\n");
}

} // namespace dna::io
