// dna-cli runs / front / export: reading the run store.
#include "cli_args.h"
#include "cli_command.h"

#include "io/json_io.h"
#include "store/export_files.h"
#include "store/run_store.h"
#include "util/output_file.h"

#include <iomanip>
#include <map>
#include <ostream>

namespace dna::cli {
namespace {

std::unique_ptr<store::RunStore> openStore(const Args& args, std::ostream& err)
{
    const std::string path = args.valueOr("db", store::defaultStorePath());
    auto s = store::RunStore::open(path, store::RunStore::Mode::ReadOnly);
    if (!s) {
        err << "dna-cli: --db: " << s.error().detail << '\n';
        return nullptr;
    }
    if (!(*s)->damage().empty()) {
        err << "dna-cli: warning: store '" << path << "' is damaged (SQLite's check says: " << (*s)->damage()
            << "); what follows may be incomplete. Save what you need with `dna-cli export`, restore the file from a "
               "backup, and see `dna-cli store check --db "
            << path << "` for every problem. The command exits 1.\n";
    }
    return std::move(s).value();
}

io::Json candidateJson(const store::CandidateRecord& c)
{
    return { { "id", c.id }, { "run", c.runId }, { "epoch", c.epoch }, { "genotype", c.genotype },
        { "accuracy", c.accuracy }, { "accuracy_kind", c.accuracyKind }, { "fps", c.fps },
        { "latency_ms", c.latencyMs }, { "energy_uj", c.energyUj }, { "edp", c.edp }, { "dsp", c.dsp },
        { "bram18", c.bram18 }, { "area_mm2", c.areaMm2 }, { "valid", c.valid }, { "on_front", c.onFront },
        { "weights", c.weightsPath }, { "estimate_epoch", c.estimateEpoch },
        { "retrained_accuracy", c.retrainedAccuracy >= 0 ? io::Json(c.retrainedAccuracy) : io::Json() },
        { "retrained_epochs", c.retrainedEpochs } };
}

/// Ok, or Failure when the store is damaged (its readers still print what they could read).
int readerExit(const store::RunStore& s) { return s.damage().empty() ? Ok : Failure; }

int64_t runIdArg(const Args& args)
{
    if (!args.value("run")) {
        throw UsageError("--run ID is required (dna-cli runs lists the ids)");
    }
    return args.integer("run", 0, 1, 1LL << 62);
}

int runs(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "db" }, { "json" });
    auto s = openStore(args, err);
    if (!s) {
        return BadUsage;
    }
    io::Json list = io::Json::array();
    for (const auto& r : s->runs()) {
        const auto front = s->frontAcross({ r.id });
        double bestAccuracy = 0;
        double bestFps = 0;
        for (const auto& c : front) {
            bestAccuracy = std::max(bestAccuracy, c.accuracy);
            bestFps = std::max(bestFps, c.fps);
        }
        list.push_back({ { "id", r.id }, { "name", r.name }, { "state", store::runStateName(r.state) },
            { "created_at", r.createdAt }, { "finished_at", r.finishedAt }, { "objective", r.objective },
            { "seed", r.seed }, { "candidates", r.candidates }, { "front_size", front.size() },
            // A run with nothing on its front (no valid design, no candidate yet) has no best: null, "-" below.
            { "best_accuracy", front.empty() ? io::Json() : io::Json(bestAccuracy) },
            { "best_fps", front.empty() ? io::Json() : io::Json(bestFps) }, { "error", r.error },
            { "request", io::Json::parse(r.requestJson.empty() ? "{}" : r.requestJson, nullptr, false) } });
    }
    if (args.flag("json")) {
        out << list.dump(2) << '\n';
        return readerExit(*s);
    }
    out << std::left << std::setw(5) << "id" << std::setw(12) << "state" << std::setw(22) << "created" << std::setw(9)
        << "metric" << std::right << std::setw(11) << "candidates" << std::setw(10) << "best acc" << std::setw(11)
        << "best FPS"
        << "  name\n";
    for (const auto& r : list) {
        out << std::left << std::setw(5) << r["id"].get<int64_t>() << std::setw(12) << r["state"].get<std::string>()
            << std::setw(22) << r["created_at"].get<std::string>() << std::setw(9) << r["objective"].get<std::string>()
            << std::right << std::setw(11) << r["candidates"].get<int64_t>() << std::fixed;
        if (r["best_fps"].is_null()) {
            out << std::setw(10) << "-" << std::setw(11) << "-";
        } else {
            out << std::setprecision(2) << std::setw(9) << r["best_accuracy"].get<double>() * 100 << '%'
                << std::setw(11) << std::setprecision(1) << r["best_fps"].get<double>();
        }
        out << "  " << r["name"].get<std::string>() << '\n';
    }
    return readerExit(*s);
}

