// dna-cli search: a full co-search into a run store, with live progress (a bar, or JSON lines).
#include "cmd_search.h"
#include "cli_args.h"
#include "cli_command.h"
#include "nas_cli_common.h"

#include "cosearch/co_search.h"
#include "cosearch/store_recorder.h"
#include "io/json_io.h"
#include "nas/search_run.h"
#include "workload/search_space.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iomanip>
#include <ostream>

namespace dna::cli {
namespace {

CancelToken* g_cancel = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_cancel) {
        g_cancel->cancel(); // async-signal-safe: a relaxed atomic store
    }
}

} // namespace

const std::vector<std::string>& searchValueOptions()
{
    static const std::vector<std::string> options { "preset", "space", "platform", "objective", "min-fps", "max-fps",
        "max-energy-uj", "epochs", "seed", "db", "data", "steps-per-epoch", "lambda", "name", "threads", "supernet",
        "dsp", "bram18", "pes", "gb-kib", "hw-algo" };
    return options;
}

Expected<SearchOptions> parseSearch(const std::vector<std::string>& argv)
{
    Args args(argv, searchValueOptions(), { "json-progress" });
    auto req = cosearch::presetRequest(args.valueOr("preset", "quick"));
    if (!req) {
        throw UsageError("--preset: " + req.error().detail);
    }
    if (auto s = args.value("space")) {
        req->space = *s;
    }
    // A space the search cannot train here is refused before a run is recorded (search has no --dataset: each
    // space trains on its own).
    std::string trainable;
    for (const auto& space : workload::searchSpaces()) {
        if (!nas::defaultDataset(space.name).empty()) {
            trainable += (trainable.empty() ? "" : ", ") + space.name;
        }
    }
    if (!workload::findSearchSpace(req->space)) {
        throw UsageError("--space must be one of " + trainable + ", not '" + req->space + "'");
    }
    if (nas::defaultDataset(req->space).empty()) {
        throw UsageError("--space " + req->space
            + " has no dataset to train on here (ImageNet is not available); the spaces that search here are "
            + trainable);
    }
    if (auto p = args.value("platform")) {
        auto platform = io::resolvePlatformArg(*p);
        if (!platform) {
            return Error { platform.error().code, "--platform: " + platform.error().detail };
        }
        req->platform = std::move(platform).value();
    }
    // Budgets: the platform's own unless given (what the explorer's budget sliders set), each for the kind of
    // platform it bounds: an FPGA design is sized by its DSP slices and BRAM, an ASIC's by its PEs and buffer.
    const bool fpga = req->platform.target == accel::Target::Fpga;
    for (const char* option : { "dsp", "bram18", "pes", "gb-kib" }) {
        const bool fpgaBudget = std::string(option) == "dsp" || std::string(option) == "bram18";
        if (args.value(option) && fpgaBudget != fpga) {
            throw UsageError(std::string("--") + option + " bounds " + (fpga ? "ASIC" : "FPGA") + " platforms; "
                + req->platform.name + " is an "
                + (fpga ? "FPGA: its budgets are --dsp and --bram18" : "ASIC: its budgets are --pes and --gb-kib"));
        }
    }
    auto& budget = req->platform.budget;
    budget.dsp = int(args.integer("dsp", budget.dsp, 1, 1'000'000));
    budget.bram18 = int(args.integer("bram18", budget.bram18, 1, 1'000'000));
    budget.pes = int(args.integer("pes", budget.pes, 1, 1'000'000));
    if (args.value("gb-kib")) {
        budget.gbBytes = args.integer("gb-kib", 0, 1, 1 << 30) * 1024;
    }
    const std::string objective = args.valueOr("objective", "fps");
    if (!hwsearch::parseObjective(objective, req->objective)) {
        throw UsageError("--objective must be one of " + hwsearch::objectiveNames(", ") + ", not '" + objective + "'");
    }
    req->targets.minFps = realOption(args, "min-fps", 0, 0, 1e9);
    req->targets.maxFps = realOption(args, "max-fps", 0, 0, 1e9);
    req->targets.maxEnergyUj = realOption(args, "max-energy-uj", 0, 0, 1e12);
    req->lambda = realOption(args, "lambda", req->lambda, 0, 1e6);
    if (auto algo = args.value("hw-algo")) {
        const hwsearch::StrategyInfo* strategy = hwsearch::findStrategy(*algo);
        if (!strategy || !strategy->samples) {
            std::string sampling;
            for (const auto& s : hwsearch::strategies()) {
                if (s.samples) {
                    sampling += std::string(sampling.empty() ? "" : ", ") + s.id;
                }
            }
            throw UsageError("--hw-algo must be a strategy that samples (" + sampling + "), not '" + *algo
                + "' (the co-search's accelerator spaces are too large to enumerate)");
        }
        req->hwAlgo = strategy->algo;
    }
    if (args.value("epochs")) {
        cosearch::setEpochs(req.value(), int(args.integer("epochs", req->epochs, 1, 10000))); // the warm-up scales too
    }
    req->maxStepsPerEpoch = int(args.integer("steps-per-epoch", req->maxStepsPerEpoch, 0, 1'000'000));
    req->seed = uint64_t(args.integer("seed", 1, 0, 1LL << 62));
    req->threads = int(args.integer("threads", req->threads, 1, 256));
    req->dataDir = args.valueOr("data", "");
    req->supernet.sharing = supernetOption(args, req->supernet.sharing);
    SearchOptions o;
    o.json = args.flag("json-progress");
    o.store = args.valueOr("db", store::defaultStorePath());
    o.name = args.valueOr("name", req->preset + " " + req->space + " on " + req->platform.name);
    o.request = std::move(req).value();
    return o;
}

