#include "main_window.h"

#include "app_identity.h"
#include "architecture_strip.h"
#include "candidate_selection.h"
#include "candidate_table.h"
#include "design_compare.h"
#include "export_dialog.h"
#include "mapping_inspector.h"
#include "pareto_plot.h"
#include "runs_browser.h"
#include "runs_presenter.h"
#include "search_controller.h"
#include "server_dialog.h"
#include "sweeps_view.h"

#include "accel/platform.h"
#include "hwsearch/objective.h"
#include "workload/search_space.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dna::app {

namespace {

// Bump when the set or placement of docks changes, so an old saved layout is ignored instead of
// restored half-way.
constexpr int kWindowStateVersion = 2;
constexpr int kMaxRecentStores = 8;

QString geometryKey() { return QStringLiteral("mainWindow/geometry"); }
QString stateKey() { return QStringLiteral("mainWindow/state"); }
QString budgetKey() { return QStringLiteral("budget/settings"); }
QString recentKey() { return QStringLiteral("stores/recent"); }
QString lastStoreKey() { return QStringLiteral("stores/last"); }

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_template(cosearch::presetRequest("quick").value())
    , m_controller(new SearchController(this))
    , m_undo(new QUndoStack(this))
    , m_selection(new widgets::CandidateSelection(this))
{
    setWindowTitle(tr("DNA Explorer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dna_explorer.svg")));
    setupCentralWidget();
    setupDocks();
    setupMenus();
    setupStatusBar();
    setupTraining();
    setupPresenter();
    connectViews();
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The controller's destructor cancels and joins a running search; it must go before the store it records in.
    delete m_controller;
    m_controller = nullptr;
    delete m_presenter; // removes the runs deleted in this session for good
    m_presenter = nullptr;
}

bool MainWindow::openInitialStore(const QString& commandLinePath)
{
    if (!commandLinePath.isEmpty()) {
        return openStore(commandLinePath);
    }
    const QSettings settings(organizationName(), applicationName());
    const QString last = settings.value(lastStoreKey()).toString();
    if (!last.isEmpty() && (QFileInfo::exists(last) || store::RunStore::isServerLocation(last.toStdString()))) {
        return openStore(last);
    }
    return openStore(QString::fromStdString(store::defaultStorePath()));
}

// ---- export ---------------------------------------------------------------------------------------------------

void MainWindow::exportSelected()
{
    if (!store()) {
        return;
    }
    ExportDialog dialog(store(), m_selection->ids(), m_table, this);
    dialog.exec();
}

