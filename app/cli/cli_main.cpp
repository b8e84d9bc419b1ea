#include "cli_args.h"
#include "cli_command.h"

#include <algorithm>
#include <ostream>

namespace {

void printHelp(std::ostream& out)
{
    out << "dna-cli " << DNA_VERSION << ": headless face of DNA Explorer (network-accelerator co-search)\n\n"
        << "Usage: dna-cli <command> [options]\n"
        << "       dna-cli <command> --help\n\n"
        << "Commands:\n";
    auto sorted = dna::cli::commands();
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : sorted) {
        out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << '\n';
    }
    out << "\nOptions:\n  --help       this text\n  --version    print the version\n"
        << "\nExit codes: 0 success, 1 the work failed, 2 bad usage or bad input.\n";
}

} // namespace

namespace dna::cli {

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.empty()) {
        printHelp(err);
        return BadUsage;
    }
    const std::string& first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        printHelp(out);
        return Ok;
    }
    if (first == "--version" || first == "-v") {
        out << "dna-cli " << DNA_VERSION << '\n';
        return Ok;
    }
    const auto& registry = commands();
    auto it = std::find_if(registry.begin(), registry.end(), [&](const auto& c) { return c.name == first; });
    if (it == registry.end()) {
        err << "dna-cli: unknown command '" << first << "'. Known commands:";
        for (const auto& c : registry) {
            err << ' ' << c.name;
        }
        err << ". See dna-cli --help.\n";
        return BadUsage;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        out << "Usage: dna-cli " << it->name << ' ' << it->usage.text() << "\n\n" << it->summary << '\n';
        return Ok;
    }
    // With --json a failure is also a JSON line on standard output, where the script reads the result.
    const JsonFailures json(std::find(rest.begin(), rest.end(), "--json") != rest.end() ? &out : nullptr);
    try {
        return it->run(rest, out, err);
    } catch (const UsageError& e) {
        err << "dna-cli " << it->name << ": " << e.what() << "\nUsage: dna-cli " << it->name << ' ' << it->usage.text()
            << '\n';
        JsonFailures::report(ErrorCode::BadRequest, e.what());
        return BadUsage;
    } catch (const std::exception& e) {
        err << "dna-cli " << it->name << ": " << e.what() << '\n';
        JsonFailures::report(ErrorCode::Internal, e.what());
        return Failure;
    }
}

} // namespace dna::cli
