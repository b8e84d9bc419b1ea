#pragma once

#include "budget_panel.h"
#include "cosearch/co_search.h"
#include "store/run_store.h"

#include <QList>
#include <QMainWindow>

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

namespace dna::session {
class RetrainQueue;
class RunsPresenter;
class SearchController;
struct SearchProgress;
}

namespace dna::app {

using session::RetrainQueue;
using session::SearchController;

/// The explorer's main window: the Pareto plot in the middle, the budget, runs, candidates, mapping and
/// architecture views in docks around it, one candidate selection shared by all of them, the menus and the status
/// bar. It builds them and wires them: what is shown comes from the RunsPresenter (the run store, the runs shown,
/// the live run), which tells every view that shows runs itself; searches run on the controller's worker thread.
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
    QString storeFile() const;
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
    session::RunsPresenter* presenter() const { return m_presenter; }
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
    void setupPresenter();
    int askTrainingEpochs(int candidates);
    void connectViews();
    void restoreSettings();
    void saveSettings() const;
    QDockWidget* addDock(const QString& objectName, const QString& title, QWidget* widget, Qt::DockWidgetArea area);
    void addRecentStore(const QString& path);
    void updateRecentMenu();
    void openStoreDialog();
    void connectToServer();
    void exportSelected();
    void exportPlot();
    void onBudgetCommitted(const widgets::BudgetSettings& now, const widgets::BudgetSettings& before);
    void onRunStarted(qint64 runId);
    void onEpoch(qint64 runId, const cosearch::EpochEvent& epoch);
    void onProgress(const session::SearchProgress& progress);
    void onRunEnded(qint64 runId, const QString& state, const QString& message);
    void onSelectionChanged(const QList<qint64>& ids);
    QString runName(const widgets::BudgetSettings& settings) const;
    void updateActions();

    /// The open store, or null.
    store::RunStore* store() const;
    bool storeReadOnly() const;

    cosearch::SearchRequest m_template;
    SearchController* m_controller = nullptr;
    session::RunsPresenter* m_presenter = nullptr;
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
};

} // namespace dna::app
