// dna-cli train: a genotype trained from scratch and tested on the test split.
#include "cli_args.h"
#include "cli_command.h"
#include "nas_cli_common.h"

#include "nas/train_run.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace dna::cli {
namespace {

int train(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv,
        { "genotype", "epochs", "seed", "data", "dataset", "batch", "lr", "threads", "max-steps", "device",
            "checkpoint", "label-smoothing", "weight-decay" },
        { "json", "test-every-epoch" });
    if (!args.value("genotype")) {
        throw UsageError("give --genotype SPACE:op,op,... (for example from dna-cli nas)");
    }
    nas::TrainRequest req;
    req.genotype = *args.value("genotype");
    req.epochs = int(args.integer("epochs", req.epochs, 1, 10000));
    req.seed = uint64_t(args.integer("seed", 1, 0, 1LL << 62));
    req.dataDir = args.valueOr("data", "");
    req.dataset = args.valueOr("dataset", "");
    req.batchSize = int(args.integer("batch", req.batchSize, 2, 4096));
    req.lr = realOption(args, "lr", req.lr, 1e-6, 10.0);
    req.threads = int(args.integer("threads", 2, 1, 256));
    req.maxStepsPerEpoch = int(args.integer("max-steps", 0, 0, 1'000'000));
    req.device = args.valueOr("device", "cpu");
    req.checkpointPath = args.valueOr("checkpoint", "");
    req.labelSmoothing = realOption(args, "label-smoothing", req.labelSmoothing, 0.0, 0.5);
    req.weightDecay = realOption(args, "weight-decay", req.weightDecay, 0.0, 0.1);
    req.testEveryEpoch = args.flag("test-every-epoch");

    ProgressPrinter printer(err, "train");
    auto result = nas::runTraining(req, CancelToken {}, [&](const Progress& p) { printer(p.done, p.total, p.status); });
    if (!result) {
        const auto& e = result.error();
        if (e.code == "bad_genotype" || e.code == "unknown_space") {
            err << "dna-cli train: --genotype: " << e.detail << '\n';
            return BadUsage;
        }
        return reportError(err, "train", e);
    }
    const auto& r = *result;
    if (args.flag("json")) {
        nlohmann::json history = nlohmann::json::array();
        for (const auto& h : r.history) {
            nlohmann::json e { { "epoch", h.epoch + 1 }, { "lr", h.weightLr }, { "train_loss", h.trainLoss },
                { "train_accuracy", h.trainAccuracy }, { "seconds", h.seconds } };
            if (req.testEveryEpoch) {
                e["test_accuracy"] = h.valAccuracy;
            }
            history.push_back(e);
        }
        const nlohmann::json doc { { "genotype", r.label }, { "accuracy", r.testAccuracy }, { "accuracy_kind", "test" },
            { "train_accuracy", r.trainAccuracy }, { "flops", r.mflops * 1e6 }, { "mflops", r.mflops },
            { "parameters", r.parameters }, { "epochs", req.epochs }, { "seed", req.seed }, { "seconds", r.seconds },
            { "images_per_s", r.imagesPerSecond }, { "history", history } };
        out << doc.dump(2) << '\n';
        return Ok;
    }
    out << "genotype:   " << r.label << '\n'
        << "accuracy:   " << std::fixed << std::setprecision(4) << r.testAccuracy << " (test split)\n"
        << "flops:      " << std::setprecision(2) << r.mflops << " M\n"
        << "parameters: " << r.parameters << '\n'
        << "time:       " << std::setprecision(1) << r.seconds << " s (" << req.epochs << " epochs, "
        << std::setprecision(0) << r.imagesPerSecond << " images/s)\n";
    return Ok;
}

Registrar trainCmd({ "train", "train a genotype from scratch and report its test accuracy",
    "--genotype SPACE:op,op,... [--epochs E] [--seed S] [--data DIR] [--dataset NAME] [--batch N] [--lr X] "
    "[--threads N] [--max-steps N] [--label-smoothing X] [--weight-decay X] [--test-every-epoch] "
    "[--checkpoint FILE] [--device cpu|cuda] [--json]",
    train });

} // namespace
} // namespace dna::cli
