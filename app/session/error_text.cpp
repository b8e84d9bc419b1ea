#include "error_text.h"

namespace dna::session {

QString ErrorText::lead(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest:
        return tr("The request is not valid");
    case ErrorCode::BadField:
        return tr("A field of the file is not valid");
    case ErrorCode::BadPath:
        return tr("The path cannot be used");
    case ErrorCode::MalformedJson:
        return tr("The file is not valid JSON");
    case ErrorCode::FileNotFound:
        return tr("The file does not exist");
    case ErrorCode::CannotOpen:
        return tr("The file or server cannot be opened");
    case ErrorCode::IoError:
        return tr("Reading or writing failed");
    case ErrorCode::WriteFailed:
        return tr("Writing failed");
    case ErrorCode::UnknownNetwork:
        return tr("Unknown network");
    case ErrorCode::UnknownPlatform:
        return tr("Unknown platform");
    case ErrorCode::UnknownSpace:
        return tr("Unknown search space");
    case ErrorCode::BadGenotype:
        return tr("The genotype is not valid");
    case ErrorCode::BadLayer:
        return tr("A layer is not valid");
    case ErrorCode::EmptyNetwork:
        return tr("The network has no layers");
    case ErrorCode::BadEngine:
        return tr("An engine of the accelerator is not valid");
    case ErrorCode::BadChunks:
        return tr("The pipeline chunks are not valid");
    case ErrorCode::EngineCountMismatch:
        return tr("The number of engines does not match the pipeline chunks");
    case ErrorCode::BadDesign:
        return tr("The design is not valid");
    case ErrorCode::UnknownKnob:
        return tr("Unknown hardware knob");
    case ErrorCode::BadFix:
        return tr("A fixed knob value is not valid");
    case ErrorCode::ExhaustiveRefused:
        return tr("The space is too large for an exhaustive search");
    case ErrorCode::NoValidDesign:
        return tr("No design fits the budget");
    case ErrorCode::DatasetMissing:
        return tr("The dataset is not installed");
    case ErrorCode::DatasetCorrupt:
        return tr("The dataset is damaged");
    case ErrorCode::CheckpointMismatch:
        return tr("The checkpoint belongs to a different search space");
    case ErrorCode::DeviceUnavailable:
        return tr("The compute device is not available");
    case ErrorCode::NanLoss:
        return tr("Training diverged (the loss is not a number)");
    case ErrorCode::TorchError:
        return tr("LibTorch reported an error");
    case ErrorCode::NotAStore:
        return tr("The file is not a run store");
    case ErrorCode::OldSchema:
        return tr("The run store has an older format");
    case ErrorCode::NewerSchema:
        return tr("The run store was written by a newer version");
    case ErrorCode::StoreLocked:
        return tr("Another program is writing the run store");
    case ErrorCode::DamagedStore:
        return tr("The run store is damaged");
    case ErrorCode::StoreFailed:
        return tr("Recording in the run store failed");
    case ErrorCode::NoCandidate:
        return tr("The candidate is not in the store");
    case ErrorCode::NoCandidates:
        return tr("No candidates are selected");
    case ErrorCode::NoWeights:
        return tr("The candidate has no trained weights");
    case ErrorCode::WeightsMissing:
        return tr("The file of the trained weights is missing");
    case ErrorCode::Internal:
        return tr("Internal error");
    }
    return tr("Internal error");
}

QString ErrorText::message(const Error& error)
{
    const QString detail = QString::fromStdString(error.detail);
    return detail.isEmpty() ? lead(error.code) : tr("%1: %2").arg(lead(error.code), detail);
}

} // namespace dna::session
