#pragma once

#include "nas/batch_loader.h"
#include "nas/dataset.h"
#include "nas/search_run.h"
#include "util/cancel.h"
#include "util/expected.h"

#include <memory>
#include <string>
#include <vector>

namespace dna::nas {

/// Training one genotype from scratch (a standalone network: one op per layer) and testing it on the test split.
struct TrainRequest {
    std::string genotype; // "fmnist:k3e3,..."
    std::string dataset; // empty: the space's default
    std::string dataDir;
    std::shared_ptr<const TrainTest> data;

    int epochs = 12;
    int batchSize = 128;
    int maxStepsPerEpoch = 0;
    double lr = 0.1;
    double lrMin = 0.0;
    int warmupSteps = 200; // linear learning-rate warm-up before the cosine decay (at most a fifth of the run)
    double weightDecay = 5e-4;
    double labelSmoothing = 0.1;
    Augment augment { 2, true };
    bool testEveryEpoch = false;
    std::string device = "cpu";
    int threads = 2;
    uint64_t seed = 1;
    std::string checkpointPath; // written at the end when set
};

struct TrainResult {
    std::vector<int> genotype;
    std::string label;
    double mflops = 0;
    int64_t parameters = 0;
    double testAccuracy = 0; // fraction in [0, 1] on the whole test split
    double trainAccuracy = 0; // last epoch, with augmentation
    std::vector<EpochRecord> history; // valAccuracy holds the test accuracy when testEveryEpoch
    double seconds = 0;
    double imagesPerSecond = 0;
    bool cancelled = false;
};

/// Runs on the calling thread; progress every step, cancellation checked every step. Errors as runSearch,
/// plus "bad_genotype".
Expected<TrainResult> runTraining(const TrainRequest& request, const CancelToken& cancel, const ProgressSink& progress);

} // namespace dna::nas