int runSearch(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err, const SearchHooks& hooks)
{
    auto parsed = parseSearch(argv);
    if (!parsed) {
        return reportError(err, "search", parsed.error());
    }
    auto req = &parsed->request;
    const bool json = parsed->json;
    const std::string& dbPath = parsed->store;
    auto opened = store::RunStore::open(dbPath);
    if (!opened) {
        return reportError(err, "search", opened.error(), "--db");
    }
    auto& db = **opened;
    if (hooks.beforeRun && !hooks.beforeRun(db)) {
        return Ok;
    }
    int64_t runId = 0;
    try {
        runId = cosearch::createRunFor(db, *req, parsed->name);
        if (hooks.runCreated) {
            hooks.runCreated(db, runId);
        }
    } catch (const std::exception& e) {
        err << "dna-cli search: " << e.what() << '\n';
        return 1;
    }
    req->checkpointPath = cosearch::checkpointPathFor(dbPath, runId);

    CancelToken cancel;
    g_cancel = &cancel;
    auto previous = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    cosearch::StoreRecorder recorder(db, runId, req->checkpointPath);
    using Clock = std::chrono::steady_clock;
    auto lastProgress = Clock::now() - std::chrono::seconds(1);
    int candidates = 0;

    auto emitFront = [&](const std::vector<int64_t>& ids) {
        if (ids.empty() || !json) {
            return;
        }
        io::Json front = io::Json::array();
        for (const auto& c : db.candidates(runId, true)) {
            front.push_back(c.id);
        }
        out << io::Json { { "event", "front" }, { "run", runId }, { "candidates", front } }.dump() << std::endl;
    };
    cosearch::Callbacks cb;
    cb.progress = [&](const cosearch::ProgressEvent& p) {
        const auto now = Clock::now();
        if (now - lastProgress < std::chrono::milliseconds(100) && p.step != p.steps) {
            return; // about 10 updates a second
        }
        lastProgress = now;
        if (json) {
            out << io::Json { { "event", "progress" }, { "run", runId }, { "phase", p.phase }, { "epoch", p.epoch },
                { "epochs", p.epochs }, { "step", p.step }, { "steps", p.steps }, { "loss", p.loss }, { "tau", p.tau },
                { "lambda", p.lambda }, { "elapsed_s", p.elapsedSeconds }, { "eta_s", p.etaSeconds } }
                       .dump()
                << std::endl;
        } else {
            const int width = 30;
            const int filled = p.steps ? int(width * p.step / p.steps) : 0;
            err << "\r[" << std::string(size_t(filled), '#') << std::string(size_t(width - filled), '.') << "] "
                << p.phase << " epoch " << std::min(p.epoch + 1, p.epochs) << "/" << p.epochs << " loss " << std::fixed
                << std::setprecision(3) << p.loss << " lambda " << p.lambda << " ETA " << std::setprecision(0)
                << p.etaSeconds << " s, " << candidates << " candidates   " << std::flush;
        }
    };
    // Candidate events are announced once their batch is committed, with their store ids: a reader that follows
    // the events never looks for a candidate the store does not have (a kill between the two loses none).
    std::vector<io::Json> unannounced;
    auto announce = [&](const std::vector<int64_t>& ids) {
        if (!json) {
            return;
        }
        for (size_t i = 0; i < ids.size() && i < unannounced.size(); ++i) {
            unannounced[i]["id"] = ids[i];
            out << unannounced[i].dump() << '\n';
        }
        unannounced.erase(
            unannounced.begin(), unannounced.begin() + std::ptrdiff_t(std::min(ids.size(), unannounced.size())));
        out << std::flush;
        emitFront(ids);
    };
    cb.candidate = [&](const cosearch::CandidateEvent& ev) {
        ++candidates;
        if (json) {
            unannounced.push_back(io::Json { { "event", "candidate" }, { "run", runId }, { "epoch", ev.epoch },
                { "genotype", ev.genotype }, { "accuracy", ev.accuracy }, { "accuracy_kind", ev.accuracyKind },
                { "final", ev.final }, { "valid", ev.cost.valid() }, { "fps", ev.cost.fps },
                { "latency_ms", ev.cost.latencyMs }, { "energy_uj", ev.cost.energyUj }, { "edp", ev.cost.edp },
                { "weights", ev.weightsPath }, { "estimate_epoch", ev.estimateEpoch } });
        }
        announce(recorder.candidate(ev));
    };
    cb.estimates = [&](const std::vector<cosearch::EstimateEvent>& events) {
        announce(recorder.estimates(events));
        if (json) {
            io::Json list = io::Json::array();
            for (const auto& e : events) {
                list.push_back({ { "candidate", recorder.candidateId(e.candidate) }, { "accuracy", e.accuracy },
                    { "estimate_epoch", e.estimateEpoch } });
            }
            out << io::Json { { "event", "estimates" }, { "run", runId }, { "candidates", list } }.dump() << std::endl;
        }
        emitFront({ 1 }); // the front may have moved even when no candidate was new
    };
    cb.epoch = [&](const cosearch::EpochEvent& ev) {
        announce(recorder.epoch(ev));
        if (!json) {
            err << "\repoch " << ev.epoch + 1 << ": derived " << ev.derivedGenotype << ", accuracy " << std::fixed
                << std::setprecision(2) << ev.valAccuracy * 100 << "%, " << std::setprecision(1) << ev.derivedFps
                << " FPS, lambda " << std::setprecision(3) << ev.lambda << std::string(20, ' ') << '\n';
        }
    };

    // Every way out marks the run: a failure to record (a full disk fills the database) is caught here, the run
    // becomes `failed` with the reason where the store still takes a write, and `interrupted` at its next open
    // where it does not.
    Expected<cosearch::Result> result = Error { ErrorCode::Internal, "the search did not run" };
    try {
        result = cosearch::runCoSearch(*req, cancel, cb);
        announce(recorder.flush());
    } catch (const std::exception& e) {
        result = Error { ErrorCode::StoreFailed, std::string("recording the run failed: ") + e.what() };
    }
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
    g_cancel = nullptr;
    if (!json) {
        err << '\n';
    }
    if (!result) {
        try {
            db.setRunState(runId, store::RunState::Failed, result.error().detail);
        } catch (const std::exception& e) {
            err << "dna-cli search: could not mark run " << runId << " failed (" << e.what()
                << "); the next process that opens the store marks it interrupted\n";
        }
        if (json) {
            out << io::Json { { "event", "failed" }, { "run", runId }, { "code", result.error().name() },
                { "message", result.error().detail } }
                       .dump()
                << std::endl;
        }
        return reportError(err, "search", result.error());
    }
    const bool cancelled = result->cancelled;
    db.setRunState(runId, cancelled ? store::RunState::Cancelled : store::RunState::Complete);
    const auto front = db.candidates(runId, true);
    if (json) {
        out << io::Json { { "event", cancelled ? "cancelled" : "finished" }, { "run", runId },
            { "candidates", result->candidates }, { "front_size", front.size() }, { "seconds", result->seconds },
            { "lambda", result->lambda }, { "db", db.path() } }
                   .dump()
            << std::endl;
    } else {
        out << (cancelled ? "cancelled" : "finished") << ": run " << runId << " in " << db.path() << ", "
            << result->candidates << " candidates, " << front.size() << " on the front, " << std::fixed
            << std::setprecision(0) << result->seconds << " s\n";
        for (const auto& c : front) {
            out << "  " << std::setprecision(2) << c.accuracy * 100 << "%  " << std::setprecision(1) << c.fps
                << " FPS  " << c.energyUj << " uJ  " << c.genotype << '\n';
        }
    }
    return Ok;
}

namespace {

int search(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    return runSearch(argv, out, err);
}

Registrar searchCmd({ "search", "co-search a network and its accelerator into a run store",
    "[--preset quick|paper] [--space fmnist|cifar] [--platform P] [--objective " + hwsearch::objectiveNames("|")
        + "] [--min-fps F] [--max-fps F] [--max-energy-uj E] [--epochs N] [--steps-per-epoch N] [--lambda L] [--seed "
          "S] "
          "[--dsp N] [--bram18 N] [--pes N] [--gb-kib N] [--db FILE|postgresql://...] [--data DIR] [--name TEXT] "
          "[--threads "
          "N] "
          "[--supernet shared|separate] [--hw-algo das|random|evolution] [--json-progress]\n\nBudgets (--dsp, --bram18 "
          "for "
          "FPGAs; --pes, --gb-kib for ASICs) replace the platform's own. --hw-algo: the strategy of every hardware "
          "search "
          "(dna-cli hwsearch --help describes them; default das). Ctrl-C "
          "cancels cleanly: the run is "
          "kept as 'cancelled' with every candidate found so far.",
    search });

} // namespace
} // namespace dna::cli
