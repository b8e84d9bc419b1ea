// dna-cli hwsearch: search the accelerator and every layer's mapping for a network on a platform.
#include "cli_args.h"
#include "cli_command.h"
#include "cli_output.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "hwsearch/hw_search.h"
#include "io/json_io.h"
#include "util/parallel.h"

#include <iomanip>
#include <ostream>

namespace dna::cli {
namespace {

/// --accelerator FILE: the micro-architecture is given (a design file's, or a bare accelerator object); only
/// the layer mappings are searched, `--iters` samples per layer.
int searchOnFixedAccelerator(const hwsearch::HwSearchRequest& req, const std::string& file, const Args& args,
    std::ostream& out, std::ostream& err)
{
    auto j = io::readJsonFile(file);
    if (!j) {
        return reportError(err, "hwsearch", j.error(), "--accelerator");
    }
    const io::Json& accJson = j->is_object() && j->contains("accelerator") ? j->at("accelerator") : *j;
    auto acc = io::acceleratorFromJson(accJson);
    if (!acc) {
        return reportError(err, "hwsearch", acc.error(), "--accelerator");
    }
    workload::Network net = req.network;
    accel::setBatch(net, req.batch);
    if (auto e = accel::validateAccelerator(*acc, net)) {
        return reportError(err, "hwsearch", *e, "--accelerator");
    }
    const auto m = hwsearch::searchMappings(
        net, req.platform, *acc, req.objective, req.algo, req.evaluations, req.seed, {}, resolveThreads(req.threads));
    if (!m.refusal.empty()) {
        err << "dna-cli hwsearch: " << m.refusal << '\n';
        return BadUsage;
    }
    accel::Design d { net, req.platform, *acc, m.mappings, req.batch };
    const accel::DesignCost cost = accel::evaluateDesign(d);
    if (auto path = args.value("out")) {
        if (auto e = io::writeJsonFile(*path, io::designToJson(d, &cost))) {
            return reportError(err, "hwsearch", *e);
        }
    }
    if (args.flag("json")) {
        io::Json jo = io::costToJson(d, cost);
        jo["accelerator"] = io::acceleratorToJson(d.accelerator);
        jo["search"]
            = { { "algo", hwsearch::algoName(req.algo) }, { "objective", hwsearch::objectiveName(req.objective) },
                  { "evaluations", m.evaluations }, { "invalid", m.invalid }, { "fixed_accelerator", true },
                  { "best_cost", hwsearch::designCost(req.objective, cost) } };
        out << jo.dump(2) << '\n';
    } else {
        printCostTable(out, d, cost);
        out << "mapping search on the given accelerator: " << m.evaluations << " evaluations\n";
    }
    return cost.valid() ? Ok : Failure;
}

int hwsearch(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv,
        { "network", "platform", "objective", "algo", "iters", "seed", "batch", "out", "inner", "accelerator",
            "threads" },
        { "json" }, { "fix" });
    if (!args.value("network") || !args.value("platform")) {
        throw UsageError("give --network and --platform");
    }
    hwsearch::HwSearchRequest req;
    auto net = io::resolveNetworkArg(*args.value("network"));
    if (!net) {
        return reportError(err, "hwsearch", net.error(), "--network");
    }
    req.network = std::move(net).value();
    auto platform = io::resolvePlatformArg(*args.value("platform"));
    if (!platform) {
        return reportError(err, "hwsearch", platform.error(), "--platform");
    }
    req.platform = std::move(platform).value();
    const std::string objective = args.valueOr("objective", "fps");
    if (!hwsearch::parseObjective(objective, req.objective)) {
        throw UsageError("--objective must be one of " + hwsearch::objectiveNames(", ") + ", not '" + objective + "'");
    }
    const std::string algo = args.valueOr("algo", "das");
    if (!hwsearch::parseAlgo(algo, req.algo)) {
        throw UsageError("--algo must be " + hwsearch::strategyIds(", ", " or ") + ", not '" + algo + "'");
    }
    req.evaluations = long(args.integer("iters", 20000, 1, 100'000'000));
    req.seed = uint64_t(args.integer("seed", 1, 0, 1LL << 62));
    req.batch = int(args.integer("batch", 1, 1, 4096));
    req.innerIterations = int(args.integer("inner", 0, 0, 1'000'000));
    req.threads = int(args.integer("threads", 0, 0, 256));
    for (const auto& fix : args.values("fix")) {
        const auto eq = fix.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == fix.size()) {
            throw UsageError("--fix takes KNOB=VALUE (for example dataflow=rs or chunks=2), not '" + fix + "'");
        }
        req.fixes.push_back({ fix.substr(0, eq), fix.substr(eq + 1) });
    }

