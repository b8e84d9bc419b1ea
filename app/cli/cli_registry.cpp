// The subcommand registry and the exit status of every error (cli_command.h); their own file so that the fuzz
// targets link them without main().
#include "cli_command.h"

#include "io/json_io.h"

#include <ostream>

namespace dna::cli {

std::vector<Command>& commands()
{
    static std::vector<Command> registry;
    return registry;
}

Registrar::Registrar(Command command) { commands().push_back(std::move(command)); }

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    // The caller's input: an option, a file, a store, a dataset, a checkpoint or a device they named.
    case ErrorCode::BadRequest:
    case ErrorCode::BadField:
    case ErrorCode::BadPath:
    case ErrorCode::MalformedJson:
    case ErrorCode::FileNotFound:
    case ErrorCode::CannotOpen:
    case ErrorCode::UnknownNetwork:
    case ErrorCode::UnknownPlatform:
    case ErrorCode::UnknownSpace:
    case ErrorCode::BadGenotype:
    case ErrorCode::BadLayer:
    case ErrorCode::EmptyNetwork:
    case ErrorCode::BadEngine:
    case ErrorCode::BadChunks:
    case ErrorCode::EngineCountMismatch:
    case ErrorCode::BadDesign:
    case ErrorCode::UnknownKnob:
    case ErrorCode::BadFix:
    case ErrorCode::ExhaustiveRefused:
    case ErrorCode::DatasetMissing:
    case ErrorCode::DatasetCorrupt:
    case ErrorCode::CheckpointMismatch:
    case ErrorCode::DeviceUnavailable:
    case ErrorCode::NotAStore:
    case ErrorCode::OldSchema:
    case ErrorCode::NewerSchema:
    case ErrorCode::StoreLocked:
    case ErrorCode::DamagedStore:
    case ErrorCode::NoCandidate:
    case ErrorCode::NoCandidates:
    case ErrorCode::NoWeights:
        return BadUsage;
    // The work failed: nothing valid found, training diverged, a write or a read failed midway.
    case ErrorCode::IoError:
    case ErrorCode::WriteFailed:
    case ErrorCode::NoValidDesign:
    case ErrorCode::NanLoss:
    case ErrorCode::TorchError:
    case ErrorCode::StoreFailed:
    case ErrorCode::WeightsMissing:
    case ErrorCode::Internal:
        return Failure;
    }
    return Failure;
}

namespace {

thread_local std::ostream* t_jsonFailures = nullptr;

} // namespace

JsonFailures::JsonFailures(std::ostream* out)
    : m_previous(t_jsonFailures)
{
    t_jsonFailures = out;
}

JsonFailures::~JsonFailures() { t_jsonFailures = m_previous; }

void JsonFailures::report(ErrorCode code, const std::string& message)
{
    if (t_jsonFailures) {
        *t_jsonFailures << io::Json { { "error", { { "code", errorCodeName(code) }, { "message", message } } } }.dump()
                        << std::endl;
    }
}

int reportError(std::ostream& err, const std::string& command, const Error& e, const std::string& what)
{
    const std::string message = (what.empty() ? std::string() : what + ": ") + e.detail;
    err << "dna-cli " << command << ": " << message << '\n';
    JsonFailures::report(e.code, message);
    return exitCodeFor(e.code);
}

} // namespace dna::cli
