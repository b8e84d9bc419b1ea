#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace dna::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int { Ok = 0, Failure = 1, BadUsage = 2 };

/// One `dna-cli` subcommand. `run` gets the arguments after the subcommand name.
struct Command {
    std::string name;
    std::string summary;
    std::string usage;
    std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)> run;
};

/// The registry: each subcommand file adds itself with a static Registrar, so a new subcommand lands in one file.
std::vector<Command>& commands();

struct Registrar {
    explicit Registrar(Command command);
};

} // namespace dna::cli
