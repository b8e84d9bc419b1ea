#pragma once

#include "accel/cost_model.h"
#include "hwsearch/objective.h"
#include "hwsearch/strategy.h"
#include "nas/dataset.h"
#include "nas/search_run.h"
#include "nas/supernet.h"
#include "util/cancel.h"
#include "util/expected.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dna::cosearch {

/// Budget targets the lambda controller steers the derived network into (0 = none).
struct Targets {
    double minFps = 0;
    double maxFps = 0;
    double maxEnergyUj = 0;
};

/// One co-search: the supernet of `space` on `dataset`, with the hardware cost of the current network on its
/// searched accelerator (for `platform`) in the architecture loss.
struct SearchRequest {
    std::string preset = "quick";
    std::string space = "fmnist";
    std::string dataset; // empty: the space's default
    std::string dataDir;
    std::shared_ptr<const nas::TrainTest> data; // preloaded data (tests) instead of dataset/dataDir
    accel::Platform platform;
    hwsearch::Objective objective = hwsearch::Objective::Fps;
    Targets targets;

    int epochs = 3;
    int warmupEpochs = 1;
    int maxStepsPerEpoch = 0; // 0: a full pass over the weight split
    int batchSize = 256; // 128 costs a fifth more per image on two cores (per-kernel overhead; bench_nas)
    int archEvery = 2;
    double tauStart = 5.0;
    double tauDecay = 0.7;
    /// Weight of the hardware term; the cost table is normalised so the current network costs 1.
    double lambda = 0.3;
    int hwEvery = 40; // architecture steps between accelerator searches for the current network
    long hwEvaluations = 12000; // per accelerator search during the run
    long finalHwEvaluations = 100000;
    int opMappingIterations = 24; // mapping samples per layer for the per-op cost table
    /// The hardware-search strategy of every accelerator and mapping search (one that samples:
    /// hwsearch::strategies(); exhaustive would refuse these spaces).
    hwsearch::Algo hwAlgo = hwsearch::Algo::Das;
    int candidatesPerEpoch = 8;
    int valImages = 2000; // validation images per candidate estimate
    int finalCandidates = 2;
    bool retrain = false; // train the final networks from scratch for a reported accuracy (weights kept when
                          // checkpointPath is set: finalWeightsPath)
    int retrainEpochs = 12;
    int threads = 2;
    uint64_t seed = 1;
    /// Ablation "NAS on a fixed accelerator": when set, the cost table comes from this accelerator with the
    /// heuristic mapper (never re-searched), and candidates are evaluated on it the same way.
    std::optional<accel::Accelerator> fixedAccelerator;
    std::string checkpointPath; // supernet checkpoint written after every epoch when set
    std::string resumeFrom; // warm start from a checkpoint of the same space
    nas::SupernetOptions supernet;
};

/// The supernet search a co-search request runs, without the hardware: the same space, data, schedule,
/// supernet options and seed (the ablation's FLOPs-NAS arm and the calibration benchmark run it).
nas::SearchRequest supernetRequest(const SearchRequest& request);

/// The presets: "quick" (Fashion-MNIST, fmnist space, zc706, fps; a few minutes on two cores) and "paper"
/// (longer schedules, retraining). Error "bad_request" for other names.
Expected<SearchRequest> presetRequest(const std::string& name);
/// Sets the epochs of a request and scales its weight-only warm-up with them, keeping the request's fraction (quick:
/// 1 of 8; paper: a quarter, as the DNA authors' CIFAR schedule, 30 of 120), rounded half up: at least one warm-up
/// epoch when there are two or more epochs and the request had one, and at least one joint epoch.
void setEpochs(SearchRequest& request, int epochs);
nlohmann::json requestToJson(const SearchRequest& r);

struct ProgressEvent {
    std::string phase; // "warm-up", "search", "final", "retrain"
    int epoch = 0;
    int epochs = 0;
    long step = 0;
    long steps = 0;
    double loss = 0;
    double tau = 0;
    double lambda = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;
};

