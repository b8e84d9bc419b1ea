// dna-cli default: the job ./run.sh runs when there is no display. Until the co-search lands it is the
// hardware search the explorer shows first: MobileNetV2 on the ZC706, objective FPS, DAS.
#include "cli_command.h"

#include <algorithm>
#include <ostream>

namespace dna::cli {
namespace {

int runDefault(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    const auto& registry = commands();
    const auto it
        = std::find_if(registry.begin(), registry.end(), [](const Command& c) { return c.name == "hwsearch"; });
    const std::vector<std::pair<std::string, std::string>> defaults { { "--network", "mobilenetv2" },
        { "--platform", "zc706" }, { "--objective", "fps" }, { "--algo", "das" }, { "--iters", "100000" } };
    std::vector<std::string> args;
    for (const auto& [option, value] : defaults) {
        if (std::find(argv.begin(), argv.end(), option) == argv.end()) { // the caller's options win
            args.push_back(option);
            args.push_back(value);
        }
    }
    args.insert(args.end(), argv.begin(), argv.end());
    err << "default job: dna-cli hwsearch";
    for (const auto& a : args) {
        err << ' ' << a;
    }
    err << '\n';
    return it->run(args, out, err);
}

Registrar defaultCmd({ "default", "the default job (what ./run.sh runs without a display)",
    "[extra hwsearch options, e.g. --json or --out design.json]", runDefault });

} // namespace
} // namespace dna::cli
