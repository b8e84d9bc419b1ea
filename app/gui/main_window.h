#pragma once

#include "budget_panel.h"
#include "cosearch/co_search.h"
#include "hwsearch/objective.h"
#include "store/run_store.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QSet>

#include <memory>

class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;
class QUndoStack;

namespace dna::widgets {
class ArchitectureStrip;
class CandidateSelection;
class CandidateTableView;
class DesignCompare;
class MappingInspector;
class ParetoPlot;
class RunsBrowser;
class SweepsView;
}

namespace dna::app {

class RetrainQueue;
class SearchController;
struct SearchProgress;

/// The explorer's main window: the Pareto plot in the middle, the budget, runs, candidates, mapping and
/// architecture views in docks around it, one candidate selection shared by all of them.
///
/// The window owns the run store (the writer, on this thread) and the search controller; searches run on the
/// controller's worker thread and arrive here as queued signals, so the window never waits on them.
class StoreWatcher;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens (creating it if needed) the run store at `path` (a file, or a postgresql:// URI) and shows its newest
    /// run. A file another process writes is opened read-only (browsing works, searching does not); a corrupt or newer
    /// store is reported in the window and left untouched. A server store, or a file another process writes, is
    /// watched: runs other programs write appear, and their fronts move, as they commit. Returns whether a store is
    /// open afterwards.
    bool openStore(const QString& path);
    QString storeFile() const { return m_storeFile; }
    /// At start-up: the store named on the command line, else the last one used, else the default store
    /// ($XDG_DATA_HOME/DnaExplorer/DNA Explorer/runs.sqlite).
    bool openInitialStore(const QString& commandLinePath);
    /// Kept for the command line: same as openStore().
    void setStoreFile(const QString& path) { openStore(path); }

    /// The request the budget panel's settings are applied to (dataset, space, schedule). Default: the
    /// `quick` preset. Tests pass a small request on synthetic data.
    void setRequestTemplate(const cosearch::SearchRequest& request) { m_template = request; }
    cosearch::SearchRequest requestFor(const widgets::BudgetSettings& settings) const;

    /// Rich text of the About box: name, version, what the program does, licence, Qt version.
    QString aboutText() const;
    /// The error banner's text (empty when hidden).
    QString errorText() const;

    SearchController* controller() const { return m_controller; }
    RetrainQueue* retrainQueue() const { return m_retrain; }
    /// Tests: train with this many epochs without asking (0: ask in a dialog).
    void setTrainingEpochsOverride(int epochs) { m_trainingEpochsOverride = epochs; }
    widgets::BudgetPanel* budgetPanel() const { return m_budget; }
    widgets::ParetoPlot* paretoPlot() const { return m_paretoPlot; }
    widgets::CandidateTableView* candidateTable() const { return m_table; }
    widgets::CandidateSelection* selection() const { return m_selection; }
    widgets::MappingInspector* mappingInspector() const { return m_inspector; }
    widgets::RunsBrowser* runsBrowser() const { return m_runs; }
    widgets::SweepsView* sweepsView() const { return m_sweeps; }
    QUndoStack* undoStack() const { return m_undo; }
    /// Whether the window follows changes other programs make to its store.
    bool watchingStore() const;

public slots:
    void showAbout();
    void startSearch();
    void stopSearch();
    /// Trains the selected candidates from scratch in the background (asks for the epochs).
    void trainSelected();
    /// Shows these stored runs in the plot and the table (several: overlaid, with a legend).
    void showRuns(const QList<qint64>& runIds);
    /// Shows the runs of a sweep, coloured by the sweep view's grid axis (and keeps showing its new runs).
    void showSweep(qint64 sweepId, bool keepView = false);
    void showError(const QString& text);
    void hideError();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setupCentralWidget();
    void setupDocks();
    void setupMenus();
    void setupStatusBar();
    void setupTraining();
    int askTrainingEpochs(int candidates);
    void connectViews();
    void restoreSettings();
    void saveSettings() const;
    QDockWidget* addDock(const QString& objectName, const QString& title, QWidget* widget, Qt::DockWidgetArea area);
    /// Removes the runs deleted in the runs browser for good (their undo steps are gone).
    void purgeTrash();
    void addRecentStore(const QString& path);
    void updateRecentMenu();
    void openStoreDialog();
    void connectToServer();
    /// Another program committed to the store: the runs list and the shown runs read again (the view and the
    /// selection kept).
    void refreshFromStore();
    void exportSelected();
    void exportPlot();
    void onBudgetCommitted(const widgets::BudgetSettings& now, const widgets::BudgetSettings& before);
    void onRunStarted(qint64 runId, const QString& name);
    void onCandidatesAdded(qint64 runId, const std::vector<store::CandidateRecord>& candidates);
    void onEpoch(qint64 runId, const cosearch::EpochEvent& epoch);
    void onProgress(const SearchProgress& progress);
    void onRunEnded(qint64 runId, const QString& state, const QString& message);
    void onSelectionChanged(const QList<qint64>& ids);
    void showSelected(const QList<qint64>& ids);
    void loadRuns(const QList<qint64>& runIds, bool keepView = false);
    /// The objective a run's front trades against accuracy (the store's runs.objective), or the plot's metric
    /// for a run the store does not know.
    hwsearch::Objective runObjective(qint64 runId);
    void reloadRunsBrowser();
    void reloadSweeps();
    /// What other writers added to the shown runs since they were read: new candidates, new estimates and
    /// trainings (only the new rows are read).
    void appendFromStore();
    /// Adds a run to those shown, with all its candidates (the others stay).
    void addShownRun(qint64 runId);
    /// New accuracy-history rows of shown candidates into the table and the plot (those from `firstFresh` on were
    /// just read with their latest accuracy).
    void applyHistory(const std::vector<store::EstimateRecord>& history, qint64 firstFresh);
    void loadArchitectureHistory(qint64 runId);
    void setOpNamesFor(const QString& space);
    QString runName(const widgets::BudgetSettings& settings) const;
    void updateActions();

    std::unique_ptr<store::RunStore> m_store;
    QString m_storeFile;
    bool m_storeReadOnly = false;
    StoreWatcher* m_watcher = nullptr;
    cosearch::SearchRequest m_template;
    SearchController* m_controller = nullptr;
    QUndoStack* m_undo = nullptr;
    widgets::CandidateSelection* m_selection = nullptr;

    QFrame* m_errorBanner = nullptr;
    QLabel* m_errorLabel = nullptr;
    widgets::ParetoPlot* m_paretoPlot = nullptr;
    widgets::BudgetPanel* m_budget = nullptr;
    widgets::RunsBrowser* m_runs = nullptr;
    widgets::SweepsView* m_sweeps = nullptr;
    widgets::CandidateTableView* m_table = nullptr;
    QTabWidget* m_mappingTabs = nullptr;
    widgets::MappingInspector* m_inspector = nullptr;
    widgets::DesignCompare* m_compare = nullptr;
    widgets::ArchitectureStrip* m_strip = nullptr;
    QList<QDockWidget*> m_docks;
    QMenu* m_recentMenu = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_trainAction = nullptr;
    RetrainQueue* m_retrain = nullptr;
    int m_trainingEpochsOverride = 0;
    QLabel* m_trainLabel = nullptr;
    QProgressBar* m_trainBar = nullptr;
    QToolButton* m_trainCancel = nullptr;

    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QLabel* m_storeLabel = nullptr;

    QSet<qint64> m_shownRuns; // runs whose candidates are in the plot and the table
    QHash<qint64, hwsearch::Objective> m_runObjectives; // cache of runObjective: a run's objective never changes
    QHash<qint64, qint64> m_seenCandidate; // per shown run, the largest candidate id read from the store
    QHash<qint64, qint64> m_seenEstimate; // per shown run, the newest accuracy-history row read
    QSet<qint64> m_runningAtLastLook; // runs that were running when the store was last read
    int64_t m_seenEstimateAnywhere = -1; // the newest accuracy-history row of the store read (-1: not yet)
    qint64 m_shownSweep = 0; // the sweep whose runs are shown, 0 if none
    QHash<qint64, std::vector<store::CandidateRecord>> m_sweepFronts; // its runs' fronts as last read
    qint64 m_liveRun = 0; // the run the controller is streaming, 0 if none
    qint64 m_stripRun = 0; // the run whose probabilities the architecture heat map shows
};

} // namespace dna::app
