#pragma once

#include "util/expected.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dna::store {

class Connection;
class Statement;

enum class RunState { Running, Complete, Cancelled, Failed, Interrupted, Superseded };
const char* runStateName(RunState s);
bool parseRunState(const std::string& s, RunState& out);

struct RunInfo {
    int64_t id = 0;
    std::string name;
    std::string requestJson; // the search request, as JSON
    RunState state = RunState::Running;
    std::string createdAt; // ISO 8601, UTC
    std::string finishedAt; // empty while running
    int64_t seed = 0;
    std::string appVersion;
    std::string objective; // fps, latency, energy or edp: which metric the front trades against accuracy
    std::string error;
    int64_t candidates = 0; // filled by runs()
    bool trashed = false; // deleted by the user but not yet purged (restoreRun brings it back)
    /// Server stores: the host whose process writes (or wrote) the run, and whether that process is this one
    /// (its store object). A file store has one writer at a time: empty, and always true.
    std::string writerHost;
    bool writtenHere = true;
};

/// One evaluated network + accelerator pair.
struct CandidateRecord {
    int64_t id = 0;
    int64_t runId = 0;
    int epoch = 0;
    std::string genotype;
    double accuracy = 0; // fraction in [0, 1]: the latest estimate, or the retrained test accuracy
    std::string accuracyKind; // "supernet" (shared-weight estimate) or "retrained"
    /// The epoch whose supernet weights gave `accuracy` (the search re-estimates the front after every epoch);
    /// -1 when the accuracy is not a supernet estimate (retrained) or the store predates estimates.
    int estimateEpoch = -1;
    /// The network trained from scratch (on demand, or a retrained final network): its test accuracy, < 0 when
    /// it was not trained, and the epochs it was trained for (0: not recorded). `accuracy` stays the estimate the
    /// front compares, except for the final networks of a search that retrains them.
    double retrainedAccuracy = -1;
    int retrainedEpochs = 0;
    double fps = 0, latencyMs = 0, energyUj = 0, edp = 0;
    double dsp = 0;
    int64_t bram18 = 0;
    double areaMm2 = 0;
    bool valid = true;
    bool onFront = false;
    std::string designJson; // the full design file (network, platform, accelerator, mappings)
    /// The trained weights of a retrained design (a LibTorch file, see cosearch::finalWeightsPath); empty when
    /// the store has none. The file lives outside the store and may have been moved or deleted since.
    std::string weightsPath;
};

/// One accuracy a candidate was given: the first estimate, every re-estimate, a retraining.
struct EstimateRecord {
    int64_t candidateId = 0;
    int epoch = -1; // the supernet epoch of an estimate; -1 for a retraining
    double accuracy = 0;
    std::string kind; // "supernet" or "retrained"
};

struct LayerMappingRecord {
    int layerIndex = 0;
    std::string name;
    std::string type;
    std::string shapeJson;
    int engine = 0;
    std::string dataflow;
    std::string mappingJson;
    double cycles = 0;
    std::array<double, 5> energyPj {}; // mac, rf, noc, gb, dram
    double utilization = 0;
    std::string bound;
};

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0;
    double valAccuracy = 0;
    double temperature = 0;
    double lambda = 0;
    double seconds = 0;
    std::string metricsJson; // anything else (architecture probabilities, ...)
};

/// One grid point of a sweep: the `dna-cli search` options that make its search, and its latest attempt.
struct SweepTaskRecord {
    int index = 0;
    std::string paramsJson; // the grid point, a JSON object: {"dsp": 300, "seed": 1}
    std::string argsJson; // the task's `dna-cli search` options, a JSON array of strings
    int64_t runId = 0; // the run of its latest attempt; 0 while none started
    std::string claim; // who claimed it ("host:pid"), empty while queued
    std::string claimedAt;
    int attempts = 0;
    std::vector<int64_t> previousRuns; // runs of earlier attempts that did not finish
    /// queued (nobody claimed it), claimed (a worker has it, no run recorded yet), or its run's state as RunInfo shows
    /// it (running, complete, cancelled, failed, interrupted; "deleted" when its run was deleted).
    std::string state;
    bool finished() const { return state == "complete"; }
};

