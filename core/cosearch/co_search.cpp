#include "cosearch/co_search.h"

#include "accel/heuristic_mapper.h"
#include "hwsearch/hw_search.h"
#include "nas/batch_loader.h"
#include "nas/derivation.h"
#include "nas/search_run.h"
#include "nas/train_run.h"
#include "nas/trainer.h"
#include "store/run_store.h"
#include "util/parallel.h"
#include "workload/network.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <set>

namespace dna::cosearch {

using namespace dna::accel;
using namespace dna::workload;
using Clock = std::chrono::steady_clock;

Expected<SearchRequest> presetRequest(const std::string& name)
{
    SearchRequest r;
    r.platform = *findPlatform("zc706");
    r.preset = name;
    if (name == "quick") {
        // Sized so the whole run stays within a few minutes on two cores (see README "Co-search").
        // 8 epochs of a full pass over the weight split in batches of 64 (656 steps; the cap of 960 does not bind).
        // With the shared supernet bench_accuracy_proxy then measures Kendall tau 0.76 and estimates 5.4 points
        // below the trained accuracies; in batches of 128 0.83 and 6.3, of 256 0.73-0.82 and 7.5 points, with 4
        // epochs of 256 0.65 and 15 points, the separate supernet 0.52 and 45 (README).
        r.epochs = 8;
        r.warmupEpochs = 1;
        r.batchSize = 64;
        r.maxStepsPerEpoch = 960;
        r.supernet.sharing = nas::WeightSharing::Shared;
        return r;
    }
    if (name == "paper") {
        // The authors' CIFAR schedule scaled to Fashion-MNIST: a longer warm-up and search, tau 5 * 0.975^epoch,
        // retraining of the final networks.
        r.epochs = 40;
        r.warmupEpochs = 10;
        r.maxStepsPerEpoch = 0;
        r.tauDecay = 0.975;
        r.hwEvaluations = 30000;
        r.candidatesPerEpoch = 10;
        r.valImages = 6000;
        r.retrain = true;
        r.retrainEpochs = 15;
        return r;
    }
    return Error { ErrorCode::BadRequest, "unknown preset '" + name + "'; presets are quick and paper" };
}

void setEpochs(SearchRequest& r, int epochs)
{
    epochs = std::max(1, epochs);
    const double fraction = r.epochs > 0 ? double(r.warmupEpochs) / double(r.epochs) : 0.0;
    const int warmup = fraction > 0 ? std::max(1, int(std::lround(fraction * epochs))) : 0;
    r.epochs = epochs;
    r.warmupEpochs = std::min(warmup, epochs - 1);
}

nas::SearchRequest supernetRequest(const SearchRequest& r)
{
    nas::SearchRequest n;
    n.space = r.space;
    n.dataset = r.dataset;
    n.dataDir = r.dataDir;
    n.data = r.data;
    n.epochs = r.epochs;
    n.warmupEpochs = r.warmupEpochs;
    n.batchSize = r.batchSize;
    n.archEvery = r.archEvery;
    n.maxStepsPerEpoch = r.maxStepsPerEpoch;
    n.tauStart = r.tauStart;
    n.tauDecay = r.tauDecay;
    n.options = r.supernet;
    n.threads = r.threads;
    n.seed = r.seed;
    n.calibrationBatches = 5; // as the co-search's estimates
    return n;
}

nlohmann::json requestToJson(const SearchRequest& r)
{
    return { { "preset", r.preset }, { "space", r.space },
        { "dataset", r.dataset.empty() ? nas::defaultDataset(r.space) : r.dataset }, { "platform", r.platform.name },
        { "objective", hwsearch::objectiveName(r.objective) },
        { "targets",
            { { "min_fps", r.targets.minFps }, { "max_fps", r.targets.maxFps },
                { "max_energy_uj", r.targets.maxEnergyUj } } },
        { "budget",
            { { "dsp", r.platform.budget.dsp }, { "bram18", r.platform.budget.bram18 },
                { "pes", r.platform.budget.pes }, { "gb_bytes", r.platform.budget.gbBytes },
                { "area_mm2", r.platform.budget.areaMm2 } } },
        { "epochs", r.epochs }, { "warmup_epochs", r.warmupEpochs }, { "max_steps_per_epoch", r.maxStepsPerEpoch },
        { "batch_size", r.batchSize }, { "lambda", r.lambda }, { "hw_evaluations", r.hwEvaluations },
        { "hw_algo", hwsearch::algoName(r.hwAlgo) }, { "candidates_per_epoch", r.candidatesPerEpoch },
        { "retrain", r.retrain }, { "seed", r.seed }, { "supernet", nas::weightSharingName(r.supernet.sharing) },
        { "resume_from", r.resumeFrom } };
}

namespace {

double objectiveCost(const LayerCost& c, hwsearch::Objective o, double clockMhz)
{
    if (o == hwsearch::Objective::Energy || o == hwsearch::Objective::Edp) {
        return c.energyPj.total() * 1e-6; // uJ
    }
    return c.cycles / (clockMhz * 1e3); // ms
}

/// Cost of a list of layers on a fixed accelerator (single chunk: engines by layer type only).
double layersCost(const std::vector<Layer>& layers, const Platform& platform, const Accelerator& acc,
    hwsearch::Objective objective, hwsearch::Algo algo, int iterations, uint64_t seed)
{
    if (layers.empty()) {
        return 0;
    }
    Network net;
    net.name = "op";
    net.layers = layers;
    Accelerator single = acc;
    single.chunkStarts = { 0 };
    const int engines = single.expectedEngines();
    single.engines.resize(size_t(engines), acc.engines.front());
    const auto r = hwsearch::searchMappings(net, platform, single, objective, algo, iterations, seed);
    double total = 0;
    for (const auto& c : r.costs) {
        total += c.valid() ? objectiveCost(c, objective, platform.clockMhz) : 1e3;
    }
    return total;
}

} // namespace

nas::CostTable opCostTable(const SearchSpace& space, const Platform& platform, const Accelerator& acc,
    hwsearch::Objective objective, int iterations, uint64_t seed, hwsearch::Algo algo, int threads)
{
    nas::CostTable t;
    t.metric = objective == hwsearch::Objective::Energy || objective == hwsearch::Objective::Edp ? "energy_uj"
                                                                                                 : "latency_ms";
    t.layers = space.searchableLayers();
    t.ops = int(space.ops.size());
    t.values.assign(size_t(t.layers) * t.ops, 0.0);
    parallelFor(t.layers * t.ops, resolveThreads(threads), [&](int entry) {
        const int l = entry / t.ops;
        const int o = entry % t.ops;
        t.at(l, o) = layersCost(opLayers(space, l, o, "layer" + std::to_string(l)), platform, acc, objective, algo,
            iterations, seed + uint64_t(l * 31 + o));
    });
    // Stem, head and classifier: the network of op 0 everywhere minus its searchable part.
    auto net = networkFromOps(space.name, std::vector<int>(size_t(t.layers), 0)).value();
    std::vector<Layer> fixedLayers;
    for (const auto& layer : net.layers) {
        if (layer.name.rfind("layer", 0) != 0) {
            fixedLayers.push_back(layer);
        }
    }
    t.fixed = layersCost(fixedLayers, platform, acc, objective, algo, iterations, seed + 7);
    return t;
}

namespace {

struct Run {
    const SearchRequest& req;
    const SearchSpace& space;
    const nas::TrainTest& data;
    nas::DataSplits splits;
    std::vector<int> valSubset;
    nas::Supernet& net;
    const CancelToken& cancel;
    const Callbacks& cb;
    Clock::time_point start = Clock::now();
    double lambda = 0;
    std::mt19937_64 rng {};
    int candidates = 0;
    std::vector<std::pair<double, double>> points; // (accuracy, objective metric) of every streamed candidate
    std::vector<std::vector<int>> genotypes; // of every streamed candidate
    std::vector<int> estimateEpochs; // of every streamed candidate; -1: not a supernet estimate
    std::vector<DesignCost> costs; // of every streamed candidate, without the per-layer parts
    std::map<std::vector<int>, int> searchPosition; // genotype -> its candidate found during the epochs
    int stepsPerEpoch = 0; // of the weight loader (nas::searchEstimateSpec)
};

double estimateAccuracy(Run& r, const std::vector<int>& genotype)
{
    return nas::estimateAccuracy(r.net, r.data.train, r.splits.train, r.valSubset, genotype,
        nas::searchEstimateSpec(5, r.req.seed, r.stepsPerEpoch, r.req.batchSize));
}

/// The searched accelerator of a genotype (its network at batch 1).
hwsearch::HwSearchResult searchNetworkHardware(
    Run& r, const std::vector<int>& genotype, long evaluations, bool singleChunk)
{
    if (r.req.fixedAccelerator) {
        // Ablation: the given accelerator with the heuristic mapping of every layer, never searched.
        hwsearch::HwSearchResult fixed;
        Design d { networkFromOps(r.space.name, genotype).value(), r.req.platform, *r.req.fixedAccelerator, {}, 1 };
        const auto engines = d.accelerator.assignEngines(d.network);
        for (size_t i = 0; i < d.network.layers.size(); ++i) {
            d.mappings.push_back(heuristicMapping(d.network.layers[i], d.accelerator.engines[size_t(engines[i])],
                r.req.platform, d.accelerator.doubleBuffer));
        }
        fixed.cost = evaluateDesign(d);
        fixed.found = fixed.cost.valid();
        fixed.bestCost = hwsearch::designCost(r.req.objective, fixed.cost);
        fixed.best = std::move(d);
        return fixed;
    }
    hwsearch::HwSearchRequest hw;
    hw.network = networkFromOps(r.space.name, genotype).value();
    hw.platform = r.req.platform;
    hw.objective = r.req.objective;
    hw.algo = r.req.hwAlgo;
    hw.evaluations = evaluations;
    hw.seed = r.req.seed;
    // One thread: the search runs between training steps, while LibTorch's OpenMP workers still spin at
    // their barrier, and a second thread would share a core with one of them.
    hw.threads = 1;
    if (singleChunk) {
        hw.fixes = { { "micro_arch", "multi-cycle" } };
    }
    return hwsearch::searchHardware(hw, r.cancel, {});
}

void emitCandidate(Run& r, int epoch, int estimateEpoch, const std::vector<int>& genotype, double accuracy,
    const std::string& kind, const hwsearch::HwSearchResult& hw, bool final, std::vector<CandidateEvent>* keep,
    const std::string& weightsPath = {})
{
    CandidateEvent ev;
    ev.epoch = epoch;
    ev.ops = genotype;
    ev.genotype = nas::genotypeString(r.space, genotype);
    ev.accuracy = accuracy;
    ev.accuracyKind = kind;
    ev.estimateEpoch = kind == "supernet" ? estimateEpoch : -1;
    ev.retrainedEpochs = kind == "retrained" ? r.req.retrainEpochs : 0;
    ev.final = final;
    ev.weightsPath = weightsPath;
    if (hw.found) {
        ev.design = hw.best;
        ev.cost = hw.cost;
    } else {
        ev.design.network = networkFromOps(r.space.name, genotype).value();
        ev.design.platform = r.req.platform;
        ev.cost.invalid = Invalid::NoValidDesign;
        ev.cost.invalidDetail = hw.error ? hw.error->detail : "no valid accelerator";
    }
    ++r.candidates;
    const std::string objective = hwsearch::objectiveName(r.req.objective);
    const bool maximise = store::frontMaximises(objective);
    store::CandidateRecord metricOf;
    metricOf.fps = ev.cost.fps;
    metricOf.latencyMs = ev.cost.latencyMs;
    metricOf.energyUj = ev.cost.energyUj;
    metricOf.edp = ev.cost.edp;
    const double metric = store::frontMetric(metricOf, objective);
    // Invalid designs never make the front: give them the worst metric.
    r.points.push_back({ ev.cost.valid() ? accuracy : -1.0, ev.cost.valid() ? metric : (maximise ? -1.0 : 1e300) });
    r.genotypes.push_back(genotype);
    r.estimateEpochs.push_back(ev.estimateEpoch);
    DesignCost summary = ev.cost;
    summary.layers.clear();
    summary.layerEngine.clear();
    r.costs.push_back(std::move(summary));
    if (keep) {
        keep->push_back(ev);
    }
    if (r.cb.candidate) {
        r.cb.candidate(ev);
    }
}

/// Target-range control of lambda (DNA): double it while the derived network misses a target, halve it while
/// it is comfortably past the upper end.
void updateLambda(Run& r, const DesignCost& derived)
{
    const Targets& t = r.req.targets;
    if (!derived.valid()) {
        return;
    }
    if ((t.minFps > 0 && derived.fps < t.minFps) || (t.maxEnergyUj > 0 && derived.energyUj > t.maxEnergyUj)) {
        r.lambda *= 2;
    } else if (t.maxFps > 0 && derived.fps > t.maxFps) {
        r.lambda /= 2;
    }
}

std::vector<int> currentFront(const Run& r)
{
    std::vector<int> front;
    for (size_t i : store::paretoFront(r.points, store::frontMaximises(hwsearch::objectiveName(r.req.objective)))) {
        if (r.points[i].first >= 0) {
            front.push_back(int(i));
        }
    }
    std::sort(front.begin(), front.end());
    return front;
}

/// Re-estimates, with the weights of `epoch`, the candidates `also` (networks the epoch picked again) and every
/// front candidate whose estimate is older, until the front holds only estimates of this epoch (or retrained
/// accuracies): a re-estimate can drop a candidate off the front and bring an older one on, which is then
/// re-estimated too. Each candidate is estimated at most once.
void refreshFrontEstimates(Run& r, int epoch, std::vector<int> also = {})
{
    std::vector<EstimateEvent> events;
    for (;;) {
        std::vector<int> stale;
        // Invalid designs keep their first estimate (front members are all valid): they never reach the front.
        auto addIfStale = [&](int i) {
            if (r.costs[size_t(i)].valid() && r.estimateEpochs[size_t(i)] >= 0 && r.estimateEpochs[size_t(i)] < epoch
                && std::find(stale.begin(), stale.end(), i) == stale.end()) {
                stale.push_back(i);
            }
        };
        std::for_each(also.begin(), also.end(), addIfStale);
        also.clear();
        const auto front = currentFront(r);
        std::for_each(front.begin(), front.end(), addIfStale);
        if (stale.empty()) {
            break;
        }
        for (int i : stale) {
            if (r.cancel.cancelled()) {
                break;
            }
            const double accuracy = estimateAccuracy(r, r.genotypes[size_t(i)]);
            r.points[size_t(i)].first = accuracy;
            r.estimateEpochs[size_t(i)] = epoch;
            events.push_back({ i, accuracy, epoch });
        }
        if (r.cancel.cancelled()) {
            break;
        }
    }
    if (!events.empty() && r.cb.estimates) {
        r.cb.estimates(events);
    }
}

} // namespace

std::vector<CandidateEvent> rescoreCandidates(const std::vector<CandidateEvent>& candidates,
    const accel::Platform& platform, hwsearch::Objective objective, long evaluations, const CancelToken& cancel,
    hwsearch::Algo algo, int threads)
{
    std::vector<CandidateEvent> out(candidates.size());
    std::vector<char> done(candidates.size(), 0);
    parallelFor(int(candidates.size()), resolveThreads(threads), [&](int i) {
        const CandidateEvent& c = candidates[size_t(i)];
        if (cancel.cancelled()) {
            return;
        }
        hwsearch::HwSearchRequest hw;
        hw.threads = 1; // the candidates are the parallel work
        hw.network = c.design.network.layers.empty() ? networkFromGenotype(c.genotype).value() : c.design.network;
        setBatch(hw.network, 1);
        hw.platform = platform;
        hw.objective = objective;
        hw.algo = algo;
        hw.evaluations = evaluations;
        const auto r = hwsearch::searchHardware(hw, cancel, {});
        CandidateEvent ev = c;
        ev.design = r.found ? r.best : Design { hw.network, platform, {}, {}, 1 };
        ev.cost = r.cost;
        if (!r.found) {
            ev.cost.invalid = Invalid::NoValidDesign;
            ev.cost.invalidDetail = r.error ? r.error->detail : "no valid accelerator";
        }
        out[size_t(i)] = std::move(ev);
        done[size_t(i)] = !r.cancelled;
    });
    // Cancelled: the ones finished before the first unfinished, so the result is a prefix as before.
    const size_t finished = size_t(std::find(done.begin(), done.end(), 0) - done.begin());
    out.resize(finished);
    return out;
}

std::string finalWeightsPath(const std::string& checkpointPath, size_t index)
{
    const std::filesystem::path ckpt(checkpointPath);
    std::string stem = ckpt.stem().string();
    const std::string supernet = ".supernet";
    if (stem.size() > supernet.size() && stem.compare(stem.size() - supernet.size(), supernet.size(), supernet) == 0) {
        stem.resize(stem.size() - supernet.size()); // run-3.supernet.pt -> run-3-final0.weights.pt
    }
    return (ckpt.parent_path() / (stem + "-final" + std::to_string(index) + ".weights.pt")).string();
}

std::string retrainedWeightsPath(const std::string& storePath, int64_t candidateId)
{
    return store::localFileFor(storePath, "candidate" + std::to_string(candidateId), ".weights.pt");
}

Expected<Result> runCoSearch(const SearchRequest& req, const CancelToken& cancel, const Callbacks& cb)
{
    const SearchSpace* space = findSearchSpace(req.space);
    if (!space) {
        return Error { ErrorCode::BadRequest,
            "unknown search space '" + req.space + "'; spaces are fmnist, cifar, imagenet" };
    }
    if (req.epochs < 1 || req.warmupEpochs < 0 || req.warmupEpochs >= req.epochs || req.batchSize < 1
        || req.hwEvery < 1) {
        return Error { ErrorCode::BadRequest, "need epochs >= 1, 0 <= warm-up epochs < epochs, batch size >= 1" };
    }
    auto data = nas::resolveData(*space, req.data, req.dataset, req.dataDir);
    if (!data) {
        return data.error();
    }
    nas::setTrainingThreads(req.threads);
    nas::SupernetOptions options = req.supernet;
    options.seed = req.seed;
    options.fixedOps.clear();
    auto net = nas::Supernet::create(*space, options);
    if (!net) {
        return net.error();
    }
    if (!req.resumeFrom.empty()) {
        if (auto e = (*net)->load(req.resumeFrom)) {
            return *e;
        }
    }
    Run r { req, *space, **data, nas::makeSplits((*data)->train.size(), 0.2, 0.1, req.seed), {}, **net, cancel, cb,
        Clock::now(), req.lambda, std::mt19937_64(req.seed), 0, {}, {}, {}, {}, {} };
    r.valSubset.assign(r.splits.val.begin(),
        r.splits.val.begin() + std::min<size_t>(r.splits.val.size(), size_t(std::max(1, req.valImages))));

    nas::BatchLoader weights(r.data.train, r.splits.train, req.batchSize, true, nas::Augment { 2, true }, req.seed + 1);
    weights.setDropLast(true);
    nas::BatchLoader arch(r.data.train, r.splits.arch, req.batchSize, true, nas::Augment {}, req.seed + 2);
    arch.setDropLast(true);
    const int stepsPerEpoch = nas::stepsPerEpoch(weights, req.maxStepsPerEpoch);
    const long totalSteps = long(stepsPerEpoch) * req.epochs;
    r.stepsPerEpoch = stepsPerEpoch;
    Result result;
    nas::CostTable table;

    auto refreshHardware = [&](const std::vector<int>& genotype) {
        if (req.fixedAccelerator && !table.empty()) {
            return; // a fixed accelerator's table does not change
        }
        const auto hw = searchNetworkHardware(r, genotype, req.hwEvaluations, true);
        if (!hw.found) {
            return;
        }
        // On a fixed accelerator the table uses the heuristic mappings (0 search samples per layer).
        table = opCostTable(*space, req.platform, hw.best.accelerator, req.objective,
            req.fixedAccelerator ? 0 : req.opMappingIterations, req.seed, req.hwAlgo, 1);
        const double total = table.genotypeCost(genotype);
        if (total > 0) {
            for (double& v : table.values) {
                v /= total;
            }
            table.fixed /= total;
        }
        r.net.setCostTable(table, r.lambda);
    };

    // The one training loop (nas/trainer.h); the co-search adds the hardware: the cost table when the joint
    // phase starts and every hwEvery architecture steps, and the epoch's candidates.
    const nas::Schedule schedule = nas::scheduleOf(supernetRequest(req));
    nas::TrainerHooks hooks;
    hooks.epochStarted = [&](int, bool joint) -> std::optional<Error> {
        if (joint && table.empty()) {
            refreshHardware(nas::argmaxGenotype(r.net.logits()));
        }
        return std::nullopt;
    };
    hooks.archStepped = [&](int64_t archSteps) -> std::optional<Error> {
        if (archSteps % req.hwEvery == 0) {
            refreshHardware(nas::argmaxGenotype(r.net.logits()));
        }
        return std::nullopt;
    };
    // One progress event: the training's steps, the epoch's candidates, or the final networks.
    auto report = [&](const char* phase, int epoch, long step, double loss, double tau) {
        ProgressEvent p;
        p.phase = phase;
        p.epoch = epoch;
        p.epochs = req.epochs;
        p.step = step;
        p.steps = totalSteps;
        p.loss = loss;
        p.tau = tau;
        p.lambda = r.lambda;
        p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - r.start).count();
        p.etaSeconds = p.elapsedSeconds / double(std::max(1L, step)) * double(totalSteps - step);
        cb.progress(p);
    };
    if (cb.progress) {
        hooks.stepped = [&](const nas::TrainStep& s) {
            report(s.joint ? "search" : "warm-up", s.epoch, long(s.step), s.loss, s.tau);
        };
    }
    hooks.epochEnded = [&](const nas::TrainEpoch& trained) -> std::optional<Error> {
        const auto candidatesStart = Clock::now();
        const int epoch = trained.epoch;
        const bool joint = trained.joint;
        // Candidates of this epoch: the derived network, the most likely ones, and samples from the logits.
        const auto logits = r.net.logits();
        const auto derived = nas::argmaxGenotype(logits);
        std::vector<std::vector<int>> picks { derived };
        for (auto& g : nas::topKGenotypes(logits, 3)) {
            picks.push_back(g);
        }
        for (int i = 0; int(picks.size()) < req.candidatesPerEpoch + 6 && i < 4 * req.candidatesPerEpoch; ++i) {
            picks.push_back(nas::sampleGenotype(logits, r.rng, 1.0));
        }
        std::set<std::vector<int>> seen;
        std::vector<int> pickedAgain; // networks of earlier epochs: estimated again rather than listed twice
        int derivedKnown = -1;
        EpochEvent ev;
        ev.epoch = epoch;
        int emitted = 0;
        auto noteDerived = [&](double accuracy, const DesignCost& cost) {
            ev.valAccuracy = accuracy;
            ev.derivedFps = cost.valid() ? cost.fps : 0;
            ev.derivedEnergyUj = cost.valid() ? cost.energyUj : 0;
            if (cost.valid() && joint) {
                updateLambda(r, cost);
                if (!table.empty()) {
                    r.net.setCostTable(table, r.lambda);
                }
            }
        };
        for (const auto& g : picks) {
            if (emitted >= req.candidatesPerEpoch || cancel.cancelled()) {
                break;
            }
            if (cb.progress) {
                // Between the epoch's last step and the next one's first: the candidates' hardware searches.
                report("candidates", epoch, long(epoch + 1) * stepsPerEpoch, 0, 0);
            }
            if (!seen.insert(g).second) {
                continue;
            }
            if (const auto known = r.searchPosition.find(g); known != r.searchPosition.end()) {
                if (g == derived) {
                    derivedKnown = known->second;
                }
                pickedAgain.push_back(known->second);
                continue;
            }
            const double accuracy = estimateAccuracy(r, g);
            const auto hw = searchNetworkHardware(r, g, req.hwEvaluations, false);
            if (g == derived) {
                DesignCost invalid;
                invalid.invalid = Invalid::NoValidDesign;
                noteDerived(accuracy, hw.found ? hw.cost : invalid);
            }
            r.searchPosition.emplace(g, r.candidates);
            emitCandidate(r, epoch, epoch, g, accuracy, "supernet", hw, false, nullptr);
            ++emitted;
        }
        refreshFrontEstimates(r, epoch, pickedAgain);
        if (derivedKnown >= 0) {
            // Valid: just re-estimated with these weights. Invalid: its point holds a placeholder, estimate it.
            const auto i = size_t(derivedKnown);
            noteDerived(r.costs[i].valid() ? r.points[i].first : estimateAccuracy(r, derived), r.costs[i]);
        }
        if (!req.checkpointPath.empty()) {
            if (auto e = r.net.save(req.checkpointPath)) {
                return e;
            }
        }
        ev.trainLoss = trained.trainLoss;
        ev.tau = trained.tau;
        ev.lambda = r.lambda;
        ev.derivedGenotype = nas::genotypeString(*space, derived);
        ev.seconds = trained.seconds + std::chrono::duration<double>(Clock::now() - candidatesStart).count();
        ev.probabilities = nas::opProbabilities(logits);
        if (cb.epoch) {
            cb.epoch(ev);
        }
        return std::nullopt;
    };
    const auto trainedStats = nas::train(r.net, weights, &arch, schedule, cancel, hooks);
    if (!trainedStats) {
        return trainedStats.error();
    }
    result.cancelled = trainedStats->cancelled;

