// DNA's claim on our setting: searching network and accelerator together beats searching them apart.
// Fashion-MNIST, zc706, objective FPS, the same supernet schedule for every search variant:
//   (a) co-search (quick preset);
//   (b) NAS with a FLOPs penalty, then a hardware search for the derived network;
//   (c) NAS with the hardware term taken from a fixed accelerator (the default 30x30 ws engine, heuristic
//       mappings), deployed on that accelerator;
//   (d) a hand-designed MobileNetV2-style network (k3, expansion 6) with a hardware search.
// Every final network is retrained from scratch with the same schedule and tested on the test split.
// Usage: bench_cosearch [retrain-epochs (default 4)] [steps-per-epoch (default: the quick preset's)] [lambda ...]
//                       [--seeds S|FROM-TO] [--supernet shared|separate] [--lambda L]
// With lambdas, only the co-search arm runs, once per lambda (a trade-off sweep). --seeds runs every arm once per
// seed (the supernet searches, the hardware searches and the retraining take the seed) and prints each arm's mean
// and sample standard deviation and whether (a) dominates it in mean FPS and mean accuracy; --lambda sets arm
// (a)'s trade-off weight (default: the quick preset's), --supernet the weight sharing of every searched arm.
#include "bench_util.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "cosearch/co_search.h"
#include "hwsearch/hw_search.h"
#include "nas/search_run.h"
#include "nas/train_run.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace dna;

namespace {

double seconds(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double searchedFps(const std::string& genotype, const accel::Platform& platform, uint64_t seed)
{
    hwsearch::HwSearchRequest hw;
    hw.network = workload::networkFromGenotype(genotype).value();
    hw.platform = platform;
    hw.evaluations = 100000;
    hw.seed = seed;
    const auto r = hwsearch::searchHardware(hw, CancelToken {}, {});
    return r.found ? r.cost.fps : 0.0;
}

double retrainedAccuracy(
    const std::string& genotype, std::shared_ptr<const nas::TrainTest> data, int epochs, uint64_t seed)
{
    nas::TrainRequest tr;
    tr.genotype = genotype;
    tr.data = std::move(data);
    tr.epochs = epochs;
    tr.seed = seed;
    const auto r = nas::runTraining(tr, CancelToken {}, {});
    if (!r) {
        std::fprintf(stderr, "training %s failed: %s\n", genotype.c_str(), r.error().detail.c_str());
        return 0;
    }
    return r->testAccuracy;
}

void reportVariant(
    const std::string& key, const std::string& genotype, double fps, double accuracy, double searchSeconds)
{
    std::printf("# %s: %s\n", key.c_str(), genotype.c_str());
    bench::report(key + "_fps", fps);
    bench::report(key + "_test_accuracy", accuracy);
    bench::report(key + "_search_seconds", searchSeconds);
}

struct Options {
    int retrainEpochs = 4;
    int stepsPerEpoch = 0; // 0: the quick preset's
    std::vector<uint64_t> seeds { 1 };
    std::optional<nas::WeightSharing> sharing; // empty: the quick preset's
    std::optional<double> lambda; // arm (a)'s; empty: the quick preset's
    std::vector<double> sweep; // lambdas of a trade-off sweep (arm (a) only)
};

std::optional<Options> parseOptions(int argc, char** argv)
{
    Options o;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--seeds" && hasValue) {
            if (!bench::parseSeeds(argv[++i], o.seeds)) {
                std::fprintf(stderr, "--seeds takes S or FROM-TO (at most 100 seeds), not '%s'\n", argv[i]);
                return std::nullopt;
            }
        } else if (a == "--supernet" && hasValue) {
            nas::WeightSharing s {};
            if (!nas::parseWeightSharing(argv[++i], s)) {
                std::fprintf(stderr, "--supernet takes shared or separate, not '%s'\n", argv[i]);
                return std::nullopt;
            }
            o.sharing = s;
        } else if (a == "--lambda" && hasValue) {
            o.lambda = std::atof(argv[++i]);
        } else if (a.rfind("--", 0) == 0) {
            std::fprintf(stderr,
                "usage: bench_cosearch [retrain-epochs [steps-per-epoch [sweep-lambda ...]]] [--seeds S|FROM-TO] "
                "[--supernet shared|separate] [--lambda L]\n");
            return std::nullopt;
        } else {
            positional.push_back(a);
        }
    }
    if (!positional.empty()) {
        o.retrainEpochs = std::atoi(positional[0].c_str());
    }
    if (positional.size() > 1) {
        o.stepsPerEpoch = std::atoi(positional[1].c_str());
    }
    for (size_t i = 2; i < positional.size(); ++i) {
        o.sweep.push_back(std::atof(positional[i].c_str()));
    }
    return o;
}