/// A sweep: a grid of searches recorded together (dna-cli sweep).
struct SweepInfo {
    int64_t id = 0;
    std::string name;
    std::string createdAt;
    std::string command; // the command line that made it
    std::string gridJson; // {"axes": {"dsp": [300, 600]}, "seeds": [1, 2]}
    std::string executor; // local or slurm, the latest that ran it
    std::string job; // the executor's id of its latest submission (a Slurm job id, a local process id)
    int tasks = 0; // filled by sweeps()
    int complete = 0;
};

/// The run store, on one of two backends with the same tables and the same behaviour:
/// - an SQLite file (the default; WAL, synchronous=NORMAL, foreign keys on, schema versioned with PRAGMA
///   user_version and forward-only migrations). At most one writer per file across processes (a lock on the
///   database file itself enforces it, whatever name or link the file is opened by); any number of read-only stores
///   read while it writes. Opening as the writer marks runs left `running` by a dead process as `interrupted`.
/// - a PostgreSQL database (`postgresql://` or `postgres://` URI; the password from ~/.pgpass or PGPASSWORD): any
///   number of writers at once, each writing its own runs, readers never blocked. Each writer refreshes a heartbeat
///   on its running runs every 2 s from a thread of its own; a `running` run whose heartbeat is older than 10 s is
///   shown, and then marked, `interrupted`. Schema version in the table dna_schema, migrations under an advisory lock.
/// Every write is one transaction (addCandidates batches many candidates) and keeps everything committed before.
///
/// Thread-safety: one RunStore object per thread. Failures inside a call throw std::runtime_error (StoreError) with
/// a message that names the store and says what to do.
class RunStore {
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 6;
    /// How often a server store's writer refreshes the heartbeat of its running runs, and the age after which a
    /// run's heartbeat is stale (its writer is taken for dead).
    static constexpr int kHeartbeatSeconds = 2;
    static constexpr int kStaleSeconds = 10;

    /// Opens (creating with ReadWrite) and migrates the store at `location`: a file path, or a PostgreSQL URI.
    /// Errors: "bad_path" (empty, a folder, not a regular file; a URI with a password in it), "newer_schema",
    /// "not_a_store", "store_locked" (a file with another writer), "damaged_store" (a file, ReadWrite only),
    /// "old_schema" (ReadOnly), "cannot_open" (includes a server that cannot be reached); nothing is overwritten or
    /// truncated on error. A read-only file store on read-only media is read as immutable.
    static Expected<std::unique_ptr<RunStore>> open(const std::string& location, Mode mode = Mode::ReadWrite);
    /// Whether `location` names a PostgreSQL store (postgresql:// or postgres://) rather than a file.
    static bool isServerLocation(const std::string& location);
    virtual ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    /// The file, or the server's URI without any password: what messages and lists show.
    const std::string& path() const { return m_path; }
    Mode mode() const { return m_mode; }
    /// A PostgreSQL store: several processes on several machines may write it at once.
    virtual bool isServer() const { return false; }
    virtual int schemaVersion() const = 0;
    /// Whether a process is writing the file now (always true for the writer itself). A reader shows a
    /// `running` run of a store without a live writer as interrupted. (Server stores judge each run by its
    /// heartbeat instead: always true.)
    virtual bool writerAlive() const = 0;
    /// What `PRAGMA quick_check` found when the file was opened, empty for a sound store. A damaged file opens
    /// only read-only (the writer is refused with "damaged_store").
    const std::string& damage() const { return m_damage; }
    /// The full check (SQLite's `PRAGMA integrity_check`; a server checks its own pages: empty): every problem
    /// found, empty for a sound store.
    virtual std::vector<std::string> integrityCheck() const = 0;
    /// Runs found `running` without a live writer (and so marked interrupted) when this writer opened the store.
    const std::vector<int64_t>& recoveredRuns() const { return m_recovered; }
    /// A number that changes after any process commits to the store: a viewer polls it and reloads when it moved.
    virtual int64_t changeCounter() const = 0;