    if (auto file = args.value("accelerator")) {
        return searchOnFixedAccelerator(req, *file, args, out, err);
    }
    const auto result = hwsearch::searchHardware(req, CancelToken {}, {});
    if (result.error) {
        return reportError(err, "hwsearch", *result.error);
    }
    if (auto path = args.value("out")) {
        if (auto e = io::writeJsonFile(*path, io::designToJson(result.best, &result.cost))) {
            return reportError(err, "hwsearch", *e);
        }
    }
    // The "no search" baseline for comparison: the heuristic mapper on the default accelerator.
    const int df = accel::dataflowIndex(req.platform.defaultDataflow);
    const accel::Design baseline = accel::heuristicDesign(req.network, req.platform, df, req.batch);
    const accel::DesignCost baseCost = accel::evaluateDesign(baseline);
    io::Json search { { "algo", hwsearch::algoName(req.algo) }, { "objective", hwsearch::objectiveName(req.objective) },
        { "evaluations", result.evaluations }, { "valid", result.validEvaluations },
        { "invalid", result.invalidEvaluations }, { "architectures", result.architectures },
        { "seconds", result.seconds }, { "best_cost", result.bestCost }, { "seed", req.seed },
        { "heuristic_cost", hwsearch::designCost(req.objective, baseCost) } };
    io::Json trace = io::Json::array();
    for (const auto& [evals, cost] : result.trace) {
        trace.push_back({ evals, cost });
    }
    search["trace"] = trace;
    if (args.flag("json")) {
        io::Json j = io::costToJson(result.best, result.cost);
        j["accelerator"] = io::acceleratorToJson(result.best.accelerator);
        j["search"] = search;
        out << j.dump(2) << '\n';
        return Ok;
    }
    printCostTable(out, result.best, result.cost);
    out << std::defaultfloat << std::setprecision(6) << "search: " << hwsearch::algoName(req.algo) << ", objective "
        << hwsearch::objectiveName(req.objective) << ", " << result.evaluations << " evaluations ("
        << result.invalidEvaluations << " invalid), " << result.architectures << " accelerators, " << result.seconds
        << " s; best cost " << result.bestCost << " vs heuristic " << hwsearch::designCost(req.objective, baseCost)
        << '\n';
    return Ok;
}

const char* const kHwsearchNotes
    = "With --accelerator (a design file or accelerator JSON) "
      "only the layer mappings are searched, --iters samples per layer. Knobs for --fix: micro_arch (multi-cycle, "
      "pipelined), chunks (1-4), "
      "separate_dw (no, yes), "
      "boundary1-3, pe_fraction, gb_fraction, double_buffer (yes, no), and per engine (engineN.name or name for "
      "all): "
      "pe_share, aspect, dataflow (see above), gb_share, gb_split, rf_bytes. --iters counts cost-model "
      "evaluations of one layer mapping; --inner sets the mapping samples per layer for the best accelerator "
      "screened, in rounds until --iters is spent (default: what is left after the accelerators are screened). "
      "--threads spreads the layer searches over N threads (default: every "
      "core); the result is the same for any N.";

/// The usage text; the strategies and dataflows come from their tables (hwsearch::strategies(), accel::dataflows()).
std::string hwsearchUsage()
{
    std::string strategies;
    for (const auto& s : hwsearch::strategies()) {
        strategies += std::string("\n  ") + s.id + ": " + s.description;
    }
    std::string dataflows;
    for (const auto& d : accel::dataflows()) {
        dataflows += "\n  " + d.name + ": " + d.description;
    }
    return "--network NAME|GENOTYPE|FILE.json --platform NAME|FILE.json [--objective " + hwsearch::objectiveNames("|")
        + "] [--algo " + hwsearch::strategyIds("|", "|")
        + "] [--iters N] [--seed S] [--fix KNOB=VALUE ...] [--batch N] [--json] "
          "[--out design.json] [--inner N] [--accelerator FILE] [--threads N]\n\nStrategies (--algo):"
        + strategies + "\n\nDataflows (--fix dataflow=NAME):" + dataflows + "\n\n" + kHwsearchNotes;
}

Registrar hwsearchCmd({ "hwsearch",
    "search the accelerator (micro-architecture, engines) and every layer's mapping for a network on a platform",
    hwsearchUsage, hwsearch });

} // namespace
} // namespace dna::cli
