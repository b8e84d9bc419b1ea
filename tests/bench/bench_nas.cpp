// Supernet and standalone-network throughput with LibTorch on two threads (bench_nas [THREADS [quick|profile
// [BATCH]]]). Fashion-MNIST when Debian's dataset-fashion-mnist is installed, synthetic images otherwise. Images per
// second count every image that goes through a training step (weight and architecture steps).
#include "bench_util.h"

#include "nas/batch_loader.h"
#include "nas/dataset.h"
#include "nas/search_run.h"
#include "nas/supernet.h"
#include "workload/search_space.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <string>

using namespace dna;
using namespace dna::nas;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::shared_ptr<const TrainTest> fashionOrSynthetic(bool& real)
{
    auto tt = loadIdxDir(defaultFashionMnistDir());
    real = tt.ok();
    if (real) {
        return std::make_shared<const TrainTest>(std::move(tt).value());
    }
    auto d = std::make_shared<TrainTest>();
    d->train = syntheticDataset(4096, 1, 28, 10, 1);
    d->test = d->train;
    return d;
}

std::vector<int> range(int n)
{
    std::vector<int> v(n);
    std::iota(v.begin(), v.end(), 0);
    return v;
}

/// The images of a step; a failed step ends the benchmark with its reason (a rate of failed steps means nothing).
long imagesOf(const Expected<StepStats>& step)
{
    if (!step) {
        std::fprintf(stderr, "bench_nas: a training step failed: %s\n", step.error().detail.c_str());
        std::exit(1);
    }
    return step->count;
}

// `weightSteps` weight steps with an architecture step after every `archEvery`-th (0: none), after a warm-up.
double trainRate(Supernet& net, BatchLoader& weights, BatchLoader* arch, int weightSteps, int archEvery)
{
    for (int i = 0; i < 3; ++i) {
        imagesOf(net.weightStep(weights.next()));
        if (arch) {
            imagesOf(net.archStep(arch->next()));
        }
    }
    long images = 0;
    const auto start = Clock::now();
    for (int i = 0; i < weightSteps; ++i) {
        images += imagesOf(net.weightStep(weights.next()));
        if (arch && archEvery > 0 && i % archEvery == 0) {
            images += imagesOf(net.archStep(arch->next()));
        }
    }
    return images / seconds(start);
}

// Where a supernet weight step spends its time: the space cut after each stage (stem + stages 1..k + head;
// the difference between consecutive cuts is that stage's cost), the head, and every op alone at the first
// layer (stem + that op + a negligible head; minus the skip figure, the op's own cost).
void profile(const workload::SearchSpace& space, const Dataset& train, int batchSize)
{
    BatchLoader loader(train, range(std::min(4096, train.size())), batchSize, true, Augment {}, 7);
    auto msPerStep = [&](const workload::SearchSpace& s, const std::vector<int>& fixedOps) {
        SupernetOptions o;
        o.fixedOps = fixedOps;
        auto net = Supernet::create(s, o).value();
        const double rate = trainRate(*net, loader, nullptr, 15, 0);
        return 1000.0 * batchSize / rate;
    };
    double previous = 0;
    for (size_t k = 0; k <= space.stages.size(); ++k) {
        workload::SearchSpace cut = space;
        cut.headChannels = 8; // a negligible head, so each cut measures only its stages (the real head: below)
        cut.stages.resize(k);
        if (k == 0) {
            cut.stages = { { 1, space.stemChannels, 1 } }; // stem + one cheap layer (skip only) + head
            cut.ops = { space.ops.back() };
        }
        const double ms = msPerStep(cut, {});
        bench::report("profile_ms_per_step_through_stage" + std::to_string(k), ms);
        if (k > 0) {
            bench::report("profile_stage" + std::to_string(k) + "_ms", ms - previous);
        }
        previous = ms;
    }
    bench::report("profile_head_ms", msPerStep(space, {}) - previous);
    workload::SearchSpace first = space;
    first.headChannels = 8;
    first.stages.resize(1);
    first.stages[0].layers = 1;
    for (size_t o = 0; o < space.ops.size(); ++o) {
        bench::report("profile_layer0_" + space.ops[o].name + "_net_ms", msPerStep(first, { int(o) }));
    }
}

} // namespace