int front(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "db", "run" }, { "json" });
    const int64_t runId = runIdArg(args);
    auto s = openStore(args, err);
    if (!s) {
        return BadUsage;
    }
    if (!s->run(runId)) {
        err << "dna-cli front: no run " << runId << " in " << s->path() << " (dna-cli runs lists the ids)\n";
        return BadUsage;
    }
    const auto front = s->frontAcross({ runId });
    if (args.flag("json")) {
        io::Json list = io::Json::array();
        for (const auto& c : front) {
            list.push_back(candidateJson(c));
        }
        out << list.dump(2) << '\n';
        return readerExit(*s);
    }
    out << std::left << std::setw(8) << "id" << std::right << std::setw(9) << "accuracy" << std::setw(10) << "FPS"
        << std::setw(12) << "energy uJ"
        << "  genotype\n";
    for (const auto& c : front) {
        out << std::left << std::setw(8) << c.id << std::right << std::fixed << std::setprecision(2) << std::setw(8)
            << c.accuracy * 100 << '%' << std::setw(10) << std::setprecision(1) << c.fps << std::setw(12) << c.energyUj
            << "  " << c.genotype << '\n';
    }
    if (front.empty()) {
        const auto run = s->run(runId);
        const auto candidates = s->candidates(runId);
        out << "(nothing on the front: ";
        if (run->state == store::RunState::Failed) {
            out << "the run failed: " << run->error;
        } else if (candidates.empty()) {
            out << (run->state == store::RunState::Running ? "no candidates yet" : "the run has no candidates");
        } else {
            out << "none of its " << candidates.size() << " candidates has a valid design";
        }
        out << ")\n";
    }
    return readerExit(*s);
}

int exportCmd(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "db", "run", "candidate", "format", "out" }, {});
    const int64_t runId = runIdArg(args);
    const std::string format = args.valueOr("format", "json");
    if (format != "json" && format != "csv" && format != "timeloop") {
        throw UsageError("--format must be json, csv or timeloop, not '" + format + "'");
    }
    if (!args.value("out")) {
        throw UsageError("--out PATH is required (a file for json and csv, a folder for timeloop)");
    }
    const std::string path = *args.value("out");
    auto s = openStore(args, err);
    if (!s) {
        return BadUsage;
    }
    if (!s->run(runId)) {
        err << "dna-cli export: no run " << runId << " in " << s->path() << '\n';
        return BadUsage;
    }
    if (format == "csv") {
        const auto cs = s->candidates(runId);
        std::vector<const store::CandidateRecord*> rows;
        for (const auto& c : cs) {
            rows.push_back(&c);
        }
        std::vector<const store::CandidateColumn*> columns;
        for (const auto& column : store::candidateColumns()) {
            columns.push_back(&column);
        }
        if (auto e = writeOutputFile(path, store::candidatesCsv(rows, columns))) {
            return reportError(err, "export", *e);
        }
        out << "wrote " << cs.size() << " candidates to " << path << '\n';
        return readerExit(*s);
    }
    if (!args.value("candidate")) {
        throw UsageError("--candidate ID is required for --format " + format + " (dna-cli front lists ids)");
    }
    const int64_t candidateId = args.integer("candidate", 0, 1, 1LL << 62);
    const auto c = s->candidate(candidateId);
    if (!c || c->runId != runId) {
        err << "dna-cli export: candidate " << candidateId << " is not in run " << runId << '\n';
        return BadUsage;
    }
    auto design = store::loadStoredDesign(*s, candidateId);
    if (!design) {
        return reportError(err, "export", design.error());
    }
    if (format == "json") {
        if (auto e = io::writeJsonFile(path, design->json)) {
            return reportError(err, "export", *e);
        }
        out << "wrote the design of candidate " << candidateId << " to " << path << '\n';
        if (!c->weightsPath.empty()) {
            out << "its trained weights (retrained): " << c->weightsPath << '\n';
        }
        return readerExit(*s);
    }
    const auto written = store::writeTimeloopFiles({ *design }, path);
    if (!written) {
        return reportError(err, "export", written.error());
    }
    out << "wrote " << written->size() << " Timeloop layer files to " << path << '\n';
    return readerExit(*s);
}