void MainWindow::exportPlot()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"),
        QDir::home().filePath(QStringLiteral("pareto.png")), tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!m_paretoPlot->exportImage(path, &error)) {
        showError(error);
    } else {
        statusBar()->showMessage(tr("Plot written to %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
}

// ---- chrome ---------------------------------------------------------------------------------------------------

QString MainWindow::aboutText() const
{
    const QString paper = QStringLiteral("<a href=\"https://arxiv.org/abs/2010.14778\">DNA: Differentiable "
                                         "Network-Accelerator Co-Search</a> (arXiv 2010.14778)");
    return QStringLiteral("<h3>%1 %2</h3><p>%3</p><p>%4</p><p>%5</p>")
        .arg(tr("DNA Explorer"), applicationVersion(),
            tr("Searches a neural network and the accelerator that runs it together, as proposed in %1, and "
               "shows the trade-off between accuracy and speed.")
                .arg(paper),
            tr("Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later)."),
            tr("Built with Qt %1, running on Qt %2.")
                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

QString MainWindow::errorText() const { return m_errorBanner->isHidden() ? QString() : m_errorLabel->text(); }

void MainWindow::showAbout() { QMessageBox::about(this, tr("About DNA Explorer"), aboutText()); }

void MainWindow::showError(const QString& text)
{
    m_errorLabel->setText(text);
    m_errorBanner->show();
}

void MainWindow::hideError() { m_errorBanner->hide(); }

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    m_controller->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::setupCentralWidget()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Errors are shown inline, above the plot, instead of in modal boxes.
    m_errorBanner = new QFrame(central);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setAutoFillBackground(true);
    QPalette pal = m_errorBanner->palette();
    pal.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
    pal.setColor(QPalette::WindowText, QColor(0x7a, 0x10, 0x10));
    m_errorBanner->setPalette(pal);
    auto* bannerLayout = new QHBoxLayout(m_errorBanner);
    m_errorLabel = new QLabel(m_errorBanner);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(m_errorBanner);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &MainWindow::hideError);
    bannerLayout->addWidget(m_errorLabel, 1);
    bannerLayout->addWidget(close, 0, Qt::AlignTop);
    m_errorBanner->hide();
    layout->addWidget(m_errorBanner);

    m_paretoPlot = new widgets::ParetoPlot(central);
    m_paretoPlot->setSelectionModel(m_selection);
    layout->addWidget(m_paretoPlot, 1);
    setCentralWidget(central);
}

QDockWidget* MainWindow::addDock(
    const QString& objectName, const QString& title, QWidget* widget, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::setupDocks()
{
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_budget = new widgets::BudgetPanel(this);
    m_budget->setUndoStack(m_undo);
    addDock(QStringLiteral("Budget"), tr("Budget"), m_budget, Qt::LeftDockWidgetArea);

    m_runs = new widgets::RunsBrowser(this);
    m_runs->setUndoStack(m_undo);
    QDockWidget* runs = addDock(QStringLiteral("Runs"), tr("Runs"), m_runs, Qt::LeftDockWidgetArea);

    m_sweeps = new widgets::SweepsView(this);
    QDockWidget* sweeps = addDock(QStringLiteral("Sweeps"), tr("Sweeps"), m_sweeps, Qt::LeftDockWidgetArea);
    tabifyDockWidget(runs, sweeps);
    runs->raise();

    m_table = new widgets::CandidateTableView(this);
    m_table->setSelectionModel(m_selection);
    QDockWidget* candidates = addDock(QStringLiteral("Candidates"), tr("Candidates"), m_table, Qt::RightDockWidgetArea);

    m_mappingTabs = new QTabWidget(this);
    m_inspector = new widgets::MappingInspector(m_mappingTabs);
    m_compare = new widgets::DesignCompare(m_mappingTabs);
    m_mappingTabs->addTab(m_inspector, tr("Layers"));
    m_mappingTabs->addTab(m_compare, tr("Compare two"));
    m_mappingTabs->setTabToolTip(1, tr("Select two candidates (Ctrl+click) to compare them layer by layer"));
    QDockWidget* mapping = addDock(QStringLiteral("Mapping"), tr("Mapping"), m_mappingTabs, Qt::RightDockWidgetArea);
    tabifyDockWidget(candidates, mapping);
    candidates->raise();

    m_strip = new widgets::ArchitectureStrip(this);
    addDock(QStringLiteral("Architecture"), tr("Architecture"), m_strip, Qt::BottomDockWidgetArea);
}

void MainWindow::setupMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* open = fileMenu->addAction(tr("&Open Run Store…"), this, &MainWindow::openStoreDialog);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addAction(tr("Connect to &Server…"), this, &MainWindow::connectToServer);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    fileMenu->addSeparator();
    m_exportAction = fileMenu->addAction(tr("&Export Selected…"), this, &MainWindow::exportSelected);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    fileMenu->addAction(tr("Export &Plot…"), this, &MainWindow::exportPlot);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    QMenu* searchMenu = menuBar()->addMenu(tr("&Search"));
    m_startAction = searchMenu->addAction(tr("&Start"), this, &MainWindow::startSearch);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction = searchMenu->addAction(tr("S&top"), this, &MainWindow::stopSearch);
    searchMenu->addSeparator();
    m_trainAction = searchMenu->addAction(tr("&Train from Scratch…"), this, &MainWindow::trainSelected);
    m_trainAction->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_trainAction->setToolTip(tr("Train the selected networks from scratch to check their estimates"));
    // Also on the candidates' and the plot's context menus.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_trainAction);
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : std::as_const(m_docks)) {
        viewMenu->addAction(dock->toggleViewAction());
    }
    viewMenu->addSeparator();
    viewMenu->addAction(tr("Reset &Zoom"), m_paretoPlot, &widgets::ParetoPlot::resetView);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About DNA Explorer"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setupStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 1000);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Stop"));
    m_cancelButton->setToolTip(tr("Stop the search; the candidates found so far are kept"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, &MainWindow::stopSearch);
    // Trainings from scratch (Search > Train from Scratch) have their own progress beside the search's.
    m_trainLabel = new QLabel(this);
    m_trainBar = new QProgressBar(this);
    m_trainBar->setRange(0, 1000);
    m_trainBar->setTextVisible(false);
    m_trainBar->setMaximumWidth(120);
    m_trainCancel = new QToolButton(this);
    m_trainCancel->setText(tr("Stop training"));
    m_trainCancel->setToolTip(tr("Stop the training; the candidates keep their estimates"));
    m_storeLabel = new QLabel(this);
    statusBar()->addWidget(m_progressLabel, 1);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    for (QWidget* w : std::initializer_list<QWidget*> { m_trainLabel, m_trainBar, m_trainCancel }) {
        w->hide();
        statusBar()->addPermanentWidget(w);
    }
    statusBar()->addPermanentWidget(m_storeLabel);
    m_progressLabel->setText(tr("Ready"));
}

