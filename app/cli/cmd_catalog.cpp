// dna-cli platforms / networks: what the cost model knows about.
#include "cli_args.h"
#include "cli_command.h"

#include "accel/dataflow.h"
#include "accel/platform.h"
#include "io/json_io.h"
#include "workload/network.h"
#include "workload/search_space.h"

#include <iomanip>
#include <ostream>

namespace dna::cli {
namespace {

int platforms(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, {}, { "json" });
    for (const auto& problem : accel::platformLoadProblems()) {
        err << "dna-cli platforms: warning: " << problem << '\n';
    }
    if (args.flag("json")) {
        io::Json list = io::Json::array();
        for (const auto& p : accel::platformPresets()) {
            list.push_back(io::platformToJson(p));
        }
        out << list.dump(2) << '\n';
        return Ok;
    }
    for (const auto& p : accel::platformPresets()) {
        out << std::left << std::setw(9) << p.name << ' ' << std::setw(5) << accel::targetName(p.target) << ' '
            << p.description << '\n';
    }
    out << "\nYour own platforms: *.json files in " << accel::userPlatformDir()
        << " (format: README \"File formats\"; a preset's file is a good start: dna-cli platforms --json)\n";
    out << "\nDataflows:";
    for (const auto& d : accel::dataflows()) {
        out << "\n  " << std::setw(5) << d.name << ' ' << d.description;
    }
    out << '\n';
    return Ok;
}

int networks(const std::vector<std::string>& argv, std::ostream& out, std::ostream&)
{
    Args args(argv, {}, { "json" });
    io::Json list = io::Json::array();
    for (const auto& name : workload::builtinNetworkNames()) {
        const auto net = workload::builtinNetwork(name).value();
        list.push_back({ { "name", name }, { "kind", "builtin" }, { "layers", net.layers.size() },
            { "macs", net.macs() }, { "weights", net.weightWords() } });
    }
    for (const auto& s : workload::searchSpaces()) {
        std::vector<std::string> ops;
        for (const auto& o : s.ops) {
            ops.push_back(o.name);
        }
        list.push_back({ { "name", s.name }, { "kind", "search-space" },
            { "input", { s.inputChannels, s.inputSize, s.inputSize } }, { "searchable_layers", s.searchableLayers() },
            { "ops", ops }, { "example", s.name + ":" + [&] {
                                 std::string g;
                                 for (int i = 0; i < s.searchableLayers(); ++i) {
                                     g += (i ? "," : "") + s.ops[i % s.ops.size()].name;
                                 }
                                 return g;
                             }() } });
    }
    if (args.flag("json")) {
        out << list.dump(2) << '\n';
        return Ok;
    }
    for (const auto& n : list) {
        if (n["kind"] == "builtin") {
            out << std::left << std::setw(12) << n["name"].get<std::string>() << n["layers"].get<int>() << " layers, "
                << std::fixed << std::setprecision(1) << n["macs"].get<double>() / 1e6 << " MMACs, "
                << n["weights"].get<double>() / 1e6 << " M weights\n";
        } else {
            out << std::left << std::setw(12) << n["name"].get<std::string>() << "search space, "
                << n["searchable_layers"].get<int>() << " searchable layers x " << n["ops"].size()
                << " ops; genotype e.g. " << n["example"].get<std::string>() << '\n';
        }
    }
    return Ok;
}

Registrar platformsCmd(
    { "platforms", "list the platform presets (FPGA boards, ASICs) and dataflows", "[--json]", platforms });
Registrar networksCmd(
    { "networks", "list the built-in networks and the supernet search spaces", "[--json]", networks });

} // namespace
} // namespace dna::cli
