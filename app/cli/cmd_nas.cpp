// dna-cli nas: a supernet search without hardware in the loop (optionally a FLOPs term), on real data.
#include "cli_args.h"
#include "cli_command.h"
#include "nas_cli_common.h"

#include "nas/search_run.h"
#include "workload/search_space.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace dna::cli {
namespace {

constexpr int kDefaultStepsPerEpoch = 100;

nlohmann::json historyJson(const std::vector<nas::EpochRecord>& history)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& h : history) {
        list.push_back(
            { { "epoch", h.epoch + 1 }, { "tau", h.tau }, { "lr", h.weightLr }, { "train_loss", h.trainLoss },
                { "train_accuracy", h.trainAccuracy }, { "arch_loss", h.archLoss }, { "val_accuracy", h.valAccuracy },
                { "genotype", h.genotype }, { "mflops", h.mflops }, { "seconds", h.seconds } });
    }
    return list;
}

int nas(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv,
        { "space", "epochs", "warmup", "flops-weight", "seed", "data", "dataset", "batch", "threads", "mode",
            "max-steps", "checkpoint", "resume", "device", "arch-lr", "lr", "top-k", "supernet" },
        { "json" });
    nas::SearchRequest req;
    req.space = args.valueOr("space", "fmnist");
    if (!workload::findSearchSpace(req.space)) {
        throw UsageError("--space must be fmnist, cifar or imagenet, not '" + req.space + "'");
    }
    req.epochs = int(args.integer("epochs", req.epochs, 1, 10000));
    req.warmupEpochs = int(args.integer("warmup", std::min(req.warmupEpochs, req.epochs - 1), 0, req.epochs - 1));
    req.costWeight = realOption(args, "flops-weight", 0.0, 0.0, 1e6);
    req.seed = uint64_t(args.integer("seed", 1, 0, 1LL << 62));
    req.dataDir = args.valueOr("data", "");
    req.dataset = args.valueOr("dataset", "");
    req.batchSize = int(args.integer("batch", req.batchSize, 2, 4096));
    req.threads = int(args.integer("threads", 2, 1, 256));
    // 100 steps (12,800 images) per epoch keep a default run at a few minutes on two cores; 0 = full passes.
    req.maxStepsPerEpoch = int(args.integer("max-steps", kDefaultStepsPerEpoch, 0, 1'000'000));
    req.checkpointPath = args.valueOr("checkpoint", "");
    req.resumeFrom = args.valueOr("resume", "");
    req.options.device = args.valueOr("device", "cpu");
    req.options.archLr = realOption(args, "arch-lr", req.options.archLr, 0.0, 10.0);
    req.options.weightLr = realOption(args, "lr", req.options.weightLr, 1e-6, 10.0);
    req.options.sharing = supernetOption(args, req.options.sharing);
    const std::string mode = args.valueOr("mode", "top2");
    if (mode == "top2") {
        req.options.mode = nas::ForwardMode::SinglePathTop2;
    } else if (mode == "soft") {
        req.options.mode = nas::ForwardMode::SoftAllPaths;
    } else {
        throw UsageError("--mode must be top2 or soft, not '" + mode + "'");
    }

    ProgressPrinter printer(err, "nas");
    auto result = nas::runSearch(req, CancelToken {}, [&](const Progress& p) { printer(p.done, p.total, p.status); });
    if (!result) {
        return reportError(err, "nas", result.error());
    }
    const auto& r = *result;
    if (args.flag("json")) {
        nlohmann::json topK = nlohmann::json::array();
        for (const auto& c : r.topK) {
            topK.push_back({ { "genotype", c.label }, { "flops", c.mflops * 1e6 }, { "mflops", c.mflops },
                { "probability", c.probability }, { "accuracy", c.valAccuracy } });
        }
        const nlohmann::json doc { { "space", req.space }, { "genotype", r.label }, { "flops", r.mflops * 1e6 },
            { "mflops", r.mflops }, { "accuracy", r.accuracy }, { "accuracy_kind", "supernet-validation" },
            { "epochs", req.epochs }, { "warmup_epochs", req.warmupEpochs },
            { "supernet", nas::weightSharingName(req.options.sharing) }, { "flops_weight", req.costWeight },
            { "seed", req.seed }, { "steps", r.steps }, { "seconds", r.seconds }, { "images_per_s", r.imagesPerSecond },
            { "top_k", topK }, { "history", historyJson(r.history) } };
        out << doc.dump(2) << '\n';
        return Ok;
    }
    out << "genotype: " << r.label << '\n'
        << "flops:    " << std::fixed << std::setprecision(2) << r.mflops << " M (2 per multiply-accumulate)\n"
        << "accuracy: " << std::setprecision(4) << r.accuracy
        << " (validation split, shared supernet weights; retrain with dna-cli train --genotype ...)\n"
        << "time:     " << std::setprecision(1) << r.seconds << " s, " << std::setprecision(0) << r.imagesPerSecond
        << " images/s\n";
    for (const auto& c : r.topK) {
        // A whole network's probability is a product over its layers (1e-7 for eight uniform layers of 7 ops).
        out << "  top: " << c.label << "  p=" << std::defaultfloat << std::setprecision(3) << c.probability
            << std::fixed << "  acc=" << std::setprecision(4) << c.valAccuracy << "  mflops=" << std::setprecision(2)
            << c.mflops << '\n';
    }
    return Ok;
}

Registrar nasCmd({ "nas", "supernet search of a network (no hardware; optional FLOPs term) on real data",
    "[--space fmnist|cifar|imagenet] [--epochs E] [--warmup E] [--flops-weight W] [--seed S] [--data DIR] "
    "[--dataset fashion-mnist|mnist|cifar10|cifar100] [--batch N] [--threads N] [--mode top2|soft] "
    "[--max-steps N (per epoch, default 100; 0 = full passes)] [--top-k K] [--lr X] [--arch-lr X] [--checkpoint FILE] "
    "[--resume FILE] [--device cpu|cuda] [--supernet separate|shared (weights per op, or one superkernel per layer)] "
    "[--json]",
    nas });

} // namespace
} // namespace dna::cli