    // Writing (ReadWrite only). Each call is one transaction; addCandidates batches many.
    int64_t createRun(const RunInfo& run);
    void setRunState(int64_t runId, RunState state, const std::string& error = {});
    void renameRun(int64_t runId, const std::string& name);
    void deleteRun(int64_t runId); // removes the run with its candidates, mappings, epochs, checkpoints
    /// Undoable delete: the run is hidden from runs() and frontAcross() but keeps everything it has in the store
    /// until purgeTrash(); restoreRun() brings it back unchanged.
    void trashRun(int64_t runId);
    void restoreRun(int64_t runId);
    /// Deletes every trashed run for good (as deleteRun); returns how many.
    int purgeTrash();
    virtual std::vector<int64_t> addCandidates(int64_t runId, const std::vector<CandidateRecord>& candidates,
        const std::vector<std::vector<LayerMappingRecord>>& mappings);
    /// New accuracies of candidates of a run (re-estimates after an epoch): each candidate's accuracy, kind and
    /// estimate epoch change, the history keeps every value; then the run's front flags are recomputed. One
    /// transaction.
    void updateEstimates(int64_t runId, const std::vector<EstimateRecord>& estimates);
    /// A candidate trained from scratch: its test accuracy, the epochs, and where its weights were written; kept
    /// beside its estimate (history row of kind "retrained"). Returns false when no such candidate exists.
    bool setRetrained(int64_t candidateId, double accuracy, int epochs, const std::string& weightsPath);
    void addEpoch(int64_t runId, const EpochRecord& epoch);
    void addCheckpoint(int64_t runId, int epoch, const std::string& path);
    /// Recomputes the on-front flags of a run (accuracy up, the run's objective metric better).
    void updateFront(int64_t runId);
    /// Copies a run of another store (either backend) into this one, in one transaction: its state, times, error and
    /// trash flag, every candidate with its design, mappings and accuracy history, its epochs and checkpoint paths
    /// (the files stay where they are). Returns the new run's id. Candidates get new ids; everything else is equal.
    int64_t copyRunFrom(const RunStore& source, int64_t runId);

    // Sweeps (each call one transaction).
    /// Records a sweep with its tasks (all queued); returns its id.
    int64_t createSweep(const SweepInfo& sweep, const std::vector<SweepTaskRecord>& tasks);
    /// The executor that runs (or re-runs) the sweep and its job id.
    void setSweepJob(int64_t sweepId, const std::string& executor, const std::string& job);
    /// Claims a queued task for `claimant`: true for exactly one caller however many try at once (the claim is one
    /// conditional UPDATE; PostgreSQL locks the row, SQLite the file). False when it was claimed before.
    bool claimTask(int64_t sweepId, int index, const std::string& claimant);
    /// The run of a claimed task's attempt.
    void setTaskRun(int64_t sweepId, int index, int64_t runId);
    /// Re-queues every task that did not finish and is not in progress (queued ones stay queued; a claim without a
    /// run older than kStaleSeconds counts as dead); the runs of those attempts move to previousRuns. Returns the
    /// indices of all queued tasks after it, in order.
    std::vector<int> requeueUnfinished(int64_t sweepId);
    void deleteSweep(int64_t sweepId); // the sweep and its tasks; their runs stay
    /// Copies a sweep of another store into this one (one transaction): its name, time, command, grid, executor and
    /// job, and every task with its options and attempts. `runIds` maps the source's run ids to this store's (the
    /// runs copyRunFrom copied): a task whose latest run was copied keeps its claim and points at the copy; a task
    /// whose run was not copied (or that had none) is queued here, so `dna-cli sweep --resume` can run it. Earlier
    /// attempts' runs are kept where they were copied. Returns the new sweep's id.
    int64_t copySweepFrom(const RunStore& source, int64_t sweepId, const std::map<int64_t, int64_t>& runIds);

    // Reading.
    std::vector<SweepInfo> sweeps() const;
    std::optional<SweepInfo> sweep(int64_t sweepId) const;
    std::vector<SweepTaskRecord> sweepTasks(int64_t sweepId) const;

