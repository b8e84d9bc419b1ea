#include "store/run_store.h"

#include "hwsearch/objective.h"
#include "store/backends.h"
#include "store/postgres.h"
#include "store/sql.h"
#include "util/data_dir.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>

namespace dna::store {

const char* const kCandidateFields
    = "run_id, epoch, genotype, accuracy, accuracy_kind, fps, latency_ms, energy_uj, edp, dsp, bram18, area_mm2,"
      " valid, on_front, design, weights_path, estimate_epoch, retrained_accuracy, retrained_epochs";
const char* const kMappingFields = "candidate_id, layer_index, name, type, shape, engine, dataflow, mapping, cycles,"
                                   " energy_mac, energy_rf, energy_noc, energy_gb, energy_dram, utilization, bound";

namespace {

const char* const kStateNames[] = { "running", "complete", "cancelled", "failed", "interrupted", "superseded" };

// One row of a candidate's accuracy history (first estimate, re-estimate, training from scratch).
const char* const kInsertEstimate = "INSERT INTO estimates(candidate_id, epoch, accuracy, kind) VALUES(?1, ?2, ?3, ?4)";

/// "INSERT INTO table(fields) VALUES(?1, ..., ?n)" for the comma-separated fields.
std::string insertSql(const char* table, const std::string& fields)
{
    std::string sql = std::string("INSERT INTO ") + table + "(" + fields + ") VALUES(";
    const auto n = std::count(fields.begin(), fields.end(), ',') + 1;
    for (long i = 1; i <= n; ++i) {
        sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
    }
    return sql + ")";
}

/// Inserts a candidate of a run (a statement of insertSql("candidates", kCandidateFields) plus
/// Connection::returningId); returns its id.
int64_t insertCandidate(Statement& c, int64_t runId, const CandidateRecord& r)
{
    c.reset();
    int i = 0;
    candidateFields(runId, r, [&](const auto& v) { c.bind(++i, v); });
    while (c.step()) { // PostgreSQL's RETURNING row
    }
    return c.insertedId();
}

/// Inserts a candidate's layer mappings (a statement of insertSql("layer_mappings", kMappingFields)).
void insertMappings(Statement& m, int64_t candidateId, const std::vector<LayerMappingRecord>& layers)
{
    for (const auto& l : layers) {
        m.reset();
        int i = 0;
        mappingFields(candidateId, l, [&](const auto& v) { m.bind(++i, v); });
        m.step();
    }
}

} // namespace

/// A reader's view of a run: `running` without a live writer means its process died (the next writer marks it).
RunInfo shownState(RunInfo r, bool writerAlive)
{
    if (r.state == RunState::Running && !writerAlive) {
        r.state = RunState::Interrupted;
        r.error = "no process is writing this store any more: the run stopped while in progress";
    }
    return r;
}

RunInfo readRun(const Statement& s)
{
    RunInfo r;
    r.id = s.integer(0);
    r.name = s.text(1);
    r.requestJson = s.text(2);
    parseRunState(s.text(3), r.state);
    r.createdAt = s.text(4);
    r.finishedAt = s.text(5);
    r.seed = s.integer(6);
    r.appVersion = s.text(7);
    r.objective = s.text(8);
    r.error = s.text(9);
    r.candidates = s.integer(10);
    r.trashed = s.integer(11) != 0;
    r.writerHost = s.text(12);
    r.writtenHere = s.integer(13) != 0;
    return r;
}

namespace {

const char* kCandidateColumns
    = "SELECT id, run_id, epoch, genotype, accuracy, accuracy_kind, fps, latency_ms, energy_uj,"
      " edp, dsp, bram18, area_mm2, valid, on_front, %s, weights_path, estimate_epoch, retrained_accuracy, "
      "retrained_epochs FROM candidates";

CandidateRecord readCandidate(const Statement& s)
{
    CandidateRecord c;
    c.id = s.integer(0);
    c.runId = s.integer(1);
    c.epoch = int(s.integer(2));
    c.genotype = s.text(3);
    c.accuracy = s.real(4);
    c.accuracyKind = s.text(5);
    c.fps = s.real(6);
    c.latencyMs = s.real(7);
    c.energyUj = s.real(8);
    c.edp = s.real(9);
    c.dsp = s.real(10);
    c.bram18 = s.integer(11);
    c.areaMm2 = s.real(12);
    c.valid = s.integer(13) != 0;
    c.onFront = s.integer(14) != 0;
    c.designJson = s.text(15);
    c.weightsPath = s.text(16);
    c.estimateEpoch = int(s.integer(17));
    c.retrainedAccuracy = s.real(18);
    c.retrainedEpochs = int(s.integer(19));
    return c;
}

std::string candidateQuery(bool withDesign, const std::string& where)
{
    char buf[512];
    std::snprintf(buf, sizeof buf, kCandidateColumns, withDesign ? "design" : "''");
    return std::string(buf) + " " + where;
}

} // namespace

const char* runStateName(RunState s) { return kStateNames[int(s)]; }

bool parseRunState(const std::string& s, RunState& out)
{
    for (int i = 0; i < 6; ++i) {
        if (s == kStateNames[i]) {
            out = RunState(i);
            return true;
        }
    }
    return false;
}

std::string nowIso8601()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string defaultStorePath() { return userDataDir() + "/runs.sqlite"; }

std::string shownLocation(const std::string& location)
{
    return RunStore::isServerLocation(location) ? withoutPassword(location) : location;
}

std::string localFileFor(const std::string& location, const std::string& name, const std::string& extension)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc {};
    gmtime_r(&seconds, &utc);
    char stamp[40];
    const size_t n = std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &utc);
    std::snprintf(stamp + n, sizeof stamp - n, "%03d", int(ms));
    if (RunStore::isServerLocation(location)) {
        std::string folder;
        for (char c : location.substr(location.find("://") + 3)) {
            folder += std::isalnum((unsigned char)c) || c == '.' || c == '-' ? c : '_';
        }
        const std::filesystem::path dir
            = std::filesystem::path(defaultStorePath()).parent_path() / "server-files" / folder;
        std::error_code ec;
        std::filesystem::create_directories(dir, ec); // a failure shows when the file is written
        return (dir / (name + "-" + stamp + extension)).string();
    }
    const std::filesystem::path store(location);
    return (store.parent_path() / (store.stem().string() + "-" + name + "-" + stamp + extension)).string();
}

