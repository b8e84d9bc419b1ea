// dna-cli train: a genotype trained from scratch and tested on the test split.
#include "cli_args.h"
#include "cli_command.h"
#include "nas_cli_common.h"

#include "cosearch/co_search.h"
#include "nas/train_run.h"
#include "store/run_store.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <limits>
#include <memory>
#include <ostream>

namespace dna::cli {
namespace {

int train(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv,
        { "genotype", "epochs", "seed", "data", "dataset", "batch", "lr", "threads", "max-steps", "device",
            "checkpoint", "label-smoothing", "weight-decay", "db", "run", "candidate" },
        { "json", "test-every-epoch" });
    // A stored candidate (--run and --candidate, in --db or the default store) instead of --genotype: its network
    // is trained (4 epochs unless --epochs), and the result recorded on it with its weights file.
    const bool stored = args.value("candidate") || args.value("run");
    std::string dbPath;
    int64_t candidateId = 0;
    nas::TrainRequest req;
    if (stored) {
        if (!args.value("candidate") || !args.value("run") || args.value("genotype")) {
            throw UsageError("a stored candidate needs --run R and --candidate C (and no --genotype)");
        }
        const int64_t runId = args.integer("run", 0, 1, std::numeric_limits<int64_t>::max());
        candidateId = args.integer("candidate", 0, 1, std::numeric_limits<int64_t>::max());
        dbPath = args.valueOr("db", store::defaultStorePath());
        // Read through a reader: the training takes minutes, and the store's one writer (a search, the explorer)
        // must not be locked out meanwhile. The result is written when it is there.
        auto opened = store::RunStore::open(dbPath, store::RunStore::Mode::ReadOnly);
        if (!opened) {
            return reportError(err, "train", opened.error(), "--db");
        }
        const auto c = (*opened)->candidate(candidateId);
        if (!c || c->runId != runId) {
            err << "dna-cli train: --candidate: run " << runId << " of " << dbPath << " has no candidate "
                << candidateId << " (dna-cli export --run " << runId << " --format csv --out FILE lists them)\n";
            return BadUsage;
        }
        req.genotype = c->genotype;
        // The data the run searched on, unless --dataset says otherwise.
        if (const auto run = (*opened)->run(runId)) {
            const auto request = nlohmann::json::parse(run->requestJson, nullptr, false);
            if (request.is_object() && request.value("dataset", std::string()) != "") {
                req.dataset = request.value("dataset", std::string());
            }
        }
        req.epochs = 4;
        req.checkpointPath = cosearch::retrainedWeightsPath(dbPath, candidateId);
    } else if (!args.value("genotype")) {
        throw UsageError("give --genotype SPACE:op,op,... (for example from dna-cli nas), or --run R --candidate C");
    } else {
        req.genotype = *args.value("genotype");
    }
    req.epochs = int(args.integer("epochs", req.epochs, 1, 10000));
    req.seed = uint64_t(args.integer("seed", 1, 0, 1LL << 62));
    req.dataDir = args.valueOr("data", "");
    req.dataset = args.valueOr("dataset", req.dataset);
    req.batchSize = int(args.integer("batch", req.batchSize, 2, 4096));
    req.lr = realOption(args, "lr", req.lr, 1e-6, 10.0);
    req.threads = int(args.integer("threads", 2, 1, 256));
    req.maxStepsPerEpoch = int(args.integer("max-steps", 0, 0, 1'000'000));
    req.device = args.valueOr("device", "cpu");
    req.checkpointPath = args.valueOr("checkpoint", req.checkpointPath);
    req.labelSmoothing = realOption(args, "label-smoothing", req.labelSmoothing, 0.0, 0.5);
    req.weightDecay = realOption(args, "weight-decay", req.weightDecay, 0.0, 0.1);
    req.testEveryEpoch = args.flag("test-every-epoch");

    ProgressPrinter printer(err, "train");
    auto result = nas::runTraining(req, CancelToken {}, [&](const Progress& p) { printer(p.done, p.total, p.status); });
    if (!result) {
        const auto& e = result.error();
        const bool genotype = e.code == ErrorCode::BadGenotype || e.code == ErrorCode::UnknownSpace;
        return reportError(err, "train", e, genotype ? "--genotype" : "");
    }
    const auto& r = *result;
    if (stored && !r.cancelled) {
        auto writer = store::RunStore::open(dbPath);
        if (!writer || !(*writer)->setRetrained(candidateId, r.testAccuracy, req.epochs, req.checkpointPath)) {
            err << "dna-cli train: the network reached " << r.testAccuracy << " (weights in " << req.checkpointPath
                << ") but it could not be recorded in " << dbPath << ": "
                << (writer ? "the candidate is gone" : writer.error().detail) << "; run the command again later\n";
            return Failure;
        }
    }
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
        nlohmann::json doc { { "genotype", r.label }, { "accuracy", r.testAccuracy }, { "accuracy_kind", "test" },
            { "train_accuracy", r.trainAccuracy }, { "flops", r.mflops * 1e6 }, { "mflops", r.mflops },
            { "parameters", r.parameters }, { "epochs", req.epochs }, { "seed", req.seed }, { "seconds", r.seconds },
            { "images_per_s", r.imagesPerSecond }, { "history", history } };
        if (stored) {
            doc["candidate"] = candidateId;
            doc["weights"] = req.checkpointPath;
        }
        out << doc.dump(2) << '\n';
        return Ok;
    }
    if (stored) {
        out << "candidate:  " << candidateId << " (recorded in the store; weights " << req.checkpointPath << ")\n";
    }
    out << "genotype:   " << r.label << '\n'
        << "accuracy:   " << std::fixed << std::setprecision(4) << r.testAccuracy << " (test split)\n"
        << "flops:      " << std::setprecision(2) << r.mflops << " M\n"
        << "parameters: " << r.parameters << '\n'
        << "time:       " << std::setprecision(1) << r.seconds << " s (" << req.epochs
        << (req.epochs == 1 ? " epoch, " : " epochs, ") << std::setprecision(0) << r.imagesPerSecond << " images/s)\n";
    return Ok;
}

Registrar trainCmd({ "train", "train a genotype from scratch and report its test accuracy",
    "(--genotype SPACE:op,op,... | --run R --candidate C [--db FILE]) [--epochs E (12; 4 for a stored candidate)] "
    "[--seed S] [--data DIR] [--dataset NAME] [--batch N] [--lr X] "
    "[--threads N] [--max-steps N] [--label-smoothing X] [--weight-decay X] [--test-every-epoch] "
    "[--checkpoint FILE] [--device cpu|cuda] [--json]",
    train });

} // namespace
} // namespace dna::cli
