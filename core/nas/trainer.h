#pragma once

#include "nas/batch_loader.h"
#include "nas/supernet.h"
#include "util/cancel.h"
#include "util/expected.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace dna::nas {

/// The one schedule of every training loop: a supernet search (dna-cli nas), a co-search, and a standalone
/// network trained from scratch (dna-cli train, the co-search's retraining).
struct Schedule {
    int epochs = 4;
    int warmupEpochs = 1; // weight-only epochs before the architecture steps start
    int maxStepsPerEpoch = 0; // 0: a full pass of the weight loader
    int archEvery = 2; // one architecture step per this many weight steps after the warm-up
    double tauStart = 5.0; // tau = tauStart * tauDecay^epoch
    double tauDecay = 0.8;
    double lr = 0.05; // the weights' learning rate: a linear warm-up, then cosine from lr down to lrMin
    double lrMin = 0.0;
    int lrWarmupSteps = 0; // at most a fifth of the run
};

/// The learning rate of step `step` of `total` under `schedule`.
double scheduledLr(const Schedule& schedule, int64_t step, int64_t total);

struct TrainStep {
    int epoch = 0;
    bool joint = false; // architecture steps run in this epoch
    int64_t step = 0; // steps done, counted over the whole run
    int64_t steps = 0; // of the whole run
    double loss = 0; // mean weight-step loss of the epoch so far
    double tau = 0;
    double lr = 0;
};

struct TrainEpoch {
    int epoch = 0;
    bool joint = false;
    double tau = 0;
    double lr = 0; // of the epoch's last step
    double trainLoss = 0;
    double trainAccuracy = 0;
    double archLoss = 0; // 0 without architecture steps
    int steps = 0;
    double seconds = 0;
};

/// What the callers add to the loop. Each hook may be empty; an error returned by a hook ends the run with it.
struct TrainerHooks {
    std::function<std::optional<Error>(int epoch, bool joint)> epochStarted; // tau is set, no step has run
    std::function<std::optional<Error>(int64_t archSteps)> archStepped; // after each architecture step
    std::function<void(const TrainStep&)> stepped; // after each weight step (and its architecture step)
    std::function<std::optional<Error>(const TrainEpoch&)> epochEnded; // after every epoch run to its end
};

struct TrainStats {
    int64_t steps = 0;
    int64_t images = 0; // through weight and architecture steps
    double seconds = 0;
    bool cancelled = false; // checked before every step
};

/// The weight steps of one epoch: a pass of `weights` (whole batches), at most `maxStepsPerEpoch` when that is set.
int stepsPerEpoch(const BatchLoader& weights, int maxStepsPerEpoch);

/// Runs `schedule` on `net` on the calling thread: per epoch tau, then per step the learning rate, a weight step
/// on the next batch of `weights` and, from the end of the warm-up and every archEvery-th step, an architecture
/// step on `arch` (none when null). Errors: those of the steps (nan_loss, torch_error) and of the hooks.
Expected<TrainStats> train(Supernet& net, BatchLoader& weights, BatchLoader* arch, const Schedule& schedule,
    const CancelToken& cancel, const TrainerHooks& hooks);

} // namespace dna::nas
