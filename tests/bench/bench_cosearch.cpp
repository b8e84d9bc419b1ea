// DNA's claim on our setting: searching network and accelerator together beats searching them apart.
// Fashion-MNIST, zc706, objective FPS, the same supernet schedule for every search variant:
//   (a) co-search (quick preset);
//   (b) NAS with a FLOPs penalty, then a hardware search for the derived network;
//   (c) NAS with the hardware term taken from a fixed accelerator (the default 30x30 ws engine, heuristic
//       mappings), deployed on that accelerator;
//   (d) a hand-designed MobileNetV2-style network (k3, expansion 6) with a hardware search.
// Every final network is retrained from scratch with the same schedule and tested on the test split.
// Usage: bench_cosearch [retrain-epochs (default 4)] [steps-per-epoch (default: the quick preset's)] [lambda ...]
// With lambdas, only the co-search arm runs, once per lambda (a trade-off sweep).
#include "bench_util.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "cosearch/co_search.h"
#include "hwsearch/hw_search.h"
#include "nas/search_run.h"
#include "nas/train_run.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace dna;

namespace {

double seconds(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double searchedFps(const std::string& genotype, const accel::Platform& platform)
{
    hwsearch::HwSearchRequest hw;
    hw.network = workload::networkFromGenotype(genotype).value();
    hw.platform = platform;
    hw.evaluations = 100000;
    const auto r = hwsearch::searchHardware(hw, CancelToken {}, {});
    return r.found ? r.cost.fps : 0.0;
}

double retrainedAccuracy(const std::string& genotype, std::shared_ptr<const nas::TrainTest> data, int epochs)
{
    nas::TrainRequest tr;
    tr.genotype = genotype;
    tr.data = std::move(data);
    tr.epochs = epochs;
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

} // namespace

int main(int argc, char** argv)
{
    const int retrainEpochs = argc > 1 ? std::atoi(argv[1]) : 4;
    auto loaded = nas::loadDataset("fashion-mnist", "");
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().detail.c_str());
        return 2;
    }
    const auto data = std::make_shared<const nas::TrainTest>(std::move(loaded).value());
    cosearch::SearchRequest base = cosearch::presetRequest("quick").value();
    base.data = data;
    if (argc > 2) {
        base.maxStepsPerEpoch = std::atoi(argv[2]);
    }
    const accel::Platform platform = base.platform;

    // Sweep mode: only the co-search arm, once per lambda given after the first two arguments.
    if (argc > 3) {
        for (int i = 3; i < argc; ++i) {
            cosearch::SearchRequest r = base;
            r.lambda = std::atof(argv[i]);
            const auto t0 = std::chrono::steady_clock::now();
            const auto res = cosearch::runCoSearch(r, CancelToken {}, {});
            if (!res) {
                std::fprintf(stderr, "co-search failed: %s\n", res.error().detail.c_str());
                return 1;
            }
            const std::string g = res->finals.at(0).genotype;
            reportVariant(std::string("a_cosearch_lambda_") + argv[i], g, res->finals.at(0).cost.fps,
                retrainedAccuracy(g, data, retrainEpochs), seconds(t0));
        }
        bench::report("retrain_epochs", retrainEpochs);
        return 0;
    }

    // (a) co-search
    auto t = std::chrono::steady_clock::now();
    const auto co = cosearch::runCoSearch(base, CancelToken {}, {});
    if (!co) {
        std::fprintf(stderr, "co-search failed: %s\n", co.error().detail.c_str());
        return 1;
    }
    const double coSeconds = seconds(t);
    bench::report("quick_preset_seconds", coSeconds);
    bench::report("quick_preset_candidates", co->candidates);
    const std::string ga = co->finals.at(0).genotype;

    // (b) NAS with a FLOPs penalty, hardware afterwards
    nas::SearchRequest nr = cosearch::supernetRequest(base);
    nr.data = data;
    nr.costWeight = 0.03; // per MFLOP: the penalty of a typical fmnist network is then comparable to the loss
    nr.seed = base.seed;
    t = std::chrono::steady_clock::now();
    const auto flops = nas::runSearch(nr, CancelToken {}, {});
    if (!flops) {
        std::fprintf(stderr, "NAS failed: %s\n", flops.error().detail.c_str());
        return 1;
    }
    const std::string gb = flops->label;
    const double fpsB = searchedFps(gb, platform);
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

    reportVariant("a_cosearch", ga, co->finals.at(0).cost.fps, retrainedAccuracy(ga, data, retrainEpochs), coSeconds);
    reportVariant("b_flops_nas_then_hw", gb, fpsB, retrainedAccuracy(gb, data, retrainEpochs), nasSeconds);
    reportVariant("c_nas_on_fixed_accelerator", gc, fpsC, retrainedAccuracy(gc, data, retrainEpochs), fixedSeconds);
    reportVariant(
        "d_hand_designed_plus_hw", gd, searchedFps(gd, platform), retrainedAccuracy(gd, data, retrainEpochs), 0);
    bench::report("retrain_epochs", retrainEpochs);
    return 0;
}