/// dna-cli store copy: runs from one store to another (file to server, server to file, or alike).
int storeCopy(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "from", "to" }, { "json" }, { "run" });
    const auto from = args.value("from");
    const auto to = args.value("to");
    if (!from || !to) {
        throw UsageError("store copy needs --from STORE and --to STORE (a file or a postgresql:// URI)");
    }
    auto source = store::RunStore::open(*from, store::RunStore::Mode::ReadOnly);
    if (!source) {
        return reportError(err, "store copy", source.error(), "--from");
    }
    auto target = store::RunStore::open(*to);
    if (!target) {
        return reportError(err, "store copy", target.error(), "--to");
    }
    std::vector<int64_t> ids;
    if (!args.values("run").empty()) {
        for (const auto& part : args.values("run")) {
            size_t used = 0;
            int64_t id = 0;
            try {
                id = std::stoll(part, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != part.size() || id < 1) {
                throw UsageError("--run must be a run id (a whole number from 1), not '" + part + "'");
            }
            if (!(*source)->run(id)) {
                err << "dna-cli store copy: --run: store '" << (*source)->path() << "' has no run " << id
                    << " (dna-cli runs --db STORE lists them)\n";
                return BadUsage;
            }
            ids.push_back(id);
        }
    } else {
        for (const auto& r : (*source)->runs()) {
            ids.push_back(r.id);
        }
    }
    const bool everyRun = args.values("run").empty();
    io::Json copied = io::Json::array();
    std::map<int64_t, int64_t> newIds; // source run -> target run
    int skipped = 0;
    for (int64_t id : ids) {
        const auto info = (*source)->run(id);
        if (info->state == store::RunState::Running) {
            err << "dna-cli store copy: run " << id << " is still running; copy it when it has ended\n";
            ++skipped;
            continue;
        }
        int64_t newId = 0;
        try {
            newId = (*target)->copyRunFrom(**source, id);
        } catch (const std::exception& e) {
            err << "dna-cli store copy: run " << id << ": " << e.what() << " (the runs copied before it are kept)\n";
            return Failure;
        }
        newIds[id] = newId;
        copied.push_back({ { "from", id }, { "to", newId }, { "candidates", info->candidates } });
        if (!args.flag("json")) {
            out << "copied run " << id << " (" << info->candidates << " candidates) to run " << newId << " of "
                << (*target)->path() << '\n';
        }
    }
    // The sweeps go along: every sweep when every run is copied, else those with a task whose run was copied. A
    // task whose run was not copied (still running, or not listed) is queued in the target.
    io::Json sweeps = io::Json::array();
    for (const auto& w : (*source)->sweeps()) {
        bool wanted = everyRun;
        int linked = 0;
        for (const auto& k : (*source)->sweepTasks(w.id)) {
            bool any = newIds.count(k.runId) > 0;
            linked += any ? 1 : 0;
            for (int64_t r : k.previousRuns) {
                any = any || newIds.count(r) > 0;
            }
            wanted = wanted || any;
        }
        if (!wanted) {
            continue;
        }
        int64_t newSweep = 0;
        try {
            newSweep = (*target)->copySweepFrom(**source, w.id, newIds);
        } catch (const std::exception& e) {
            err << "dna-cli store copy: sweep " << w.id << ": " << e.what() << " (the runs copied are kept)\n";
            return Failure;
        }
        sweeps.push_back({ { "from", w.id }, { "to", newSweep }, { "tasks", w.tasks }, { "tasks_with_runs", linked } });
        if (!args.flag("json")) {
            out << "copied sweep " << w.id << " (" << w.tasks << " tasks, " << linked << " with their runs) to sweep "
                << newSweep << " of " << (*target)->path() << '\n';
        }
    }
    if (args.flag("json")) {
        out << io::Json { { "from", (*source)->path() }, { "to", (*target)->path() }, { "copied", copied },
            { "sweeps", sweeps }, { "skipped_running", skipped } }
                   .dump(2)
            << '\n';
    }
    return Ok;
}

