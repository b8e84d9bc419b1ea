#pragma once

#include "runs_view.h"

#include "cosearch/co_search.h"
#include "hwsearch/objective.h"
#include "store/run_store.h"
#include "util/expected.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace dna::session {

class SearchController;
class StoreWatcher;

/// Which runs the explorer shows, and the store they come from. It owns the run store, decides which runs are
/// shown (runs chosen by the user, a sweep's runs, the live run of the search controller), reads them, follows what
/// other writers and the live search add, and pushes all of it to the registered views (RunsView). QtCore only:
/// tests drive it without widgets.
class RunsPresenter : public QObject {
    Q_OBJECT

public:
    explicit RunsPresenter(QObject* parent = nullptr);
    /// Removes the runs deleted in this session for good (see purgeTrash).
    ~RunsPresenter() override;

    /// A view to tell; views are told in the order they were added and must outlive the presenter.
    void addView(RunsView* view);
    /// The search controller whose live run is shown as it runs; its store is set on every open (null while the
    /// store is read-only).
    void setController(SearchController* controller);

    /// What opening found besides the store itself.
    struct Opened {
        bool readOnly = false; // another process writes the file, or it is damaged: browse only
        bool watched = false; // other writers are followed (a server store, or a file another process writes)
        bool alreadyOpen = false; // the store open already: nothing changed
    };
    /// Opens the run store at `location` (a file, created when missing, or a postgresql:// URI) and shows its newest
    /// run. A file another process writes, or a damaged one, opens read-only. On failure nothing changes and the
    /// error is returned (store codes: cannot_open, not_a_store, newer_schema and the others of RunStore::open).
    [[nodiscard]] Expected<Opened> open(const QString& location);
    /// How open() names a location: a server URI as given, a file by its absolute path.
    static QString absoluteLocation(const QString& location);
    store::RunStore* store() const { return m_store.get(); }
    /// The store's location as opened: an absolute file path or the URI.
    QString location() const { return m_location; }
    bool readOnly() const { return m_readOnly; }
    /// Whether changes other programs make to the store are followed.
    bool watching() const;

    /// Shows these runs (several: overlaid), replacing those shown.
    void showRuns(const QList<qint64>& runIds);
    /// Shows the runs of a sweep, and keeps showing its new runs (`keepView`: following the sweep shown).
    void showSweep(qint64 sweepId, bool keepView = false);
    bool isShown(qint64 runId) const { return m_shownRuns.contains(runId); }
    QList<qint64> shownRuns() const;
    qint64 shownSweep() const { return m_shownSweep; }
    /// The run the controller streams, 0 if none.
    qint64 liveRun() const { return m_liveRun; }
    /// The objective a run's front trades against accuracy (the store's runs.objective), or `fallback` for a run
    /// the store does not know.
    hwsearch::Objective runObjective(qint64 runId, hwsearch::Objective fallback);

    /// Another program committed to the store: the lists and the shown runs are read again, only what is new.
    void refresh();
    /// The runs list was edited here (runs deleted, restored or renamed): deleted runs leave the views and shown
    /// runs take their new names.
    void runsEdited();
    /// Records a training from scratch on a candidate and shows it where its run is shown. Errors: no_candidate,
    /// or the store's failure.
    [[nodiscard]] std::optional<Error> recordRetrained(
        qint64 candidateId, double accuracy, int epochs, const QString& weightsPath);
    /// The user selected these candidates (in selection order): the views are told what to show in detail.
    void selectionChanged(const QList<qint64>& candidateIds);
    /// Removes the runs deleted in the runs browser for good, with their checkpoints and trained weights (their undo
    /// steps must be gone).
    void purgeTrash();

signals:
    /// The store is about to close (another opens): whatever refers to its runs (undo steps) must go now; the runs
    /// deleted in it are purged next.
    void storeClosing();
    /// Reading the store failed (a server gone, a damaged file); what is shown stays. The message is translated.
    void failed(const QString& message);
    /// The store could not be reached (a translated message), or is reachable again (empty).
    void reachabilityChanged(const QString& message);

private:
    template <class F> void tell(F&& f);
    /// Runs a read of the store; a failure is reported through `failed` and what is shown stays.
    template <class F> void reading(F&& f);
    void readFailed(const std::exception& e);
    void closeStore();
    void clearShown();
    void loadRuns(const QList<qint64>& runIds, bool keepView);
    /// Shows run `runId` in the views; returns the candidates it read for them.
    std::vector<store::CandidateRecord> addShownRun(qint64 runId);
    /// What the views say of run `runId` when it has nothing to plot (RunsView::setEmptyNote), from the candidates
    /// addShownRun read.
    QString emptyNote(qint64 runId, const std::vector<store::CandidateRecord>& candidates) const;
    void appendFromStore();
    void applyHistory(const std::vector<store::EstimateRecord>& history, qint64 firstFresh);
    void showSearchHistory(qint64 runId);
    QStringList opNamesOf(const store::RunInfo& run) const;
    /// The objective of a run read from the store (remembered: a run's objective never changes).
    hwsearch::Objective objectiveOf(const store::RunInfo& run);
    void reloadSweeps();
    bool liveRunStreaming(qint64 runId) const;

    void onRunStarted(qint64 runId, const QString& name);
    void onCandidatesAdded(qint64 runId, const std::vector<store::CandidateRecord>& candidates);
    void onEstimatesUpdated(qint64 runId, const std::vector<store::EstimateRecord>& estimates);
    void onEpoch(qint64 runId, const cosearch::EpochEvent& epoch);
    void onRunEnded();

    std::vector<RunsView*> m_views;
    SearchController* m_controller = nullptr;
    StoreWatcher* m_watcher = nullptr;
    std::unique_ptr<store::RunStore> m_store;
    QString m_location;
    bool m_readOnly = false;

    QSet<qint64> m_shownRuns; // runs whose candidates the views show
    QHash<qint64, hwsearch::Objective> m_runObjectives; // cache of runObjective: a run's objective never changes
    QHash<qint64, qint64> m_seenCandidate; // per shown run, the largest candidate id read from the store
    QHash<qint64, qint64> m_seenEstimate; // per shown run, the newest accuracy-history row read
    QSet<qint64> m_runningAtLastLook; // runs that were running when the store was last read
    int64_t m_seenEstimateAnywhere = -1; // the newest accuracy-history row of the store read (-1: not yet)
    qint64 m_shownSweep = 0; // the sweep whose runs are shown, 0 if none
    QHash<qint64, std::vector<store::CandidateRecord>> m_sweepFronts; // its runs' fronts as last read
    qint64 m_liveRun = 0; // the run the controller streams, 0 if none
    qint64 m_historyRun = 0; // the run whose search history the views show
};

} // namespace dna::session
