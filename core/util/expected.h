#pragma once

#include <optional>
#include <string>
#include <utility>

namespace dna {

/// The closed set of expected failures. Each has a stable name (errorCodeName) that scripts, the CLI's JSON
/// and the tests see; the CLI maps each to an exit status (exitCodeFor) and the explorer to a translated
/// sentence. A new code is one enumerator and one row of the name table in expected.cpp; the switches over
/// it (the CLI's exit status, the explorer's text) are exhaustive, so the compiler names what else to decide.
enum class ErrorCode {
    // requests and their fields
    BadRequest, // a request or option out of its allowed set or range
    BadField, // a field of a file has the wrong type or range
    BadPath, // an output path that cannot be written (missing folder, a folder, not writable)
    MalformedJson,
    FileNotFound,
    CannotOpen,
    IoError,
    WriteFailed,
    // networks, spaces, platforms
    UnknownNetwork,
    UnknownPlatform,
    UnknownSpace,
    BadGenotype,
    BadLayer,
    EmptyNetwork,
    // accelerators and the hardware search
    BadEngine,
    BadChunks,
    EngineCountMismatch,
    BadDesign,
    UnknownKnob,
    BadFix,
    ExhaustiveRefused,
    NoValidDesign,
    // training
    DatasetMissing,
    DatasetCorrupt,
    CheckpointMismatch,
    DeviceUnavailable,
    NanLoss,
    TorchError,
    // stores
    NotAStore,
    OldSchema,
    NewerSchema,
    StoreLocked,
    DamagedStore,
    StoreFailed,
    NoCandidate,
    NoCandidates,
    NoWeights,
    WeightsMissing,
    Internal,
};

/// The stable name of a code ("bad_request", ...).
const char* errorCodeName(ErrorCode c);
/// The code with that name; false for an unknown name.
bool parseErrorCode(const std::string& name, ErrorCode& out);
/// Every code, in declaration order (for tests and tables that must cover them all).
const ErrorCode* allErrorCodes(int& count);

/// An expected failure: a code and a detail naming the field and the allowed values.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string detail;

    const char* name() const { return errorCodeName(code); }
};

/// A value or an Error. Core functions return this for bad input instead of throwing; ignoring one is a
/// compile warning.
template <class T> class [[nodiscard]] Expected {
public:
    Expected(T value)
        : m_value(std::move(value))
    {
    }
    Expected(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const { return *m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace dna