int storeCmd(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    if (!argv.empty() && argv.front() == "copy") {
        return storeCopy(std::vector<std::string>(argv.begin() + 1, argv.end()), out, err);
    }
    if (argv.empty() || argv.front() != "check") {
        throw UsageError(
            "the store subcommand must be check or copy, not '" + (argv.empty() ? std::string() : argv.front()) + "'");
    }
    Args args(std::vector<std::string>(argv.begin() + 1, argv.end()), { "db" }, { "json" });
    const std::string path = args.valueOr("db", store::defaultStorePath());
    auto s = store::RunStore::open(path, store::RunStore::Mode::ReadOnly);
    if (!s) {
        return reportError(err, "store check", s.error(), "--db");
    }
    const auto problems = (*s)->integrityCheck();
    if (args.flag("json")) {
        out << io::Json { { "db", path }, { "ok", problems.empty() }, { "problems", problems } }.dump(2) << '\n';
    } else if (problems.empty()) {
        out << "store '" << (*s)->path() << "': ok ("
            << ((*s)->isServer() ? "reachable; the server checks its own pages" : "every page and index checked")
            << ", schema version " << (*s)->schemaVersion() << ", " << (*s)->runs(true).size() << " runs)\n";
    } else {
        out << "store '" << path << "' is damaged: " << problems.size()
            << (problems.size() == 1 ? " problem\n" : " problems\n");
        for (const auto& p : problems) {
            out << "  " << p << '\n';
        }
        out << "Nothing was changed. Restore the file from a backup, or save what is readable with dna-cli export "
               "(dna-cli runs and front still list what they can read).\n";
    }
    return problems.empty() ? Ok : Failure;
}

Registrar runsCmd({ "runs", "list the runs of a store", "[--db STORE] [--json]", runs });
Registrar frontCmd({ "front", "the Pareto front of a run (accuracy against the run's objective)",
    "--run ID [--db STORE] [--json]", front });
Registrar exportCmd_({ "export", "export a candidate's design (json), a run's candidates (csv) or Timeloop YAML",
    "--run ID [--candidate ID] --format json|csv|timeloop --out PATH [--db STORE]", exportCmd });
Registrar storeCmd_({ "store", "check a store's integrity, or copy runs between stores",
    "check [--db STORE] [--json]\n       store copy --from STORE --to STORE [--run ID]... [--json]\n\nA STORE is a "
    "file or a PostgreSQL URI (postgresql://user@host:port/database; the password from ~/.pgpass or PGPASSWORD).\n"
    "check: exit 0 when the store is sound, 1 when it is damaged (each problem listed).\ncopy: every finished run "
    "(or the listed ones) with its candidates, mappings, accuracy history, epochs and checkpoint paths; new ids in "
    "the target. Sweeps go along (all of them, or those with a listed run); a task whose run stays behind is "
    "queued in the target (dna-cli sweep --resume runs it there).",
    storeCmd });

} // namespace
} // namespace dna::cli
