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

/// While one lives, every failure reportError (or runCli) prints also goes to `out` as one line of JSON,
/// {"error": {"code": <errorCodeName>, "message": <detail>}}: a command run with --json tells a script that reads
/// its standard output what failed. runCli sets one up for --json; null: nothing extra.
class JsonFailures {
public:
    explicit JsonFailures(std::ostream* out);
    ~JsonFailures();
    JsonFailures(const JsonFailures&) = delete;
    JsonFailures& operator=(const JsonFailures&) = delete;
    static void report(ErrorCode code, const std::string& message);

private:
    std::ostream* m_previous;
};

/// A usage text, or a function that writes it when it is shown (a text that lists a table which may grow, such as
/// the strategies).
class Usage {
public:
    Usage(const char* text)
        : m_text(text)
    {
    }
    Usage(std::string text)
        : m_text(std::move(text))
    {
    }
    Usage(std::string (*make)())
        : m_make(make)
    {
    }
    std::string text() const { return m_make ? m_make() : m_text; }

private:
    std::string m_text;
    std::string (*m_make)() = nullptr;
};

/// One `dna-cli` subcommand. `run` gets the arguments after the subcommand name.
struct Command {
    std::string name;
    std::string summary;
    Usage usage;
    std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)> run;
};

/// The registry: each subcommand file adds itself with a static Registrar, so a new subcommand lands in one file.
std::vector<Command>& commands();

struct Registrar {
    explicit Registrar(Command command);
};

/// dna-cli itself: `args` are the arguments after the program name. What `main` runs, and what tests run in-process.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace dna::cli
