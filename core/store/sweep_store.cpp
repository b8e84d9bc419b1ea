// Sweeps in the run store: a grid of searches, one task per grid point, claimed once and linked to its runs.
#include "store/backends.h"
#include "store/sql.h"

#include <ctime>
#include <map>
#include <stdexcept>

namespace dna::store {

namespace {

std::vector<int64_t> parseIds(const std::string& list)
{
    std::vector<int64_t> out;
    size_t start = 0;
    while (start < list.size()) {
        size_t end = list.find(',', start);
        if (end == std::string::npos) {
            end = list.size();
        }
        if (end > start) {
            out.push_back(std::stoll(list.substr(start, end - start)));
        }
        start = end + 1;
    }
    return out;
}

/// Seconds since a time nowIso8601() wrote ("2026-11-29T23:52:35Z" or with milliseconds); a large number when
/// unreadable (an unreadable claim is old).
double secondsSince(const std::string& iso)
{
    std::tm tm {};
    if (iso.size() < 19 || !strptime(iso.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) {
        return 1e9;
    }
    return std::difftime(std::time(nullptr), timegm(&tm));
}

SweepInfo readSweep(const Statement& s)
{
    SweepInfo w;
    w.id = s.integer(0);
    w.name = s.text(1);
    w.createdAt = s.text(2);
    w.command = s.text(3);
    w.gridJson = s.text(4);
    w.executor = s.text(5);
    w.job = s.text(6);
    return w;
}

const char* const kSweepColumns = "SELECT id, name, created_at, command, grid, executor, job FROM sweeps";

} // namespace

int64_t RunStore::createSweep(const SweepInfo& sweep, const std::vector<SweepTaskRecord>& tasks)
{
    Transaction t(db());
    Statement s(db(),
        std::string("INSERT INTO sweeps(name, created_at, command, grid, executor, job) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            + db().returningId());
    s.bind(1, sweep.name)
        .bind(2, sweep.createdAt.empty() ? nowIso8601() : sweep.createdAt)
        .bind(3, sweep.command)
        .bind(4, sweep.gridJson)
        .bind(5, sweep.executor)
        .bind(6, sweep.job);
    while (s.step()) { }
    const int64_t id = s.insertedId();
    Statement task(db(), "INSERT INTO sweep_tasks(sweep_id, task_index, params, args) VALUES(?1, ?2, ?3, ?4)");
    for (const auto& k : tasks) {
        task.reset();
        task.bind(1, id).bind(2, int64_t(k.index)).bind(3, k.paramsJson).bind(4, k.argsJson);
        task.step();
    }
    t.commit();
    committed();
    return id;
}

void RunStore::setSweepJob(int64_t sweepId, const std::string& executor, const std::string& job)
{
    Statement s(db(), "UPDATE sweeps SET executor = ?2, job = ?3 WHERE id = ?1");
    s.bind(1, sweepId).bind(2, executor).bind(3, job);
    s.step();
    committed();
}

bool RunStore::claimTask(int64_t sweepId, int index, const std::string& claimant)
{
    // One statement: PostgreSQL takes the row's lock and re-checks `claim = ''` after a concurrent claim commits;
    // SQLite writes under the file's write lock. Either way one caller changes the row, the others none.
    Statement s(db(),
        "UPDATE sweep_tasks SET claim = ?3, claimed_at = ?4, attempts = attempts + 1"
        " WHERE sweep_id = ?1 AND task_index = ?2 AND claim = ''");
    s.bind(1, sweepId).bind(2, int64_t(index)).bind(3, claimant).bind(4, nowIso8601());
    s.step();
    const bool won = s.changes() == 1;
    if (won) {
        committed();
    }
    return won;
}

void RunStore::setTaskRun(int64_t sweepId, int index, int64_t runId)
{
    Statement s(db(), "UPDATE sweep_tasks SET run_id = ?3 WHERE sweep_id = ?1 AND task_index = ?2");
    s.bind(1, sweepId).bind(2, int64_t(index)).bind(3, runId);
    s.step();
    committed();
}

std::vector<int> RunStore::requeueUnfinished(int64_t sweepId)
{
    std::vector<int> queued;
    Transaction t(db());
    Statement requeue(db(),
        "UPDATE sweep_tasks SET claim = '', claimed_at = '', run_id = NULL, previous_runs = ?3"
        " WHERE sweep_id = ?1 AND task_index = ?2");
    for (const auto& k : sweepTasks(sweepId)) {
        const bool dead = k.state == "failed" || k.state == "interrupted" || k.state == "cancelled"
            || k.state == "deleted" || (k.state == "claimed" && secondsSince(k.claimedAt) > kStaleSeconds);
        if (dead) {
            std::string previous;
            for (int64_t r : k.previousRuns) {
                previous += std::to_string(r) + ",";
            }
            if (k.runId) {
                previous += std::to_string(k.runId);
            } else if (!previous.empty()) {
                previous.pop_back();
            }
            requeue.reset();
            requeue.bind(1, sweepId).bind(2, int64_t(k.index)).bind(3, previous);
            requeue.step();
        }
        if (dead || k.state == "queued") {
            queued.push_back(k.index);
        }
    }
    t.commit();
    committed();
    return queued;
}

void RunStore::deleteSweep(int64_t sweepId)
{
    Transaction t(db());
    Statement(db(), "DELETE FROM sweep_tasks WHERE sweep_id = ?1").bind(1, sweepId).step();
    Statement(db(), "DELETE FROM sweeps WHERE id = ?1").bind(1, sweepId).step();
    t.commit();
    committed();
}

int64_t RunStore::copySweepFrom(const RunStore& source, int64_t sweepId, const std::map<int64_t, int64_t>& runIds)
{
    const auto from = source.sweep(sweepId);
    if (!from) {
        throw std::runtime_error("store " + source.path() + " has no sweep " + std::to_string(sweepId));
    }
    const auto tasks = source.sweepTasks(sweepId);
    Transaction t(db());
    Statement s(db(),
        std::string("INSERT INTO sweeps(name, created_at, command, grid, executor, job) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            + db().returningId());
    s.bind(1, from->name)
        .bind(2, from->createdAt)
        .bind(3, from->command)
        .bind(4, from->gridJson)
        .bind(5, from->executor)
        .bind(6, from->job);
    while (s.step()) { }
    const int64_t id = s.insertedId();
    Statement task(db(),
        "INSERT INTO sweep_tasks(sweep_id, task_index, params, args, run_id, claim, claimed_at, attempts, "
        "previous_runs) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (const auto& k : tasks) {
        const auto run = runIds.find(k.runId);
        const bool linked = k.runId != 0 && run != runIds.end();
        std::string previous;
        for (int64_t r : k.previousRuns) {
            if (const auto copied = runIds.find(r); copied != runIds.end()) {
                previous += (previous.empty() ? "" : ",") + std::to_string(copied->second);
            }
        }
        task.reset();
        task.bind(1, id).bind(2, int64_t(k.index)).bind(3, k.paramsJson).bind(4, k.argsJson);
        if (linked) {
            task.bind(5, run->second);
        } else {
            task.bindNull(5);
        }
        task.bind(6, linked ? k.claim : std::string())
            .bind(7, linked ? k.claimedAt : std::string())
            .bind(8, int64_t(k.attempts))
            .bind(9, previous);
        task.step();
    }
    t.commit();
    committed();
    return id;
}

std::vector<SweepInfo> RunStore::sweeps() const
{
    std::vector<SweepInfo> out;
    Statement s(db(), std::string(kSweepColumns) + " ORDER BY id");
    while (s.step()) {
        out.push_back(readSweep(s));
    }
    for (auto& w : out) {
        for (const auto& k : sweepTasks(w.id)) {
            ++w.tasks;
            w.complete += k.finished();
        }
    }
    return out;
}

std::optional<SweepInfo> RunStore::sweep(int64_t sweepId) const
{
    Statement s(db(), std::string(kSweepColumns) + " WHERE id = ?1");
    s.bind(1, sweepId);
    if (!s.step()) {
        return std::nullopt;
    }
    SweepInfo w = readSweep(s);
    for (const auto& k : sweepTasks(w.id)) {
        ++w.tasks;
        w.complete += k.finished();
    }
    return w;
}

std::vector<SweepTaskRecord> RunStore::sweepTasks(int64_t sweepId) const
{
    // The tasks' runs as a reader sees them (a server store's stale heartbeat shows as interrupted).
    std::map<int64_t, RunInfo> runsById;
    {
        Statement r(db(), runSelect(false) + " WHERE r.id IN (SELECT run_id FROM sweep_tasks WHERE sweep_id = ?1)");
        r.bind(1, sweepId);
        const bool writer = writerAlive();
        while (r.step()) {
            RunInfo info = shownState(readRun(r), writer);
            runsById[info.id] = info;
        }
    }
    std::vector<SweepTaskRecord> out;
    Statement s(db(),
        "SELECT task_index, params, args, coalesce(run_id, 0), claim, claimed_at, attempts, previous_runs"
        " FROM sweep_tasks WHERE sweep_id = ?1 ORDER BY task_index");
    s.bind(1, sweepId);
    while (s.step()) {
        SweepTaskRecord k;
        k.index = int(s.integer(0));
        k.paramsJson = s.text(1);
        k.argsJson = s.text(2);
        k.runId = s.integer(3);
        k.claim = s.text(4);
        k.claimedAt = s.text(5);
        k.attempts = int(s.integer(6));
        k.previousRuns = parseIds(s.text(7));
        if (k.claim.empty()) {
            k.state = "queued";
        } else if (k.runId == 0) {
            // A worker has it and has not recorded its run yet (or keeps it in a store of its own until it ends).
            k.state = "claimed";
        } else if (auto it = runsById.find(k.runId); it != runsById.end()) {
            k.state = it->second.trashed ? "deleted" : runStateName(it->second.state);
        } else {
            k.state = "deleted";
        }
        out.push_back(std::move(k));
    }
    return out;
}

} // namespace dna::store
