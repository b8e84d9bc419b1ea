#include "nas/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dna::nas {

namespace {

using Clock = std::chrono::steady_clock;

// How often the training looks at what else the machine runs (a step is about a tenth of a second).
constexpr int64_t kAdaptEverySteps = 16;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

} // namespace

double scheduledLr(const Schedule& s, int64_t step, int64_t total)
{
    // A linear warm-up keeps a large initial rate stable with batch norm; the cosine then decays to lrMin.
    const int64_t warmup = std::min<int64_t>(s.lrWarmupSteps, total / 5);
    if (step < warmup) {
        return s.lr * double(step + 1) / double(warmup);
    }
    const double t = total > warmup ? double(step - warmup) / double(total - warmup) : 1.0;
    return s.lrMin + 0.5 * (s.lr - s.lrMin) * (1.0 + std::cos(M_PI * std::min(t, 1.0)));
}

int stepsPerEpoch(const BatchLoader& weights, int maxStepsPerEpoch)
{
    const int pass = weights.batchesPerEpoch();
    return maxStepsPerEpoch > 0 ? std::min(pass, maxStepsPerEpoch) : pass;
}

Expected<TrainStats> train(Supernet& net, BatchLoader& weights, BatchLoader* arch, const Schedule& schedule,
    const CancelToken& cancel, const TrainerHooks& hooks)
{
    TrainStats stats;
    const auto start = Clock::now();
    const int epochSteps = stepsPerEpoch(weights, schedule.maxStepsPerEpoch);
    const int64_t totalSteps = int64_t(epochSteps) * schedule.epochs;
    int64_t archSteps = 0;
    for (int epoch = 0; epoch < schedule.epochs && !stats.cancelled; ++epoch) {
        const auto epochStart = Clock::now();
        TrainEpoch ep;
        ep.epoch = epoch;
        ep.joint = arch && epoch >= schedule.warmupEpochs;
        ep.tau = schedule.tauStart * std::pow(schedule.tauDecay, epoch);
        net.setTau(ep.tau);
        if (hooks.epochStarted) {
            if (auto e = hooks.epochStarted(epoch, ep.joint)) {
                return *e;
            }
        }
        double lossSum = 0, archLossSum = 0;
        int64_t correct = 0, seen = 0, epochArchSteps = 0;
        for (int s = 0; s < epochSteps; ++s, ++stats.steps) {
            if (cancel.cancelled()) {
                stats.cancelled = true;
                break;
            }
            if (stats.steps % kAdaptEverySteps == 0) {
                adaptTrainingThreads(); // a few seconds apart: follow what else the machine runs
            }
            ep.lr = scheduledLr(schedule, stats.steps, totalSteps);
            net.setWeightLr(ep.lr);
            auto w = net.weightStep(weights.next());
            if (!w) {
                return w.error();
            }
            lossSum += w->loss;
            correct += w->correct;
            seen += w->count;
            stats.images += w->count;
            ++ep.steps;
            if (ep.joint && s % std::max(1, schedule.archEvery) == 0) {
                auto a = net.archStep(arch->next());
                if (!a) {
                    return a.error();
                }
                archLossSum += a->loss;
                stats.images += a->count;
                ++epochArchSteps;
                if (hooks.archStepped) {
                    if (auto e = hooks.archStepped(++archSteps)) {
                        return *e;
                    }
                }
            }
            if (hooks.stepped) {
                hooks.stepped({ epoch, ep.joint, stats.steps + 1, totalSteps, lossSum / ep.steps, ep.tau, ep.lr });
            }
        }
        if (stats.cancelled) {
            break;
        }
        ep.trainLoss = ep.steps ? lossSum / ep.steps : 0.0;
        ep.trainAccuracy = seen ? double(correct) / double(seen) : 0.0;
        ep.archLoss = epochArchSteps ? archLossSum / double(epochArchSteps) : 0.0;
        ep.seconds = secondsSince(epochStart);
        if (hooks.epochEnded) {
            if (auto e = hooks.epochEnded(ep)) {
                return *e;
            }
        }
    }
    stats.seconds = secondsSince(start);
    return stats;
}

} // namespace dna::nas