    /// Runs in id order; trashed ones only with includeTrashed.
    /// Without `withCounts`, RunInfo::candidates is 0: cheap for a viewer that only wants states and names.
    std::vector<RunInfo> runs(bool includeTrashed = false, bool withCounts = true) const;
    /// Any run by id, trashed or not (RunInfo::trashed says which).
    std::optional<RunInfo> run(int64_t runId) const;
    std::vector<CandidateRecord> candidates(int64_t runId, bool frontOnly = false, bool withDesign = false) const;
    std::optional<CandidateRecord> candidate(int64_t candidateId) const;
    /// A run's candidates with ids above `afterId`, in id order: what a viewer has not read yet. (A run has one
    /// writer, whose batches commit in id order, so a later read never finds a smaller id of that run.)
    std::vector<CandidateRecord> candidatesAfter(int64_t runId, int64_t afterId) const;
    /// The newest accuracy-history row of a run's candidates (0: none): where a viewer of the run starts reading.
    int64_t lastEstimateRow(int64_t runId) const;
    /// One row of the accuracy history with its number (the history's order) and the run of its candidate.
    struct EstimateRow {
        int64_t row = 0;
        int64_t runId = 0;
        EstimateRecord estimate;
    };
    /// The accuracy-history rows after row `afterRow`, oldest first; `lastRow` becomes the newest row's number
    /// (unchanged when none; afterRow < 0 reads none and gives the newest row). One run's rows are numbered in the
    /// order its one writer commits them, so a viewer that keeps each run's own last row misses none of that run's;
    /// rows two writers commit in the opposite order of their numbers can pass a mark kept across runs.
    std::vector<EstimateRow> estimatesSince(int64_t afterRow, int64_t& lastRow) const;
    std::vector<LayerMappingRecord> layerMappings(int64_t candidateId) const;
    /// Every accuracy the candidate was given, oldest first (its first estimate included).
    std::vector<EstimateRecord> estimates(int64_t candidateId) const;
    std::vector<EpochRecord> epochs(int64_t runId) const;
    std::vector<std::pair<int, std::string>> checkpoints(int64_t runId) const;
    /// The Pareto front over several runs together (accuracy vs FPS, or the first run's objective). Trashed runs
    /// among runIds are left out unless includeTrashed.
    std::vector<CandidateRecord> frontAcross(const std::vector<int64_t>& runIds, bool includeTrashed = false) const;

protected:
    RunStore(std::unique_ptr<Connection> connection, std::string path, Mode mode);
    Connection& db() const { return *m_db; }
    /// The columns of a run as readRun reads them, ending in "FROM runs r" (a backend adds its own liveness);
    /// without `counts` the candidates column is 0 (counting a large run's candidates is the expensive part).
    virtual std::string runSelect(bool counts = true) const;
    /// After each committed write: a server store advances its change counter.
    virtual void committed() { }
    /// What a backend records of the writer with a new run: columns and values appended to createRun's INSERT
    /// (placeholders from ?8), bound by bindWriter.
    virtual std::pair<std::string, std::string> writerColumns() const { return {}; }
    virtual void bindWriter(Statement&) const { }

    std::unique_ptr<Connection> m_db;
    std::string m_path;
    Mode m_mode;
    std::vector<int64_t> m_recovered;
    std::string m_damage;
};

/// Pareto front of (accuracy maximised, metric maximised or minimised): indices into `points`.
std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& accuracyAndMetric, bool maximiseMetric);

/// The metric of a candidate a front trades against accuracy, by objective name, and whether larger is better.
double frontMetric(const CandidateRecord& c, const std::string& objective);
/// Whether a larger front metric is better for the objective (fps, or none given).
bool frontMaximises(const std::string& objective);

/// The store both dna-explorer and dna-cli use by default: $XDG_DATA_HOME (or ~/.local/share) +
/// "/DnaExplorer/DNA Explorer/runs.sqlite", the same folder as Qt's AppDataLocation for the explorer.
std::string defaultStorePath();

/// A new local file for something of a store's run (a supernet checkpoint, trained weights), named so that no
/// other run or training ever had it (ids are reused after a purge): `<name>-<UTC time to the millisecond><extension>`,
/// for a file store beside the file and prefixed with its stem, for a server store in this machine's data folder
/// (`server-files/<server and database>/` beside defaultStorePath(), created here): the server keeps the path only.
std::string localFileFor(const std::string& location, const std::string& name, const std::string& extension);

/// A store location as messages and lists show it: a server URI without any password in it.
std::string shownLocation(const std::string& location);

/// Current UTC time as ISO 8601.
std::string nowIso8601();

} // namespace dna::store