/// Mean and sample standard deviation (0 for one value).
std::pair<double, double> meanStd(const std::vector<double>& v)
{
    double sum = 0;
    for (double x : v) {
        sum += x;
    }
    const double mean = v.empty() ? 0 : sum / double(v.size());
    double sq = 0;
    for (double x : v) {
        sq += (x - mean) * (x - mean);
    }
    return { mean, v.size() > 1 ? std::sqrt(sq / double(v.size() - 1)) : 0.0 };
}

struct Arm {
    std::string key;
    std::vector<double> fps;
    std::vector<double> accuracy;
};

} // namespace

int main(int argc, char** argv)
{
    const auto parsed = parseOptions(argc, argv);
    if (!parsed) {
        return 2;
    }
    const Options& options = *parsed;
    auto loaded = nas::loadDataset("fashion-mnist", "");
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().detail.c_str());
        return 2;
    }
    const auto data = std::make_shared<const nas::TrainTest>(std::move(loaded).value());
    cosearch::SearchRequest preset = cosearch::presetRequest("quick").value();
    preset.data = data;
    if (options.stepsPerEpoch > 0) {
        preset.maxStepsPerEpoch = options.stepsPerEpoch;
    }
    if (options.sharing) {
        preset.supernet.sharing = *options.sharing;
    }
    if (options.lambda) {
        preset.lambda = *options.lambda;
    }
    const accel::Platform platform = preset.platform;
    const int epochs = options.retrainEpochs;
    std::printf("# supernet %s, lambda %g, %d supernet epochs, retraining %d epochs, seeds %zu\n",
        nas::weightSharingName(preset.supernet.sharing), preset.lambda, preset.epochs, epochs, options.seeds.size());

    std::vector<Arm> arms { { "a_cosearch", {}, {} }, { "b_flops_nas_then_hw", {}, {} },
        { "c_nas_on_fixed_accelerator", {}, {} }, { "d_hand_designed_plus_hw", {}, {} } };
    for (const uint64_t seed : options.seeds) {
        cosearch::SearchRequest base = preset;
        base.seed = seed;
        const std::string prefix = options.seeds.size() > 1 ? "seed" + std::to_string(seed) + "_" : "";

        // Sweep mode: only the co-search arm, once per lambda.
        if (!options.sweep.empty()) {
            for (const double lambda : options.sweep) {
                cosearch::SearchRequest r = base;
                r.lambda = lambda;
                const auto t0 = std::chrono::steady_clock::now();
                const auto res = cosearch::runCoSearch(r, CancelToken {}, {});
                if (!res) {
                    std::fprintf(stderr, "co-search failed: %s\n", res.error().detail.c_str());
                    return 1;
                }
                const std::string g = res->finals.at(0).genotype;
                char key[64];
                std::snprintf(key, sizeof key, "a_cosearch_lambda_%g", lambda);
                reportVariant(
                    prefix + key, g, res->finals.at(0).cost.fps, retrainedAccuracy(g, data, epochs, seed), seconds(t0));
            }
            continue;
        }

        // (a) co-search
        auto t = std::chrono::steady_clock::now();
        const auto co = cosearch::runCoSearch(base, CancelToken {}, {});
        if (!co) {
            std::fprintf(stderr, "co-search failed: %s\n", co.error().detail.c_str());
            return 1;
        }
        const double coSeconds = seconds(t);
        bench::report(prefix + "quick_preset_seconds", coSeconds);
        bench::report(prefix + "quick_preset_candidates", co->candidates);
        const std::string ga = co->finals.at(0).genotype;

        // (b) NAS with a FLOPs penalty, hardware afterwards
        nas::SearchRequest nr = cosearch::supernetRequest(base);
        nr.data = data;
        nr.costWeight = 0.03; // per MFLOP: the penalty of a typical fmnist network is then comparable to the loss
        nr.seed = seed;
        t = std::chrono::steady_clock::now();
        const auto flops = nas::runSearch(nr, CancelToken {}, {});
        if (!flops) {
            std::fprintf(stderr, "NAS failed: %s\n", flops.error().detail.c_str());
            return 1;
        }
        const std::string gb = flops->label;
        const double fpsB = searchedFps(gb, platform, seed);
        const double nasSeconds = seconds(t);

        // (c) NAS on a fixed accelerator
        cosearch::SearchRequest fixed = base;
        fixed.fixedAccelerator = accel::defaultAccelerator(platform, accel::dataflowIndex("ws"));
        t = std::chrono::steady_clock::now();
        const auto fx = cosearch::runCoSearch(fixed, CancelToken {}, {});
        if (!fx) {
            std::fprintf(stderr, "fixed-accelerator search failed: %s\n", fx.error().detail.c_str());
            return 1;
        }
        const double fixedSeconds = seconds(t);
        const std::string gc = fx->finals.at(0).genotype;
        const double fpsC = fx->finals.at(0).cost.fps;

        // (d) hand-designed
        const std::string gd = "fmnist:k3e1,k3e6,k3e6,k3e6,k3e6,k3e6,k3e6,k3e6";

        const std::string genotypes[4] = { ga, gb, gc, gd };
        const double fps[4] = { co->finals.at(0).cost.fps, fpsB, fpsC, searchedFps(gd, platform, seed) };
        const double searchSeconds[4] = { coSeconds, nasSeconds, fixedSeconds, 0 };
        for (int i = 0; i < 4; ++i) {
            const double accuracy = retrainedAccuracy(genotypes[i], data, epochs, seed);
            reportVariant(prefix + arms[size_t(i)].key, genotypes[i], fps[i], accuracy, searchSeconds[i]);
            arms[size_t(i)].fps.push_back(fps[i]);
            arms[size_t(i)].accuracy.push_back(accuracy);
        }
    }
    if (options.sweep.empty() && options.seeds.size() > 1) {
        for (const Arm& arm : arms) {
            const auto [fpsMean, fpsStd] = meanStd(arm.fps);
            const auto [accMean, accStd] = meanStd(arm.accuracy);
            bench::report(arm.key + "_fps_mean", fpsMean);
            bench::report(arm.key + "_fps_std", fpsStd);
            bench::report(arm.key + "_test_accuracy_mean", accMean);
            bench::report(arm.key + "_test_accuracy_std", accStd);
        }
        // (a) dominates an arm when its mean FPS and mean accuracy are both at least the arm's.
        const auto a = std::make_pair(meanStd(arms[0].fps).first, meanStd(arms[0].accuracy).first);
        for (size_t i = 1; i < arms.size(); ++i) {
            const bool dominates = a.first >= meanStd(arms[i].fps).first && a.second >= meanStd(arms[i].accuracy).first;
            bench::report("a_dominates_" + arms[i].key, dominates ? 1 : 0);
        }
    }
    bench::report("retrain_epochs", epochs);
    return 0;
}