    // The final networks: the most likely genotypes, a longer hardware search, optionally retrained.
    if (!result.cancelled) {
        const auto finals = nas::topKGenotypes(r.net.logits(), std::max(1, req.finalCandidates));
        for (const auto& g : finals) {
            if (cancel.cancelled()) {
                result.cancelled = true;
                break;
            }
            if (cb.progress) {
                report("final", req.epochs, totalSteps, 0, 0);
            }
            double accuracy = estimateAccuracy(r, g);
            std::string kind = "supernet";
            std::string weightsPath;
            if (req.retrain) {
                nas::TrainRequest tr;
                tr.genotype = nas::genotypeString(*space, g);
                tr.data = *data;
                tr.epochs = req.retrainEpochs;
                tr.threads = req.threads;
                tr.seed = req.seed;
                if (!req.checkpointPath.empty()) {
                    tr.checkpointPath = finalWeightsPath(req.checkpointPath, result.finals.size());
                }
                auto trained = nas::runTraining(tr, cancel, {});
                if (!trained) {
                    return trained.error();
                }
                if (trained->cancelled) {
                    result.cancelled = true;
                    break;
                }
                accuracy = trained->testAccuracy;
                kind = "retrained";
                weightsPath = tr.checkpointPath;
            }
            const auto hw = searchNetworkHardware(r, g, req.finalHwEvaluations, false);
            emitCandidate(r, req.epochs, req.epochs - 1, g, accuracy, kind, hw, true, &result.finals, weightsPath);
        }
    }
    // The weights no longer change after the last epoch: one more pass makes sure the whole front was
    // estimated with them (the finals may have displaced front members, bringing older ones back).
    if (!result.cancelled) {
        refreshFrontEstimates(r, req.epochs - 1);
    }
    result.cancelled = result.cancelled || cancel.cancelled();
    result.candidates = r.candidates;
    result.lambda = r.lambda;
    result.seconds = std::chrono::duration<double>(Clock::now() - r.start).count();
    return result;
}

} // namespace dna::cosearch
