#include "nas/search_run.h"
#include "nas/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace dna::nas {

namespace {

std::string fmt(double v, int digits)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}
} // namespace

Schedule scheduleOf(const SearchRequest& r)
{
    Schedule s;
    s.epochs = r.epochs;
    s.warmupEpochs = r.warmupEpochs;
    s.maxStepsPerEpoch = r.maxStepsPerEpoch;
    s.archEvery = r.archEvery;
    s.tauStart = r.tauStart;
    s.tauDecay = r.tauDecay;
    s.lr = r.options.weightLr;
    s.lrMin = r.weightLrMin;
    return s;
}

EpochRecord epochRecordOf(const TrainEpoch& ep)
{
    EpochRecord rec;
    rec.epoch = ep.epoch;
    rec.tau = ep.tau;
    rec.weightLr = ep.lr;
    rec.trainLoss = ep.trainLoss;
    rec.trainAccuracy = ep.trainAccuracy;
    rec.archLoss = ep.archLoss;
    rec.seconds = ep.seconds;
    return rec;
}

std::string defaultDataset(const std::string& space)
{
    if (space == "fmnist") {
        return "fashion-mnist";
    }
    if (space == "cifar") {
        return "cifar10";
    }
    return "";
}

Expected<std::shared_ptr<const TrainTest>> resolveData(const workload::SearchSpace& space,
    std::shared_ptr<const TrainTest> data, const std::string& dataset, const std::string& dataDir)
{
    if (!data) {
        const std::string name = dataset.empty() ? defaultDataset(space.name) : dataset;
        if (name.empty()) {
            return Error { ErrorCode::BadRequest,
                "space " + space.name + " has no dataset we can train on here (ImageNet is not available); give "
                    + "--dataset with one of " + datasetNames() + " and a matching space" };
        }
        auto loaded = loadDataset(name, dataDir);
        if (!loaded) {
            return loaded.error();
        }
        data = std::make_shared<const TrainTest>(std::move(loaded).value());
    }
    const Dataset& d = data->train;
    if (d.channels != space.inputChannels || d.height != space.inputSize || d.width != space.inputSize
        || d.numClasses > space.numClasses) {
        return Error { ErrorCode::BadRequest,
            "the data (" + std::to_string(d.channels) + "x" + std::to_string(d.height) + "x" + std::to_string(d.width)
                + ", " + std::to_string(d.numClasses) + " classes) does not fit space " + space.name + " ("
                + std::to_string(space.inputChannels) + "x" + std::to_string(space.inputSize) + "x"
                + std::to_string(space.inputSize) + ", " + std::to_string(space.numClasses) + " classes)" };
    }
    if (d.size() == 0 || data->test.size() == 0) {
        return Error { ErrorCode::DatasetCorrupt, "the dataset has no training or no test images" };
    }
    return data;
}

double evaluateAccuracy(Supernet& net, const Dataset& data, const std::vector<int>& indices,
    const std::vector<int>& genotype, int batchSize)
{
    std::vector<int> all;
    if (indices.empty()) {
        all.resize(data.size());
        std::iota(all.begin(), all.end(), 0);
    }
    const auto& idx = indices.empty() ? all : indices;
    int64_t correct = 0, count = 0;
    for (int start = 0; start < int(idx.size()); start += batchSize) {
        const int n = std::min(batchSize, int(idx.size()) - start);
        const auto st = net.evaluate(makeBatch(data, idx, start, n), genotype);
        correct += st.correct;
        count += st.count;
    }
    return count ? double(correct) / double(count) : 0.0;
}

namespace {

/// The first `count` batches of a loader over `indices` without augmentation (the same images for every genotype).
std::vector<Batch> firstBatches(
    const Dataset& data, const std::vector<int>& indices, int batchSize, uint64_t seed, int count)
{
    BatchLoader loader(data, indices, batchSize, true, Augment {}, seed);
    std::vector<Batch> batches;
    for (int i = 0; i < count; ++i) {
        batches.push_back(loader.next());
    }
    return batches;
}

} // namespace

double estimateAccuracy(Supernet& net, const Dataset& data, const std::vector<int>& calibration,
    const std::vector<int>& heldOut, const std::vector<int>& genotype, const EstimateSpec& spec)
{
    bool fitted = false;
    if (spec.ownWeightBatches > 0 && !calibration.empty() && net.hasOwnWeights(genotype)) {
        const auto batches = firstBatches(data, calibration, spec.batchSize, spec.seed + 1, spec.ownWeightBatches);
        fitted = net.fitOwnWeights(batches, genotype, spec.ownWeightLr) > 0;
    }
    if (spec.calibrationBatches > 0 && !calibration.empty()) {
        net.recalibrateBatchNorm(
            firstBatches(data, calibration, spec.batchSize, spec.seed, spec.calibrationBatches), genotype);
    }
    const double accuracy = evaluateAccuracy(net, data, heldOut, genotype, 256);
    if (fitted) {
        net.restoreOwnWeights();
    }
    return accuracy;
}

EstimateSpec searchEstimateSpec(int calibrationBatches, uint64_t runSeed, int stepsPerEpoch, int trainingBatch)
{
    EstimateSpec spec;
    spec.calibrationBatches = calibrationBatches;
    spec.seed = runSeed + 7;
    const int64_t epochImages = int64_t(std::max(stepsPerEpoch, 0)) * std::max(trainingBatch, 0);
    spec.ownWeightBatches
        = int(std::min<int64_t>(spec.ownWeightBatches, (epochImages + spec.batchSize - 1) / spec.batchSize));
    return spec;
}

