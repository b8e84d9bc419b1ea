#pragma once

#include "cosearch/co_search.h"
#include "cosearch/store_recorder.h"
#include "store/run_store.h"

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QThread;
class QTimer;

namespace dna::session {

/// What the status bar shows of a running search.
struct SearchProgress {
    qint64 runId = 0;
    QString phase;
    int epoch = 0;
    int epochs = 0;
    long step = 0;
    long steps = 0;
    double loss = 0;
    double lambda = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;
    int candidates = 0;
};

/// Runs co-searches on a worker thread and brings their events to the GUI thread.
///
/// The worker never touches SQLite: it prepares the store rows of each candidate and leaves them, with epochs and
/// progress, in a buffer that this object (on the GUI thread) drains every 100 ms: it writes the rows in one
/// transaction and emits them with their store ids. The GUI thread never waits on the worker.
///
/// relaunch() while a search runs supersedes it: the running search is cancelled (its run stays in the store as
/// `superseded`), and when its thread has ended the new one starts, warm-started from the old run's supernet
/// checkpoint when the space is the same. When only the hardware changed, the networks already evaluated are
/// re-scored on the new hardware first (marked with epoch -1), so the front moves at once; the NAS then continues.
class SearchController : public QObject {
    Q_OBJECT

public:
    /// Hardware-search evaluations per re-scored network, and how many networks are re-scored at most.
    static constexpr long kRescoreEvaluations = 6000;
    static constexpr size_t kMaxRescored = 32;

    explicit SearchController(QObject* parent = nullptr);
    /// Cancels a running search and waits for its thread (cancellation is checked within a second).
    ~SearchController() override;

    /// The writer store runs are recorded in (owned by the caller, used on this object's thread only). Setting
    /// another store forgets the previous runs' checkpoints and candidates. Refused while a search runs.
    void setStore(store::RunStore* store);
    store::RunStore* store() const { return m_store; }

    bool isRunning() const { return m_thread != nullptr; }
    /// The run whose events are forwarded (the running one, or the last one), 0 before the first.
    qint64 currentRunId() const { return m_runId; }

    /// Starts `request` as a fresh run (cold supernet) named `name`; supersedes a running search.
    void start(const cosearch::SearchRequest& request, const QString& name);
    /// Starts `request` as the continuation of the current/last run: warm-started from its supernet, and with its
    /// networks re-scored first when `hardwareOnly` (only platform, budgets, targets or objective changed).
    void relaunch(const cosearch::SearchRequest& request, const QString& name, bool hardwareOnly);
    /// Cancels the running search (run state `cancelled`); a pending relaunch is dropped.
    void cancel();

signals:
    void runStarted(qint64 runId, const QString& name);
    void progress(const dna::session::SearchProgress& progress);
    /// Recorded candidates of the current run, with their store ids (design JSON dropped).
    void candidatesAdded(qint64 runId, const std::vector<dna::store::CandidateRecord>& candidates);
    /// After an epoch: the architecture probabilities (per layer, per op) and the derived network.
    void epochFinished(qint64 runId, const dna::cosearch::EpochEvent& epoch);
    /// Candidates of the current run estimated again with later weights (already written to the store).
    void estimatesUpdated(qint64 runId, const std::vector<dna::store::EstimateRecord>& estimates);
    /// state: complete, cancelled, failed or superseded; message: the error for failed runs.
    void runEnded(qint64 runId, const QString& state, const QString& message);

private:
    struct Shared; // what the worker and this thread exchange, under a mutex
    struct Launch {
        cosearch::SearchRequest request;
        QString name;
        bool warm = false;
        bool hardwareOnly = false;
    };
    void begin(Launch launch);
    qint64 createRun(const cosearch::SearchRequest& request, const QString& name);
    void drain(); // on this thread: records and forwards what the worker left
    void record();
    void onThreadFinished();

    store::RunStore* m_store = nullptr;
    QThread* m_thread = nullptr;
    QTimer* m_drainTimer = nullptr;
    std::shared_ptr<Shared> m_shared;
    qint64 m_runId = 0;
    QString m_checkpoint; // written by the current run after every epoch
    QString m_warmStart; // the checkpoint the current run started from, if any
    std::unique_ptr<cosearch::StoreRecorder> m_recorder; // records the current run
    cosearch::SearchRequest m_request; // of the current run
    std::vector<cosearch::CandidateEvent> m_events; // of the current run, for re-scoring on a hardware change
    std::vector<size_t> m_searchEvents; // positions in m_events of the candidates the co-search streamed, in its order
    int m_candidates = 0;
    bool m_supersede = false;
    QString m_storeError;
    std::optional<Launch> m_pending;
};

} // namespace dna::session

Q_DECLARE_METATYPE(dna::session::SearchProgress)