int main(int argc, char** argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const std::string mode = argc > 2 ? argv[2] : "";
    const bool quick = mode == "quick"; // the fmnist single-path figures only
    setTrainingThreads(threads);
    bench::report("threads", threads);
    bool real = false;
    const auto data = fashionOrSynthetic(real);
    bench::report("fashion_mnist_data", real ? 1 : 0);
    const auto& space = *workload::findSearchSpace("fmnist");
    const auto splits = makeSplits(data->train.size(), 0.2, 0.1, 1);
    const SearchRequest defaults;
    // bench_nas THREADS [quick|profile] [BATCH]: the supernet figures at another batch (the quick preset's is 64).
    const int batch = argc > 3 ? std::max(1, std::atoi(argv[3])) : defaults.batchSize;
    bench::report("batch", batch);
    if (mode == "profile") {
        profile(space, data->train, batch);
        return 0;
    }

    for (const auto sharing : { WeightSharing::Separate, WeightSharing::Shared }) {
        // Separate first: its names are the figures measured before the shared mode existed.
        const std::string suffix = sharing == WeightSharing::Shared ? "_shared" : "";
        SupernetOptions o;
        o.sharing = sharing;
        auto net = Supernet::create(space, o).value();
        BatchLoader weights(data->train, splits.train, batch, true, defaults.augment, 1);
        BatchLoader arch(data->train, splits.arch, batch, true, Augment {}, 2);
        // The default search's mix: one architecture step (top-2) per `archEvery` single-path weight steps.
        bench::report("fmnist_supernet" + suffix + "_train_images_per_s",
            trainRate(*net, weights, &arch, 40, defaults.archEvery));
        bench::report(
            "fmnist_supernet" + suffix + "_weight_step_images_per_s", trainRate(*net, weights, nullptr, 30, 0));
        auto archOnly = [&] {
            long images = 0;
            const auto start = Clock::now();
            for (int i = 0; i < 20; ++i) {
                images += net->archStep(arch.next())->count;
            }
            return images / seconds(start);
        };
        bench::report("fmnist_supernet" + suffix + "_arch_step_images_per_s", archOnly());
    }
    if (quick) {
        return 0;
    }
    {
        SupernetOptions o;
        o.mode = ForwardMode::SoftAllPaths;
        auto net = Supernet::create(space, o).value();
        BatchLoader weights(data->train, splits.train, defaults.batchSize, true, defaults.augment, 1);
        BatchLoader arch(data->train, splits.arch, defaults.batchSize, true, Augment {}, 2);
        bench::report("fmnist_supernet_soft_all_path_train_images_per_s", trainRate(*net, weights, &arch, 6, 2));
    }
    {
        // A mid-sized network trained and evaluated alone.
        SupernetOptions o;
        o.fixedOps = { 1, 0, 1, 0, 3, 1, 0, 1 }; // k3e3,k3e1,k3e3,k3e1,k5e1,k3e3,k3e1,k3e3
        auto net = Supernet::create(space, o).value();
        BatchLoader weights(data->train, range(data->train.size()), 128, true, Augment { 2, true }, 3);
        bench::report("fmnist_standalone_train_images_per_s", trainRate(*net, weights, nullptr, 40, 0));
        const auto start = Clock::now();
        const double acc
            = evaluateAccuracy(*net, data->test, range(std::min(5000, data->test.size())), o.fixedOps, 500);
        bench::report("fmnist_standalone_inference_images_per_s", std::min(5000, data->test.size()) / seconds(start));
        (void)acc;
    }
    {
        // The paper's CIFAR space (22 layers x 9 ops, 32x32x3) on synthetic images.
        const auto& cifar = *workload::findSearchSpace("cifar");
        const Dataset d = syntheticDataset(512, 3, 32, 10, 4);
        auto net = Supernet::create(cifar, {}).value();
        BatchLoader weights(d, range(256), 64, true, Augment {}, 5);
        std::vector<int> second = range(512);
        second.erase(second.begin(), second.begin() + 256);
        BatchLoader arch(d, second, 64, true, Augment {}, 6);
        bench::report("cifar_supernet_train_images_per_s", trainRate(*net, weights, &arch, 6, 2));
    }
    return 0;
}