namespace {

struct SearchContext {
    const SearchRequest& req;
    const workload::SearchSpace& space;
    const TrainTest& data;
    DataSplits splits;
    CostTable flops;
    Supernet& net;
    int stepsPerEpoch = 0; // of the weight loader (searchEstimateSpec)
};

double evaluateDerived(SearchContext& c, const std::vector<int>& genotype)
{
    return estimateAccuracy(c.net, c.data.train, c.splits.train, c.splits.val, genotype,
        searchEstimateSpec(c.req.calibrationBatches, c.req.seed, c.stepsPerEpoch, c.req.batchSize));
}

Expected<SearchResult> searchLoop(SearchContext& c, const CancelToken& cancel, const ProgressSink& progress)
{
    const auto& req = c.req;
    SearchResult result;
    BatchLoader weightLoader(c.data.train, c.splits.train, req.batchSize, true, req.augment, req.seed + 1);
    weightLoader.setDropLast(true); // a tiny last batch makes batch-norm statistics noisy
    c.stepsPerEpoch = stepsPerEpoch(weightLoader, req.maxStepsPerEpoch);
    BatchLoader archLoader(c.data.train, c.splits.arch, req.batchSize, true, Augment {}, req.seed + 2);
    archLoader.setDropLast(true);
    TrainerHooks hooks;
    if (progress) {
        hooks.stepped = [&](const TrainStep& s) {
            progress({ double(s.step), double(s.steps),
                "epoch " + std::to_string(s.epoch + 1) + "/" + std::to_string(req.epochs)
                    + (s.joint ? " search" : " warm-up") + " loss " + fmt(s.loss, 3) });
        };
    }
    hooks.epochEnded = [&](const TrainEpoch& ep) -> std::optional<Error> {
        EpochRecord rec = epochRecordOf(ep);
        const auto genotype = argmaxGenotype(c.net.logits());
        rec.genotype = genotypeString(c.space, genotype);
        rec.mflops = c.flops.genotypeCost(genotype);
        rec.valAccuracy = evaluateDerived(c, genotype);
        if (!req.checkpointPath.empty()) {
            if (auto e = c.net.save(req.checkpointPath)) {
                return e;
            }
        }
        result.history.push_back(rec);
        return std::nullopt;
    };
    const auto stats
        = train(c.net, weightLoader, c.splits.arch.empty() ? nullptr : &archLoader, scheduleOf(req), cancel, hooks);
    if (!stats) {
        return stats.error();
    }
    result.cancelled = stats->cancelled;
    result.steps = stats->steps;
    result.seconds = stats->seconds;
    result.imagesPerSecond = result.seconds > 0 ? double(stats->images) / result.seconds : 0.0;
    return result;
}

} // namespace

Expected<SearchResult> runSearch(const SearchRequest& req, const CancelToken& cancel, const ProgressSink& progress)
{
    const workload::SearchSpace* space = workload::findSearchSpace(req.space);
    if (!space) {
        return Error { ErrorCode::BadRequest,
            "unknown search space '" + req.space + "'; spaces are fmnist, cifar, imagenet" };
    }
    if (req.epochs < 1 || req.warmupEpochs < 0 || req.batchSize < 1 || req.archFraction <= 0
        || req.archFraction + req.valFraction >= 1 || req.valFraction <= 0) {
        return Error { ErrorCode::BadRequest,
            "need epochs >= 1, warm-up >= 0, batch >= 1, arch and val fractions > 0 with a sum below 1" };
    }
    auto data = resolveData(*space, req.data, req.dataset, req.dataDir);
    if (!data) {
        return data.error();
    }
    setTrainingThreads(req.threads);
    SupernetOptions options = req.options;
    options.seed = req.seed;
    options.fixedOps.clear();
    auto net = Supernet::create(*space, options);
    if (!net) {
        return net.error();
    }
    if (!req.resumeFrom.empty()) {
        if (auto e = (*net)->load(req.resumeFrom)) {
            return *e;
        }
    }
    SearchContext c { req, *space, **data,
        makeSplits((*data)->train.size(), req.archFraction, req.valFraction, req.seed), flopsTable(*space), **net };
    if (req.costWeight != 0) {
        (*net)->setCostTable(req.costTable ? *req.costTable : c.flops, req.costWeight);
    }
    auto result = searchLoop(c, cancel, progress);
    if (!result) {
        return result;
    }
    result->logits = (*net)->logits();
    result->genotype = argmaxGenotype(result->logits);
    result->label = genotypeString(*space, result->genotype);
    result->mflops = c.flops.genotypeCost(result->genotype);
    if (!result->cancelled) {
        result->accuracy = result->history.empty() ? 0.0 : result->history.back().valAccuracy;
        const auto probs = opProbabilities(result->logits);
        for (const auto& g : topKGenotypes(result->logits, req.topK)) {
            if (cancel.cancelled()) {
                break;
            }
            Candidate cand;
            cand.genotype = g;
            cand.label = genotypeString(*space, g);
            cand.mflops = c.flops.genotypeCost(g);
            cand.probability = std::exp(genotypeLogProbability(result->logits, g));
            cand.valAccuracy = g == result->genotype ? result->accuracy : evaluateDerived(c, g);
            result->topK.push_back(std::move(cand));
        }
    }
    return result;
}

} // namespace dna::nas
