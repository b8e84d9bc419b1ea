#pragma once

#include "util/expected.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace dna::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int { Ok = 0, Failure = 1, BadUsage = 2 };

/// The exit status for an error: BadUsage when the caller's input (an option, a file, a store, a dataset) is
/// what to fix, Failure when the work itself failed. The one table every subcommand uses.
ExitCode exitCodeFor(ErrorCode code);
/// Prints "dna-cli <command>: <detail>" (with `what`, the option or file it concerns, when given) and returns
/// exitCodeFor(e.code).
int reportError(std::ostream& err, const std::string& command, const Error& e, const std::string& what = {});

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