void MainWindow::setupPresenter()
{
    // The views that show runs, in the order they are told: the table takes candidates before the plot, whose
    // frontChanged marks them on the table's front.
    m_presenter = new session::RunsPresenter(this);
    m_presenter->setController(m_controller);
    for (session::RunsView* view : std::initializer_list<session::RunsView*> {
             m_selection, m_table, m_paretoPlot, m_strip, m_runs, m_sweeps, m_inspector, m_compare }) {
        m_presenter->addView(view);
    }
    connect(m_presenter, &session::RunsPresenter::failed, this, &MainWindow::showError);
    connect(m_presenter, &session::RunsPresenter::reachabilityChanged, this,
        [this](const QString& message) { message.isEmpty() ? hideError() : showError(message); });
    connect(m_presenter, &session::RunsPresenter::storeClosing, m_undo, &QUndoStack::clear);
}

void MainWindow::connectViews()
{
    connect(m_budget, &widgets::BudgetPanel::budgetCommitted, this, &MainWindow::onBudgetCommitted);
    connect(m_budget, &widgets::BudgetPanel::startRequested, this, &MainWindow::startSearch);
    connect(m_budget, &widgets::BudgetPanel::stopRequested, this, &MainWindow::stopSearch);
    connect(m_controller, &SearchController::runStarted, this, [this](qint64 runId) { onRunStarted(runId); });
    connect(m_controller, &SearchController::epochFinished, this, &MainWindow::onEpoch);
    connect(m_controller, &SearchController::progress, this, &MainWindow::onProgress);
    connect(m_controller, &SearchController::runEnded, this, &MainWindow::onRunEnded);
    connect(m_selection, &widgets::CandidateSelection::changed, this, &MainWindow::onSelectionChanged);
    connect(m_paretoPlot, &widgets::ParetoPlot::frontChanged, this, [this](qint64 runId, const QList<qint64>& ids) {
        // The table's On front is the run's front against the run's own objective (what the store's flags say).
        // The plot's front is against its axis; the two are the same front only when the axis is that objective.
        if (m_paretoPlot->metric() == m_presenter->runObjective(runId, m_paretoPlot->metric())) {
            m_table->model()->setFront(runId, QSet<qint64>(ids.begin(), ids.end()));
        }
    });
    connect(m_runs, &widgets::RunsBrowser::runActivated, this, [this](qint64 id) { showRuns({ id }); });
    connect(m_runs, &widgets::RunsBrowser::compareRequested, this, &MainWindow::showRuns);
    // A run deleted in the browser leaves the views; a renamed one takes its name.
    connect(m_runs, &widgets::RunsBrowser::runsChanged, m_presenter, &session::RunsPresenter::runsEdited);
    connect(m_sweeps, &widgets::SweepsView::sweepActivated, this, [this](qint64 id) { showSweep(id); });
    connect(m_sweeps, &widgets::SweepsView::coloursChanged, this, [this] {
        const auto colours = m_sweeps->runColours();
        for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
            m_paretoPlot->setRunColor(it.key(), it.value());
        }
    });
    connect(m_table, &widgets::CandidateTableView::activated, this, [this](qint64) {
        if (QDockWidget* mapping = findChild<QDockWidget*>(QStringLiteral("Mapping"))) {
            mapping->show();
            mapping->raise();
        }
    });
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    const bool canSearch = store() && !storeReadOnly();
    m_startAction->setEnabled(canSearch && !running);
    m_stopAction->setEnabled(running);
    m_budget->setRunning(running);
    m_exportAction->setEnabled(store() && !m_selection->isEmpty());
    m_trainAction->setEnabled(canSearch && !m_selection->isEmpty());
}

