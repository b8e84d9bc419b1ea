#pragma once

#include "util/expected.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace dna::store {

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

/// The run store: one SQLite file (WAL, synchronous=NORMAL, foreign keys on, schema versioned with
/// PRAGMA user_version and forward-only migrations).
///
/// Thread-safety: one RunStore object per thread. At most one writer per file across processes (a lock on the
/// database file itself enforces it, whatever name or link the file is opened by); any number of read-only stores may
/// read while it writes, each read seeing a committed snapshot. Opening as the writer marks runs left `running` by a
/// dead process as `interrupted`, keeping everything they committed.
class RunStore {
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 5;

    /// Opens (creating with ReadWrite) and migrates. Errors: "bad_path" (empty, a folder, not a regular file),
    /// "newer_schema", "not_a_store", "store_locked", "damaged_store" (ReadWrite only), "cannot_open"; the file is
    /// never overwritten or truncated on error. A read-only store on read-only media is read as immutable.
    static Expected<std::unique_ptr<RunStore>> open(const std::string& path, Mode mode = Mode::ReadWrite);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    const std::string& path() const { return m_path; }
    Mode mode() const { return m_mode; }
    int schemaVersion() const;
    /// Whether a process is writing the file now (always true for the writer itself). A reader shows a
    /// `running` run of a store without a live writer as interrupted.
    bool writerAlive() const;
    /// What `PRAGMA quick_check` found when the file was opened, empty for a sound file. A damaged file opens
    /// only read-only (the writer is refused with "damaged_store").
    const std::string& damage() const { return m_damage; }
    /// The full check (`PRAGMA integrity_check`): every problem found, empty for a sound file. Reads every page.
    std::vector<std::string> integrityCheck() const;
    /// Runs found `running` (and so marked interrupted) when this writer opened the file.
    const std::vector<int64_t>& recoveredRuns() const { return m_recovered; }

    // Writing (ReadWrite only). Each call is one transaction; addCandidates batches many.
    int64_t createRun(const RunInfo& run);
    void setRunState(int64_t runId, RunState state, const std::string& error = {});
    void renameRun(int64_t runId, const std::string& name);
    void deleteRun(int64_t runId); // removes the run with its candidates, mappings, epochs, checkpoints
    /// Undoable delete: the run is hidden from runs() and frontAcross() but keeps everything it has in the file
    /// until purgeTrash(); restoreRun() brings it back unchanged.
    void trashRun(int64_t runId);
    void restoreRun(int64_t runId);
    /// Deletes every trashed run for good (as deleteRun); returns how many.
    int purgeTrash();
    std::vector<int64_t> addCandidates(int64_t runId, const std::vector<CandidateRecord>& candidates,
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

    // Reading.
    /// Runs in id order; trashed ones only with includeTrashed.
    std::vector<RunInfo> runs(bool includeTrashed = false) const;
    /// Any run by id, trashed or not (RunInfo::trashed says which).
    std::optional<RunInfo> run(int64_t runId) const;
    std::vector<CandidateRecord> candidates(int64_t runId, bool frontOnly = false, bool withDesign = false) const;
    std::optional<CandidateRecord> candidate(int64_t candidateId) const;
    std::vector<LayerMappingRecord> layerMappings(int64_t candidateId) const;
    /// Every accuracy the candidate was given, oldest first (its first estimate included).
    std::vector<EstimateRecord> estimates(int64_t candidateId) const;
    std::vector<EpochRecord> epochs(int64_t runId) const;
    std::vector<std::pair<int, std::string>> checkpoints(int64_t runId) const;
    /// The Pareto front over several runs together (accuracy vs FPS, or the first run's objective). Trashed runs
    /// among runIds are left out unless includeTrashed.
    std::vector<CandidateRecord> frontAcross(const std::vector<int64_t>& runIds, bool includeTrashed = false) const;

private:
    RunStore(sqlite3* db, std::string path, Mode mode, uint64_t fileDev, uint64_t fileIno);
    void recoverInterrupted();

    sqlite3* m_db = nullptr;
    std::string m_path;
    Mode m_mode;
    uint64_t m_fileDev = 0; // the file's device and inode: this process's descriptors of it are shared per file
    uint64_t m_fileIno = 0;
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

/// Current UTC time as ISO 8601.
std::string nowIso8601();

} // namespace dna::store
