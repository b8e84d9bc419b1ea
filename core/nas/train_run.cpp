#include "nas/train_run.h"

#include "nas/trainer.h"

#include "workload/network.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dna::nas {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

} // namespace

Expected<TrainResult> runTraining(const TrainRequest& req, const CancelToken& cancel, const ProgressSink& progress)
{
    auto network = workload::networkFromGenotype(req.genotype);
    if (!network) {
        return network.error();
    }
    const workload::SearchSpace* space = workload::findSearchSpace(network->space);
    if (req.epochs < 1 || req.batchSize < 1 || !(req.lr > 0)) {
        return Error { ErrorCode::BadRequest, "need epochs >= 1, batch >= 1 and a learning rate > 0" };
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
    Schedule schedule;
    schedule.epochs = req.epochs;
    schedule.warmupEpochs = req.epochs; // no architecture steps
    schedule.maxStepsPerEpoch = req.maxStepsPerEpoch;
    schedule.lr = req.lr;
    schedule.lrMin = req.lrMin;
    schedule.lrWarmupSteps = req.warmupSteps;
    TrainerHooks hooks;
    if (progress) {
        hooks.stepped = [&](const TrainStep& s) {
            char status[96];
            std::snprintf(status, sizeof status, "epoch %d/%d loss %.3f", s.epoch + 1, req.epochs, s.loss);
            progress({ double(s.step), double(s.steps), status });
        };
    }
    hooks.epochEnded = [&](const TrainEpoch& ep) -> std::optional<Error> {
        EpochRecord rec = epochRecordOf(ep);
        rec.genotype = result.label;
        rec.mflops = result.mflops;
        result.trainAccuracy = rec.trainAccuracy;
        if (req.testEveryEpoch) {
            rec.valAccuracy = evaluateAccuracy(net, tt.test, {}, result.genotype, 500);
        }
        result.history.push_back(rec);
        return std::nullopt;
    };
    const auto start = Clock::now();
    const auto stats = train(net, loader, nullptr, schedule, cancel, hooks);
    if (!stats) {
        return stats.error();
    }
    result.cancelled = stats->cancelled;
    result.imagesPerSecond = stats->seconds > 0 ? double(stats->images) / stats->seconds : 0.0;
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