namespace {

/// A run's objective by name; runs from before objectives were stored (empty) and unknown names are fps.
hwsearch::Objective runObjective(const std::string& objective)
{
    return hwsearch::objectiveOr(objective, hwsearch::Objective::Fps);
}

} // namespace

bool frontMaximises(const std::string& objective) { return hwsearch::objectiveInfo(runObjective(objective)).maximise; }

double frontMetric(const CandidateRecord& c, const std::string& objective)
{
    return hwsearch::objectiveInfo(runObjective(objective)).metric({ c.fps, c.latencyMs, c.energyUj, c.edp });
}

std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& points, bool maximiseMetric)
{
    std::vector<size_t> order(points.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    auto better = [&](double a, double b) { return maximiseMetric ? a > b : a < b; };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (points[a].first != points[b].first) {
            return points[a].first > points[b].first;
        }
        return better(points[a].second, points[b].second);
    });
    std::vector<size_t> front;
    bool any = false;
    double bestMetric = 0;
    for (size_t i : order) {
        if (!any || better(points[i].second, bestMetric)) {
            front.push_back(i);
            bestMetric = points[i].second;
            any = true;
        }
    }
    return front;
}

bool RunStore::isServerLocation(const std::string& location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Expected<std::unique_ptr<RunStore>> RunStore::open(const std::string& location, Mode mode)
{
    return isServerLocation(location) ? openPgStore(location, mode) : openSqliteStore(location, mode);
}

RunStore::RunStore(std::unique_ptr<Connection> connection, std::string path, Mode mode)
    : m_db(std::move(connection))
    , m_path(std::move(path))
    , m_mode(mode)
{
}

RunStore::~RunStore() = default;

std::string RunStore::runSelect(bool counts) const
{
    return std::string("SELECT r.id, r.name, r.request, r.state, r.created_at, r.finished_at, r.seed, r.app_version,"
                       " r.objective, r.error, ")
        + (counts ? "(SELECT count(*) FROM candidates c WHERE c.run_id = r.id)" : "0")
        + ", r.trashed, '', 1 FROM runs r";
}

int64_t RunStore::createRun(const RunInfo& run)
{
    const auto [columns, values] = writerColumns();
    Statement s(db(),
        "INSERT INTO runs(name, request, state, created_at, seed, app_version, objective, error" + columns
            + ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ''" + values + ")" + db().returningId());
    s.bind(1, run.name).bind(2, run.requestJson).bind(3, std::string(runStateName(run.state)));
    s.bind(4, run.createdAt.empty() ? nowIso8601() : run.createdAt).bind(5, run.seed).bind(6, run.appVersion);
    s.bind(7, run.objective.empty() ? std::string("fps") : run.objective);
    bindWriter(s);
    while (s.step()) { // PostgreSQL's RETURNING row
    }
    const int64_t id = s.insertedId();
    committed();
    return id;
}

void RunStore::setRunState(int64_t runId, RunState state, const std::string& error)
{
    Statement s(db(), "UPDATE runs SET state = ?1, error = ?2, finished_at = ?3 WHERE id = ?4");
    s.bind(1, std::string(runStateName(state))).bind(2, error);
    if (state == RunState::Running) {
        s.bindNull(3);
    } else {
        s.bind(3, nowIso8601());
    }
    s.bind(4, runId).step();
    committed();
}

void RunStore::renameRun(int64_t runId, const std::string& name)
{
    Statement s(db(), "UPDATE runs SET name = ?1 WHERE id = ?2");
    s.bind(1, name).bind(2, runId).step();
    committed();
}

void RunStore::deleteRun(int64_t runId)
{
    Transaction t(db());
    Statement s(db(), "DELETE FROM runs WHERE id = ?1");
    s.bind(1, runId).step();
    t.commit();
    committed();
}

void RunStore::trashRun(int64_t runId)
{
    Statement s(db(), "UPDATE runs SET trashed = 1 WHERE id = ?1");
    s.bind(1, runId).step();
    committed();
}

void RunStore::restoreRun(int64_t runId)
{
    Statement s(db(), "UPDATE runs SET trashed = 0 WHERE id = ?1");
    s.bind(1, runId).step();
    committed();
}

int RunStore::purgeTrash()
{
    Transaction t(db());
    Statement s(db(), "DELETE FROM runs WHERE trashed = 1");
    s.step();
    const int n = int(s.changes());
    t.commit();
    committed();
    return n;
}

std::vector<int64_t> RunStore::addCandidates(int64_t runId, const std::vector<CandidateRecord>& candidates,
    const std::vector<std::vector<LayerMappingRecord>>& mappings)
{
    std::vector<int64_t> ids;
    ids.reserve(candidates.size());
    Transaction t(db());
    Statement c(db(), insertSql("candidates", kCandidateFields) + db().returningId());
    Statement e(db(), kInsertEstimate);
    Statement m(db(), insertSql("layer_mappings", kMappingFields));
    for (size_t i = 0; i < candidates.size(); ++i) {
        const CandidateRecord& r = candidates[i];
        const int64_t id = insertCandidate(c, runId, r);
        ids.push_back(id);
        e.reset();
        e.bind(1, id).bind(2, int64_t(r.estimateEpoch)).bind(3, r.accuracy).bind(4, r.accuracyKind).step();
        if (i < mappings.size()) {
            insertMappings(m, id, mappings[i]);
        }
    }
    t.commit();
    committed();
    return ids;
}

void RunStore::updateEstimates(int64_t runId, const std::vector<EstimateRecord>& estimates)
{
    if (estimates.empty()) {
        return;
    }
    {
        Transaction t(db());
        Statement u(db(),
            "UPDATE candidates SET accuracy = ?1, accuracy_kind = ?2, estimate_epoch = ?3 WHERE id = ?4 AND run_id = "
            "?5");
        Statement h(db(), kInsertEstimate);
        for (const auto& e : estimates) {
            u.reset();
            u.bind(1, e.accuracy).bind(2, e.kind).bind(3, int64_t(e.epoch)).bind(4, e.candidateId).bind(5, runId);
            u.step();
            if (u.changes() == 0) {
                continue; // not a candidate of this run
            }
            h.reset();
            h.bind(1, e.candidateId).bind(2, int64_t(e.epoch)).bind(3, e.accuracy).bind(4, e.kind).step();
        }
        t.commit();
    }
    updateFront(runId);
}

bool RunStore::setRetrained(int64_t candidateId, double accuracy, int epochs, const std::string& weightsPath)
{
    Transaction t(db());
    Statement u(
        db(), "UPDATE candidates SET retrained_accuracy = ?1, retrained_epochs = ?2, weights_path = ?3 WHERE id = ?4");
    u.bind(1, accuracy).bind(2, int64_t(epochs)).bind(3, weightsPath).bind(4, candidateId).step();
    if (u.changes() == 0) {
        return false;
    }
    Statement h(db(), kInsertEstimate);
    h.bind(1, candidateId).bind(2, int64_t(-1)).bind(3, accuracy).bind(4, std::string("retrained")).step();
    t.commit();
    committed();
    return true;
}

std::vector<EstimateRecord> RunStore::estimates(int64_t candidateId) const
{
    std::vector<EstimateRecord> out;
    Statement s(db(), "SELECT epoch, accuracy, kind FROM estimates WHERE candidate_id = ?1 ORDER BY rowid");
    s.bind(1, candidateId);
    while (s.step()) {
        out.push_back({ candidateId, int(s.integer(0)), s.real(1), s.text(2) });
    }
    return out;
}

void RunStore::addEpoch(int64_t runId, const EpochRecord& e)
{
    Statement s(db(),
        "INSERT INTO epochs(run_id, epoch, train_loss, val_accuracy, temperature, lambda, seconds, metrics)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(run_id, epoch) DO UPDATE SET"
        " train_loss = excluded.train_loss, val_accuracy = excluded.val_accuracy,"
        " temperature = excluded.temperature, lambda = excluded.lambda, seconds = excluded.seconds,"
        " metrics = excluded.metrics");
    s.bind(1, runId).bind(2, int64_t(e.epoch)).bind(3, e.trainLoss).bind(4, e.valAccuracy).bind(5, e.temperature);
    s.bind(6, e.lambda).bind(7, e.seconds).bind(8, e.metricsJson).step();
    committed();
}

void RunStore::addCheckpoint(int64_t runId, int epoch, const std::string& path)
{
    Statement s(db(),
        "INSERT INTO checkpoints(run_id, epoch, path) VALUES(?1, ?2, ?3)"
        " ON CONFLICT(run_id, epoch) DO UPDATE SET path = excluded.path");
    s.bind(1, runId).bind(2, int64_t(epoch)).bind(3, path).step();
    committed();
}

void RunStore::updateFront(int64_t runId)
{
    const auto info = run(runId);
    if (!info) {
        return;
    }
    const auto all = candidates(runId);
    std::vector<std::pair<double, double>> points;
    std::vector<int64_t> ids;
    for (const auto& c : all) {
        if (c.valid) {
            points.push_back({ c.accuracy, frontMetric(c, info->objective) });
            ids.push_back(c.id);
        }
    }
    const auto front = paretoFront(points, frontMaximises(info->objective));
    Transaction t(db());
    Statement clear(db(), "UPDATE candidates SET on_front = 0 WHERE run_id = ?1 AND on_front = 1");
    clear.bind(1, runId).step();
    Statement set(db(), "UPDATE candidates SET on_front = 1 WHERE id = ?1");
    for (size_t i : front) {
        set.reset();
        set.bind(1, ids[i]).step();
    }
    t.commit();
    committed();
}

int64_t RunStore::copyRunFrom(const RunStore& source, int64_t runId)
{
    const auto info = source.run(runId);
    if (!info) {
        throw StoreError("store '" + source.path() + "' has no run " + std::to_string(runId));
    }
    const auto candidates = source.candidates(runId, false, true);
    Transaction t(db());
    Statement r(db(),
        "INSERT INTO runs(name, request, state, created_at, finished_at, seed, app_version, objective, error, trashed)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            + std::string(db().returningId()));
    r.bind(1, info->name).bind(2, info->requestJson).bind(3, std::string(runStateName(info->state)));
    r.bind(4, info->createdAt);
    if (info->finishedAt.empty()) {
        r.bindNull(5);
    } else {
        r.bind(5, info->finishedAt);
    }
    r.bind(6, info->seed).bind(7, info->appVersion).bind(8, info->objective).bind(9, info->error);
    r.bind(10, int64_t(info->trashed));
    while (r.step()) { }
    const int64_t id = r.insertedId();
    Statement c(db(), insertSql("candidates", kCandidateFields) + db().returningId());
    Statement e(db(), kInsertEstimate);
    Statement m(db(), insertSql("layer_mappings", kMappingFields));
    for (const CandidateRecord& x : candidates) {
        const int64_t cid = insertCandidate(c, id, x);
        for (const auto& h : source.estimates(x.id)) {
            e.reset();
            e.bind(1, cid).bind(2, int64_t(h.epoch)).bind(3, h.accuracy).bind(4, h.kind).step();
        }
        insertMappings(m, cid, source.layerMappings(x.id));
    }
    Statement ep(db(),
        "INSERT INTO epochs(run_id, epoch, train_loss, val_accuracy, temperature, lambda, seconds, metrics)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& x : source.epochs(runId)) {
        ep.reset();
        ep.bind(1, id).bind(2, int64_t(x.epoch)).bind(3, x.trainLoss).bind(4, x.valAccuracy).bind(5, x.temperature);
        ep.bind(6, x.lambda).bind(7, x.seconds).bind(8, x.metricsJson).step();
    }
    Statement ck(db(), "INSERT INTO checkpoints(run_id, epoch, path) VALUES(?1, ?2, ?3)");
    for (const auto& [epoch, path] : source.checkpoints(runId)) {
        ck.reset();
        ck.bind(1, id).bind(2, int64_t(epoch)).bind(3, path).step();
    }
    t.commit();
    committed();
    return id;
}

std::vector<RunInfo> RunStore::runs(bool includeTrashed, bool withCounts) const
{
    std::vector<RunInfo> out;
    Statement s(db(),
        (runSelect(withCounts) + (includeTrashed ? " ORDER BY r.id" : " WHERE r.trashed = 0 ORDER BY r.id")).c_str());
    const bool writer = writerAlive();
    while (s.step()) {
        out.push_back(shownState(readRun(s), writer));
    }
    return out;
}

std::optional<RunInfo> RunStore::run(int64_t runId) const
{
    Statement s(db(), runSelect() + " WHERE r.id = ?1");
    s.bind(1, runId);
    if (s.step()) {
        return shownState(readRun(s), writerAlive());
    }
    return std::nullopt;
}

std::vector<CandidateRecord> RunStore::candidates(int64_t runId, bool frontOnly, bool withDesign) const
{
    std::vector<CandidateRecord> out;
    Statement s(db(),
        candidateQuery(
            withDesign, frontOnly ? "WHERE run_id = ?1 AND on_front = 1 ORDER BY id" : "WHERE run_id = ?1 ORDER BY id")
            .c_str());
    s.bind(1, runId);
    while (s.step()) {
        out.push_back(readCandidate(s));
    }
    return out;
}

std::vector<CandidateRecord> RunStore::candidatesAfter(int64_t runId, int64_t afterId) const
{
    std::vector<CandidateRecord> out;
    // The id range first: a viewer asks for the few rows since its last read, and the primary key finds them
    // without walking the run's other candidates.
    Statement s(db(), candidateQuery(false, "WHERE id > ?2 AND run_id = ?1 ORDER BY id"));
    s.bind(1, runId).bind(2, afterId);
    while (s.step()) {
        out.push_back(readCandidate(s));
    }
    return out;
}

std::vector<RunStore::EstimateRow> RunStore::estimatesSince(int64_t afterRow, int64_t& lastRow) const
{
    std::vector<EstimateRow> out;
    if (afterRow < 0) {
        Statement m(db(), "SELECT coalesce(max(rowid), 0) FROM estimates");
        m.step();
        lastRow = m.integer(0);
        return out;
    }
    // Two plain reads (a range of the history's key, then the candidates' keys) rather than a join, which a server
    // may plan as a pass over every candidate of the store.
    Statement s(
        db(), "SELECT rowid, candidate_id, epoch, accuracy, kind FROM estimates WHERE rowid > ?1 ORDER BY rowid");
    s.bind(1, afterRow);
    std::string ids;
    while (s.step()) {
        lastRow = s.integer(0);
        out.push_back({ lastRow, 0, { s.integer(1), int(s.integer(2)), s.real(3), s.text(4) } });
        ids += (ids.empty() ? "" : ",") + std::to_string(out.back().estimate.candidateId);
    }
    if (out.empty()) {
        return out;
    }
    std::map<int64_t, int64_t> runOf;
    Statement r(db(), "SELECT id, run_id FROM candidates WHERE id IN (" + ids + ")");
    while (r.step()) {
        runOf[r.integer(0)] = r.integer(1);
    }
    for (auto& h : out) {
        const auto it = runOf.find(h.estimate.candidateId);
        h.runId = it == runOf.end() ? 0 : it->second;
    }
    return out;
}

int64_t RunStore::lastEstimateRow(int64_t runId) const
{
    Statement s(db(),
        "SELECT coalesce(max(e.rowid), 0) FROM estimates e JOIN candidates c ON c.id = e.candidate_id"
        " WHERE c.run_id = ?1");
    s.bind(1, runId);
    s.step();
    return s.integer(0);
}

std::optional<CandidateRecord> RunStore::candidate(int64_t candidateId) const
{
    Statement s(db(), candidateQuery(true, "WHERE id = ?1").c_str());
    s.bind(1, candidateId);
    if (s.step()) {
        return readCandidate(s);
    }
    return std::nullopt;
}

std::vector<LayerMappingRecord> RunStore::layerMappings(int64_t candidateId) const
{
    std::vector<LayerMappingRecord> out;
    Statement s(db(),
        "SELECT layer_index, name, type, shape, engine, dataflow, mapping, cycles, energy_mac, energy_rf,"
        " energy_noc, energy_gb, energy_dram, utilization, bound FROM layer_mappings WHERE candidate_id = ?1"
        " ORDER BY layer_index");
    s.bind(1, candidateId);
    while (s.step()) {
        LayerMappingRecord l;
        l.layerIndex = int(s.integer(0));
        l.name = s.text(1);
        l.type = s.text(2);
        l.shapeJson = s.text(3);
        l.engine = int(s.integer(4));
        l.dataflow = s.text(5);
        l.mappingJson = s.text(6);
        l.cycles = s.real(7);
        for (int k = 0; k < 5; ++k) {
            l.energyPj[k] = s.real(8 + k);
        }
        l.utilization = s.real(13);
        l.bound = s.text(14);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<EpochRecord> RunStore::epochs(int64_t runId) const
{
    std::vector<EpochRecord> out;
    Statement s(db(),
        "SELECT epoch, train_loss, val_accuracy, temperature, lambda, seconds, metrics FROM epochs"
        " WHERE run_id = ?1 ORDER BY epoch");
    s.bind(1, runId);
    while (s.step()) {
        out.push_back({ int(s.integer(0)), s.real(1), s.real(2), s.real(3), s.real(4), s.real(5), s.text(6) });
    }
    return out;
}

std::vector<std::pair<int, std::string>> RunStore::checkpoints(int64_t runId) const
{
    std::vector<std::pair<int, std::string>> out;
    Statement s(db(), "SELECT epoch, path FROM checkpoints WHERE run_id = ?1 ORDER BY epoch");
    s.bind(1, runId);
    while (s.step()) {
        out.push_back({ int(s.integer(0)), s.text(1) });
    }
    return out;
}

std::vector<CandidateRecord> RunStore::frontAcross(const std::vector<int64_t>& runIds, bool includeTrashed) const
{
    std::vector<CandidateRecord> all;
    std::string objective;
    for (int64_t id : runIds) {
        const auto r = run(id);
        if (!r || (r->trashed && !includeTrashed)) {
            continue;
        }
        if (objective.empty()) {
            objective = r->objective;
        }
        for (auto& c : candidates(id)) {
            if (c.valid) {
                all.push_back(std::move(c));
            }
        }
    }
    std::vector<std::pair<double, double>> points;
    for (const auto& c : all) {
        points.push_back({ c.accuracy, frontMetric(c, objective) });
    }
    std::vector<CandidateRecord> out;
    for (size_t i : paretoFront(points, frontMaximises(objective))) {
        out.push_back(all[i]);
    }
    return out;
}

} // namespace dna::store
