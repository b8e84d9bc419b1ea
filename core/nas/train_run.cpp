#include "nas/train_run.h"

#include "workload/network.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dna::nas {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Linear warm-up (at most a fifth of the run), then cosine to lrMin: stable with a large initial learning
// rate and batch norm.
double scheduledLr(const TrainRequest& r, int64_t step, int64_t total)
{
    const int64_t warmup = std::min<int64_t>(r.warmupSteps, total / 5);
    if (step < warmup) {
        return r.lr * double(step + 1) / double(warmup);
    }
    const double t = total > warmup ? double(step - warmup) / double(total - warmup) : 1.0;
    return r.lrMin + 0.5 * (r.lr - r.lrMin) * (1.0 + std::cos(M_PI * std::min(t, 1.0)));
}
} // namespace

Expected<TrainResult> runTraining(const TrainRequest& req, const CancelToken& cancel, const ProgressSink& progress)
{
    auto network = workload::networkFromGenotype(req.genotype);
    if (!network) {
        return network.error();
    }
    const workload::SearchSpace* space = workload::findSearchSpace(network->space);
    if (req.epochs < 1 || req.batchSize < 1 || !(req.lr > 0)) {
        return Error { "bad_request", "need epochs >= 1, batch >= 1 and a learning rate > 0" };
    }
    auto data = resolveData(*space, req.data, req.dataset, req.dataDir);
    if (!data) {
        return data.error();
    }
    const TrainTest& tt = **data;
    setTrainingThreads(req.threads);
    SupernetOptions options;
    options.fixedOps = network->genotype;
    options.device = req.device;
    options.seed = req.seed;
    options.weightLr = req.lr;
    options.weightDecay = req.weightDecay;
    options.labelSmoothing = req.labelSmoothing;
    auto created = Supernet::create(*space, options);
    if (!created) {
        return created.error();
    }
    Supernet& net = **created;

    TrainResult result;
    result.genotype = network->genotype;
    result.label = network->label();
    result.mflops = 2.0 * double(network->macs()) / 1e6;
    result.parameters = net.parameterCount();
    std::vector<int> all(tt.train.size());
    for (int i = 0; i < tt.train.size(); ++i) {
        all[i] = i;
    }
    BatchLoader loader(tt.train, all, req.batchSize, true, req.augment, req.seed + 1);
    loader.setDropLast(true);
    int stepsPerEpoch = loader.batchesPerEpoch();
    if (req.maxStepsPerEpoch > 0) {
        stepsPerEpoch = std::min(stepsPerEpoch, req.maxStepsPerEpoch);
    }
    const int64_t total = int64_t(stepsPerEpoch) * req.epochs;
    const auto start = Clock::now();
    int64_t step = 0, images = 0;
    for (int epoch = 0; epoch < req.epochs && !result.cancelled; ++epoch) {
        const auto epochStart = Clock::now();
        EpochRecord rec;
        rec.epoch = epoch;
        rec.genotype = result.label;
        rec.mflops = result.mflops;
        double lossSum = 0;
        int64_t correct = 0, seen = 0;
        int done = 0;
        for (int s = 0; s < stepsPerEpoch; ++s, ++step) {
            if (cancel.cancelled()) {
                result.cancelled = true;
                break;
            }
            rec.weightLr = scheduledLr(req, step, total);
            net.setWeightLr(rec.weightLr);
            auto st = net.weightStep(loader.next());
            if (!st) {
                return st.error();
            }
            lossSum += st->loss;
            correct += st->correct;
            seen += st->count;
            images += st->count;
            ++done;
            if (progress) {
                char status[96];
                std::snprintf(status, sizeof status, "epoch %d/%d loss %.3f", epoch + 1, req.epochs, lossSum / done);
                progress({ double(step + 1), double(total), status });
            }
        }
        rec.trainLoss = done ? lossSum / done : 0.0;
        rec.trainAccuracy = seen ? double(correct) / double(seen) : 0.0;
        result.trainAccuracy = rec.trainAccuracy;
        if (req.testEveryEpoch && !result.cancelled) {
            rec.valAccuracy = evaluateAccuracy(net, tt.test, {}, result.genotype, 500);
        }
        rec.seconds = secondsSince(epochStart);
        result.history.push_back(rec);
    }
    const double trainSeconds = secondsSince(start);
    result.imagesPerSecond = trainSeconds > 0 ? images / trainSeconds : 0.0;
    if (!result.cancelled) {
        result.testAccuracy = req.testEveryEpoch && !result.history.empty()
            ? result.history.back().valAccuracy
            : evaluateAccuracy(net, tt.test, {}, result.genotype, 500);
        if (!req.checkpointPath.empty()) {
            if (auto e = net.save(req.checkpointPath)) {
                return *e;
            }
        }
    }
    result.seconds = secondsSince(start);
    return result;
}

} // namespace dna::nas
