#pragma once

#include "nas/batch_loader.h"
#include "nas/cost_table.h"
#include "nas/dataset.h"
#include "nas/derivation.h"
#include "nas/supernet.h"
#include "nas/trainer.h"
#include "util/cancel.h"
#include "util/expected.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dna::nas {

/// A supernet search without hardware in the loop (the co-search adds its cost table through `costTable`).
struct SearchRequest {
    std::string space = "fmnist";
    std::string dataset; // empty: the space's default (fmnist -> fashion-mnist, cifar -> cifar10)
    std::string dataDir; // empty: the dataset's default folder
    std::shared_ptr<const TrainTest> data; // preloaded data instead of dataset/dataDir (tests, co-search)

    int epochs = 4;
    int warmupEpochs = 1; // weight-only epochs first
    int batchSize = 256; // 128 costs a fifth more per image on two cores (per-kernel overhead; bench_nas)
    int archEvery = 2; // one architecture step per this many weight steps after the warm-up
    int maxStepsPerEpoch = 0; // 0: a full pass over the weight split
    double archFraction = 0.2;
    double valFraction = 0.1;
    double tauStart = 5.0;
    double tauDecay = 0.8; // tau = tauStart * tauDecay^epoch
    double weightLrMin = 0.0; // cosine from options.weightLr down to this
    Augment augment { 2, true };

    SupernetOptions options;
    /// lambda x cost of the sampled ops joins the architecture loss; without a table, the FLOPs table
    /// (MFLOPs) of the space is used.
    double costWeight = 0.0;
    std::optional<CostTable> costTable;

    int threads = 2;
    uint64_t seed = 1;
    int calibrationBatches = 10; // batch-norm recalibration before each evaluation of a derived network
    int topK = 3;
    std::string checkpointPath; // written after every epoch when set
    std::string resumeFrom; // warm start: weights, logits and optimiser states
};

struct EpochRecord {
    int epoch = 0;
    double tau = 0;
    double weightLr = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    double archLoss = 0; // 0 during the warm-up
    double valAccuracy = 0; // the derived (argmax) network with shared weights on the validation split
    std::string genotype;
    double mflops = 0;
    double seconds = 0;
};

struct Candidate {
    std::vector<int> genotype;
    std::string label;
    double mflops = 0;
    double probability = 0;
    double valAccuracy = 0;
};

struct SearchResult {
    std::vector<int> genotype; // argmax of the logits
    std::string label;
    double mflops = 0;
    double accuracy = 0; // validation accuracy of `genotype` with the supernet's shared weights
    std::vector<Candidate> topK;
    std::vector<EpochRecord> history;
    ArchLogits logits;
    int64_t steps = 0;
    double seconds = 0;
    double imagesPerSecond = 0; // weight and architecture images through the supernet per second
    bool cancelled = false; // stopped by the token; the fields describe the state reached
};

/// The request's training schedule (the one loop of nas/trainer.h).
Schedule scheduleOf(const SearchRequest& request);
/// The record of a trained epoch (the fields the trainer knows; genotype, accuracy and MFLOPs are the caller's).
EpochRecord epochRecordOf(const TrainEpoch& epoch);

/// Runs the search on the calling thread (sets its LibTorch thread count). Progress after every step;
/// cancellation checked before every step. Errors: dataset_missing/dataset_corrupt, bad_request, nan_loss,
/// checkpoint_mismatch, io_error, torch_error.
Expected<SearchResult> runSearch(const SearchRequest& request, const CancelToken& cancel, const ProgressSink& progress);

/// The default dataset of a space, or "" when there is none we can train on here (imagenet).
std::string defaultDataset(const std::string& space);

/// Loads request-style data: `data` when set, else `dataset` (or the space's default) from `dataDir`; checks
/// that the images fit the space (channels, size, classes).
Expected<std::shared_ptr<const TrainTest>> resolveData(const workload::SearchSpace& space,
    std::shared_ptr<const TrainTest> data, const std::string& dataset, const std::string& dataDir);

/// Accuracy of `genotype` on the images `indices` of `data` (every image when empty), in inference mode.
double evaluateAccuracy(Supernet& net, const Dataset& data, const std::vector<int>& indices,
    const std::vector<int>& genotype, int batchSize);

/// How a shared-weight estimate is taken: the path's batch-norm statistics recalibrated on
/// `calibrationBatches` training batches (drawn without augmentation from a loader seeded with `seed`, so every
/// genotype sees the same images), then its accuracy on the held-out images.
struct EstimateSpec {
    int calibrationBatches = 5;
    int batchSize = 256; // the estimator's own, whatever batch the supernet trained with
    uint64_t seed = 1;
    /// Shared mode, before the calibration: the genotype's own weights (Supernet::fitOwnWeights) are fitted on
    /// this many training batches (a loader seeded with seed + 1), and put back after the estimate. The
    /// searches use at most one training epoch's steps.
    int ownWeightBatches = 30;
    double ownWeightLr = 0.05;
};

/// How the searches (nas::runSearch, the co-search) estimate: seeded from the run's seed, and the fit of a genotype's
/// own weights on at most as many images as one training epoch (stepsPerEpoch batches of trainingBatch), so a short
/// run's estimates stay as cheap as its training.
EstimateSpec searchEstimateSpec(int calibrationBatches, uint64_t runSeed, int stepsPerEpoch, int trainingBatch);

/// The shared-weight accuracy estimate of `genotype`: calibration batches from `calibration` (indices of
/// `data`), accuracy on `heldOut` (indices of `data`). The one estimator of the search, the co-search and the
/// calibration benchmark.
double estimateAccuracy(Supernet& net, const Dataset& data, const std::vector<int>& calibration,
    const std::vector<int>& heldOut, const std::vector<int>& genotype, const EstimateSpec& spec);

} // namespace dna::nas