struct CandidateEvent {
    int epoch = 0;
    std::vector<int> ops;
    std::string genotype;
    double accuracy = 0; // fraction in [0, 1]
    std::string accuracyKind; // "supernet" or "retrained"
    /// The epoch whose supernet weights gave a "supernet" accuracy (the last epoch for the final networks), -1
    /// for a retrained one.
    int estimateEpoch = -1;
    int retrainedEpochs = 0; // of a retrained one
    bool final = false;
    accel::Design design;
    accel::DesignCost cost;
    /// The trained weights of a retrained final network (a standalone nas::Supernet checkpoint, see
    /// finalWeightsPath); empty when none were kept.
    std::string weightsPath;
};

struct EpochEvent {
    int epoch = 0;
    double trainLoss = 0;
    double valAccuracy = 0; // the derived network with shared weights
    double tau = 0;
    double lambda = 0;
    double derivedFps = 0;
    double derivedEnergyUj = 0;
    std::string derivedGenotype;
    double seconds = 0;
    std::vector<std::vector<double>> probabilities; // per layer, per op
};

/// A candidate estimated again with the weights of a later epoch (batch norm recalibrated, the same held-out
/// images as every estimate of the run), so that the front compares networks on the same weights.
struct EstimateEvent {
    int candidate = 0; // its position in the order the candidate callback saw them
    double accuracy = 0;
    int estimateEpoch = 0;
};

struct Callbacks {
    std::function<void(const ProgressEvent&)> progress;
    std::function<void(const CandidateEvent&)> candidate;
    /// After every epoch (and once at the end): every candidate on the front whose estimate came from older
    /// weights, re-estimated. The front itself is the store's (StoreRecorder keeps its flags), not an event.
    std::function<void(const std::vector<EstimateEvent>&)> estimates;
    std::function<void(const EpochEvent&)> epoch;
};

struct Result {
    bool cancelled = false;
    std::vector<CandidateEvent> finals;
    int candidates = 0;
    double seconds = 0;
    double lambda = 0;
};

/// Runs on the calling thread (sets its LibTorch thread count); cancellation is checked every step and
/// inside the hardware searches, so it returns within a second. Errors: dataset_missing / dataset_corrupt,
/// bad_request, nan_loss, checkpoint_mismatch, io_error.
Expected<Result> runCoSearch(const SearchRequest& request, const CancelToken& cancel, const Callbacks& callbacks);

/// Where a retrained final network's weights go: next to the supernet checkpoint, `<stem>-final<index>.weights.pt`
/// (a trailing ".supernet" dropped from the stem). The file is nas::Supernet::save of the standalone network of
/// that genotype (SupernetOptions::fixedOps): weights and batch-norm statistics, plus its optimiser state and
/// the space's op list; Supernet::load of a standalone network of the same genotype reads it back.
std::string finalWeightsPath(const std::string& checkpointPath, size_t index);

/// Where the weights of a stored candidate trained from scratch on demand go: store::localFileFor(store,
/// "candidate<id>", ".weights.pt"), next to a file store (a new name for every training).
std::string retrainedWeightsPath(const std::string& storePath, int64_t candidateId);

/// A budget change without a new search: the hardware search again for already evaluated networks (their
/// accuracy kept) on another platform or objective. Fast; the GUI shows the moved front before the NAS resumes.
/// The candidates are spread over `threads` threads (0: every core), one search each; the result does not
/// depend on the count. Cancelled: the candidates rescored so far, in order.
std::vector<CandidateEvent> rescoreCandidates(const std::vector<CandidateEvent>& candidates,
    const accel::Platform& platform, hwsearch::Objective objective, long evaluations, const CancelToken& cancel,
    hwsearch::Algo algo = hwsearch::Algo::Das, int threads = 0);

/// The hardware cost of every op at every searchable layer on a fixed accelerator (each op's layers mapped by
/// the per-layer search), in the objective's unit (latency ms for fps and latency, energy uJ for energy and
/// edp), plus the fixed part (stem, head, classifier). The entries are spread over `threads` threads (0: every
/// core); the result does not depend on the count.
nas::CostTable opCostTable(const workload::SearchSpace& space, const accel::Platform& platform,
    const accel::Accelerator& acc, hwsearch::Objective objective, int iterations, uint64_t seed,
    hwsearch::Algo algo = hwsearch::Algo::Das, int threads = 0);

} // namespace dna::cosearch
