#include "util/expected.h"

#include <array>
#include <iterator>

namespace dna {

namespace {

struct CodeName {
    ErrorCode code;
    const char* name;
};

// The one name table: what scripts, the CLI's JSON and the tests see. Names are stable; never reuse one.
const CodeName kNames[] = {
    { ErrorCode::BadRequest, "bad_request" },
    { ErrorCode::BadField, "bad_field" },
    { ErrorCode::BadPath, "bad_path" },
    { ErrorCode::MalformedJson, "malformed_json" },
    { ErrorCode::FileNotFound, "file_not_found" },
    { ErrorCode::CannotOpen, "cannot_open" },
    { ErrorCode::IoError, "io_error" },
    { ErrorCode::WriteFailed, "write_failed" },
    { ErrorCode::UnknownNetwork, "unknown_network" },
    { ErrorCode::UnknownPlatform, "unknown_platform" },
    { ErrorCode::UnknownSpace, "unknown_space" },
    { ErrorCode::BadGenotype, "bad_genotype" },
    { ErrorCode::BadLayer, "bad_layer" },
    { ErrorCode::EmptyNetwork, "empty_network" },
    { ErrorCode::BadEngine, "bad_engine" },
    { ErrorCode::BadChunks, "bad_chunks" },
    { ErrorCode::EngineCountMismatch, "engine_count_mismatch" },
    { ErrorCode::BadDesign, "bad_design" },
    { ErrorCode::UnknownKnob, "unknown_knob" },
    { ErrorCode::BadFix, "bad_fix" },
    { ErrorCode::ExhaustiveRefused, "exhaustive_refused" },
    { ErrorCode::NoValidDesign, "no_valid_design" },
    { ErrorCode::DatasetMissing, "dataset_missing" },
    { ErrorCode::DatasetCorrupt, "dataset_corrupt" },
    { ErrorCode::CheckpointMismatch, "checkpoint_mismatch" },
    { ErrorCode::DeviceUnavailable, "device_unavailable" },
    { ErrorCode::NanLoss, "nan_loss" },
    { ErrorCode::TorchError, "torch_error" },
    { ErrorCode::NotAStore, "not_a_store" },
    { ErrorCode::OldSchema, "old_schema" },
    { ErrorCode::NewerSchema, "newer_schema" },
    { ErrorCode::StoreLocked, "store_locked" },
    { ErrorCode::DamagedStore, "damaged_store" },
    { ErrorCode::StoreFailed, "store_failed" },
    { ErrorCode::NoCandidate, "no_candidate" },
    { ErrorCode::NoCandidates, "no_candidates" },
    { ErrorCode::NoWeights, "no_weights" },
    { ErrorCode::WeightsMissing, "weights_missing" },
    { ErrorCode::Internal, "internal" },
};

} // namespace

const char* errorCodeName(ErrorCode c)
{
    for (const CodeName& n : kNames) {
        if (n.code == c) {
            return n.name;
        }
    }
    return "internal";
}

bool parseErrorCode(const std::string& name, ErrorCode& out)
{
    for (const CodeName& n : kNames) {
        if (name == n.name) {
            out = n.code;
            return true;
        }
    }
    return false;
}

const ErrorCode* allErrorCodes(int& count)
{
    static const auto codes = [] {
        std::array<ErrorCode, std::size(kNames)> a {};
        for (size_t i = 0; i < a.size(); ++i) {
            a[i] = kNames[i].code;
        }
        return a;
    }();
    count = int(codes.size());
    return codes.data();
}

} // namespace dna
