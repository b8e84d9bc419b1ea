#include "cli_args.h"
#include "cli_command.h"

#include <algorithm>
#include <iostream>

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

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printHelp(std::cerr);
        return dna::cli::BadUsage;
    }
    const std::string& first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        printHelp(std::cout);
        return dna::cli::Ok;
    }
    if (first == "--version" || first == "-v") {
        std::cout << "dna-cli " << DNA_VERSION << '\n';
        return dna::cli::Ok;
    }
    const auto& registry = dna::cli::commands();
    auto it = std::find_if(registry.begin(), registry.end(), [&](const auto& c) { return c.name == first; });
    if (it == registry.end()) {
        std::cerr << "dna-cli: unknown command '" << first << "'. Known commands:";
        for (const auto& c : registry) {
            std::cerr << ' ' << c.name;
        }
        std::cerr << ". See dna-cli --help.\n";
        return dna::cli::BadUsage;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        std::cout << "Usage: dna-cli " << it->name << ' ' << it->usage << "\n\n" << it->summary << '\n';
        return dna::cli::Ok;
    }
    try {
        return it->run(rest, std::cout, std::cerr);
    } catch (const dna::cli::UsageError& e) {
        std::cerr << "dna-cli " << it->name << ": " << e.what() << "\nUsage: dna-cli " << it->name << ' ' << it->usage
                  << '\n';
        return dna::cli::BadUsage;
    } catch (const std::exception& e) {
        std::cerr << "dna-cli " << it->name << ": " << e.what() << '\n';
        return dna::cli::Failure;
    }
}
