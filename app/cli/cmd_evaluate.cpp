// dna-cli evaluate: the cost model on a network + platform (heuristic mapping) or on a complete design file.
#include "cli_args.h"
#include "cli_command.h"
#include "cli_output.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "io/json_io.h"

#include <ostream>

namespace dna::cli {
namespace {

int evaluate(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "network", "platform", "dataflow", "batch", "design", "out" }, { "json" });
    accel::Design design;
    if (auto file = args.value("design")) {
        for (const char* other : { "network", "platform", "dataflow", "batch" }) {
            if (args.value(other)) {
                throw UsageError(std::string("--design gives the whole design; do not combine it with --") + other);
            }
        }
        auto d = io::readDesignFile(*file);
        if (!d) {
            return reportError(err, "evaluate", d.error());
        }
        design = std::move(d).value();
    } else {
        if (!args.value("network") || !args.value("platform")) {
            throw UsageError("give --network and --platform, or --design FILE");
        }
        auto net = io::resolveNetworkArg(*args.value("network"));
        if (!net) {
            return reportError(err, "evaluate", net.error(), "--network");
        }
        auto platform = io::resolvePlatformArg(*args.value("platform"));
        if (!platform) {
            return reportError(err, "evaluate", platform.error(), "--platform");
        }
        const std::string dfName = args.valueOr("dataflow", platform->defaultDataflow);
        const int df = accel::dataflowIndex(dfName);
        if (df < 0) {
            throw UsageError("--dataflow must be one of " + accel::dataflowNames() + ", not '" + dfName + "'");
        }
        const int batch = int(args.integer("batch", 1, 1, 4096));
        design = accel::heuristicDesign(std::move(net).value(), *platform, df, batch);
    }
    const accel::DesignCost cost = accel::evaluateDesign(design);
    if (auto path = args.value("out")) {
        if (auto e = io::writeJsonFile(*path, io::designToJson(design, &cost))) {
            return reportError(err, "evaluate", *e);
        }
    }
    if (args.flag("json")) {
        out << io::costToJson(design, cost).dump(2) << '\n';
    } else {
        printCostTable(out, design, cost);
    }
    if (!cost.valid()) {
        // The figures are printed all the same (what the design would do); the exit code tells a script it is not
        // valid (over its platform's budget, or a mapping that overflows a buffer or misses part of its layer).
        err << "dna-cli evaluate: the design is not valid: " << accel::invalidCode(cost.invalid) << ": "
            << cost.invalidDetail << '\n';
        return Failure;
    }
    return Ok;
}

Registrar evaluateCmd({ "evaluate", "evaluate a network on a platform (heuristic mapping) or a complete design file",
    "--network NAME|GENOTYPE|FILE.json --platform NAME|FILE.json [--dataflow " + accel::dataflowNames("|")
        + "] [--batch N] [--json] [--out design.json]\n       dna-cli evaluate --design FILE.json [--json]\n\n"
          "Exit 1 when the design is not valid (over its platform's budget, or a mapping that overflows a buffer): "
          "the figures are printed all the same (\"valid\": false with the reason in JSON).",
    evaluate });

} // namespace
} // namespace dna::cli