void MainWindow::openStoreDialog()
{
    const QString start = storeFile().isEmpty() ? QDir::homePath() : QFileInfo(storeFile()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open run store"), start,
        tr("Run stores (*.sqlite *.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        openStore(path);
    }
}

void MainWindow::connectToServer()
{
    ServerDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        openStore(dialog.uri());
    }
}

void MainWindow::addRecentStore(const QString& path)
{
    QSettings settings(organizationName(), applicationName());
    QStringList recent = settings.value(recentKey()).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentStores) {
        recent.removeLast();
    }
    settings.setValue(recentKey(), recent);
    settings.setValue(lastStoreKey(), path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QSettings settings(organizationName(), applicationName());
    const QStringList recent = settings.value(recentKey()).toStringList();
    for (const QString& path : recent) {
        const bool server = store::RunStore::isServerLocation(path.toStdString());
        m_recentMenu->addAction(
            server ? path : QDir::toNativeSeparators(path), this, [this, path] { openStore(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    const QSettings settings(organizationName(), applicationName());
    if (!restoreGeometry(settings.value(geometryKey()).toByteArray())) {
        // First start: 1500 x 950, or the screen's free area where that is smaller (a 1366 x 768 laptop), so that
        // the candidates table's right-hand columns are not off the screen.
        QSize size(1500, 950);
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            size = size.boundedTo(screen->availableGeometry().size());
        }
        resize(size);
    }
    if (!restoreState(settings.value(stateKey()).toByteArray(), kWindowStateVersion)) {
        // First start: the plot gets most of the room, the side docks what their content needs. Dock sizes only
        // take once the window is laid out, hence after the event loop has shown it.
        QTimer::singleShot(0, this, [this] {
            QDockWidget* budget = findChild<QDockWidget*>(QStringLiteral("Budget"));
            QDockWidget* runs = findChild<QDockWidget*>(QStringLiteral("Runs"));
            QDockWidget* candidates = findChild<QDockWidget*>(QStringLiteral("Candidates"));
            QDockWidget* architecture = findChild<QDockWidget*>(QStringLiteral("Architecture"));
            resizeDocks({ budget, candidates }, { 300, 500 }, Qt::Horizontal);
            resizeDocks({ budget, runs }, { 420, 300 }, Qt::Vertical);
            resizeDocks({ architecture }, { 240 }, Qt::Vertical);
        });
    }
    const QVariantMap budget = settings.value(budgetKey()).toMap();
    if (!budget.isEmpty()) {
        m_budget->restoreSettings(widgets::BudgetSettings::fromVariant(budget));
    }
    const widgets::BudgetSettings s = m_budget->settings();
    m_paretoPlot->setBudget(s.minFps, s.maxEnergyUj);
    m_paretoPlot->setMetric(widgets::ParetoPlot::metricForObjective(s.objective));
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings(organizationName(), applicationName());
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState(kWindowStateVersion));
    settings.setValue(budgetKey(), m_budget->settings().toVariant());
}

} // namespace dna::app
