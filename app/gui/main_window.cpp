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
#include "search_controller.h"

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

QString formatDuration(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds)) {
        return QStringLiteral("?");
    }
    const int s = int(std::lround(seconds));
    return s >= 60 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1 s").arg(s);
}

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
    connectViews();
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The controller's destructor cancels and joins a running search; it must go before the store it records in.
    delete m_controller;
    m_controller = nullptr;
    purgeTrash();
}

void MainWindow::purgeTrash()
{
    if (!m_store || m_storeReadOnly) {
        return;
    }
    try {
        // Their supernet checkpoints go with them.
        for (const auto& run : m_store->runs(true)) {
            if (run.trashed) {
                for (const auto& [epoch, file] : m_store->checkpoints(run.id)) {
                    QFile::remove(QString::fromStdString(file));
                }
            }
        }
        m_store->purgeTrash();
    } catch (const std::exception& e) {
        // The deleted runs stay hidden in the file; nothing the user can see is lost.
        qWarning("could not purge deleted runs: %s", e.what());
    }
}

// ---- store --------------------------------------------------------------------------------------------------

bool MainWindow::openStore(const QString& path)
{
    if (m_controller->isRunning()) {
        showError(tr("Stop the running search before opening another run store."));
        return m_store != nullptr;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_store && absolute == m_storeFile) {
        return true; // already open (a second open of our own file would find it locked, by us)
    }
    QDir().mkpath(QFileInfo(absolute).absolutePath());
    auto opened = store::RunStore::open(absolute.toStdString());
    bool readOnly = false;
    if (!opened && opened.error().code == "store_locked") {
        // Another process (dna-cli search, another window) writes it: browse it read-only.
        opened = store::RunStore::open(absolute.toStdString(), store::RunStore::Mode::ReadOnly);
        readOnly = true;
    }
    if (!opened) {
        showError(tr("Cannot open the run store %1: %2. The file was left as it is.")
                      .arg(QDir::toNativeSeparators(absolute), QString::fromStdString(opened.error().detail)));
        return m_store != nullptr;
    }
    // Views drop what they show of the old store before it closes.
    m_selection->clear();
    m_paretoPlot->clearCandidates();
    m_table->model()->clear();
    m_shownRuns.clear();
    m_liveRun = 0;
    m_controller->setStore(nullptr);
    m_runs->setStore(nullptr);
    m_undo->clear(); // the commands refer to the old store's runs
    purgeTrash(); // runs deleted in the old store can no longer be restored: remove them for good
    m_store = std::move(opened).value();
    m_storeFile = absolute;
    m_storeReadOnly = readOnly;
    m_controller->setStore(readOnly ? nullptr : m_store.get());
    m_runs->setStore(m_store.get());
    m_storeLabel->setText(
        tr("Run store: %1%2").arg(QFileInfo(absolute).fileName(), readOnly ? tr(" (read-only)") : QString()));
    m_storeLabel->setToolTip(QDir::toNativeSeparators(absolute));
    addRecentStore(absolute);
    hideError();
    if (readOnly) {
        showError(tr("Another program is writing to %1, so it is open read-only: you can browse its runs but not "
                     "start a search in it.")
                      .arg(QFileInfo(absolute).fileName()));
    } else if (!m_store->recoveredRuns().empty()) {
        statusBar()->showMessage(
            tr("%n run(s) left running by a program that stopped were marked interrupted; their candidates are kept.",
                nullptr, int(m_store->recoveredRuns().size())),
            10000);
    }
    const auto runs = m_store->runs();
    if (!runs.empty()) {
        showRuns({ runs.back().id });
    }
    updateActions();
    return true;
}

bool MainWindow::openInitialStore(const QString& commandLinePath)
{
    if (!commandLinePath.isEmpty()) {
        return openStore(commandLinePath);
    }
    const QSettings settings(organizationName(), applicationName());
    const QString last = settings.value(lastStoreKey()).toString();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        return openStore(last);
    }
    return openStore(QString::fromStdString(store::defaultStorePath()));
}

void MainWindow::showRuns(const QList<qint64>& runIds)
{
    if (!m_store) {
        return;
    }
    try {
        loadRuns(runIds);
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::loadRuns(const QList<qint64>& runIds)
{
    m_selection->clear();
    m_paretoPlot->clearCandidates();
    m_table->model()->clear();
    m_shownRuns.clear();
    QString objective;
    for (qint64 id : runIds) {
        const auto run = m_store->run(id);
        if (!run) {
            continue;
        }
        m_shownRuns.insert(id);
        objective = QString::fromStdString(run->objective);
        m_paretoPlot->setRunName(id, QString::fromStdString(run->name));
        const auto candidates = m_store->candidates(id);
        m_paretoPlot->addCandidates(candidates);
        m_table->model()->appendCandidates(candidates);
        const QList<qint64> front = m_paretoPlot->frontIds(id);
        m_table->model()->setFront(id, QSet<qint64>(front.begin(), front.end()));
    }
    if (!objective.isEmpty()) {
        m_paretoPlot->setMetric(widgets::ParetoPlot::metricForObjective(objective));
    }
    m_paretoPlot->resetView();
    if (runIds.size() == 1) {
        loadArchitectureHistory(runIds.front());
    } else {
        m_strip->clearHistory(); // the heat map shows one run's search
        m_stripRun = 0;
    }
    m_runs->selectRuns(runIds);
}

void MainWindow::reloadRunsBrowser()
{
    try {
        m_runs->reload();
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::loadArchitectureHistory(qint64 runId)
{
    m_strip->clearHistory();
    m_stripRun = runId;
    const auto run = m_store ? m_store->run(runId) : std::nullopt;
    if (!run) {
        return;
    }
    const QJsonObject request = QJsonDocument::fromJson(QByteArray::fromStdString(run->requestJson)).object();
    setOpNamesFor(request.value(QStringLiteral("space")).toString());
    for (const auto& epoch : m_store->epochs(runId)) {
        const QJsonObject metrics = QJsonDocument::fromJson(QByteArray::fromStdString(epoch.metricsJson)).object();
        std::vector<std::vector<double>> probabilities;
        for (const auto& layer : metrics.value(QStringLiteral("probabilities")).toArray()) {
            std::vector<double> row;
            for (const auto& p : layer.toArray()) {
                row.push_back(p.toDouble());
            }
            probabilities.push_back(std::move(row));
        }
        if (!probabilities.empty()) {
            m_strip->appendEpoch(epoch.epoch, probabilities);
        }
    }
}

void MainWindow::setOpNamesFor(const QString& space)
{
    const workload::SearchSpace* s = workload::findSearchSpace(space.toStdString());
    QStringList names;
    if (s) {
        for (const auto& op : s->ops) {
            names.append(QString::fromStdString(op.name));
        }
    }
    m_strip->setOpNames(names);
}

// ---- searching ------------------------------------------------------------------------------------------------

cosearch::SearchRequest MainWindow::requestFor(const widgets::BudgetSettings& s) const
{
    cosearch::SearchRequest r = m_template;
    if (const accel::Platform* p = accel::findPlatform(s.platform.toStdString())) {
        r.platform = *p;
    }
    if (r.platform.target == accel::Target::Fpga) {
        r.platform.budget.dsp = s.dsp > 0 ? s.dsp : r.platform.budget.dsp;
        r.platform.budget.bram18 = s.bram18 > 0 ? s.bram18 : r.platform.budget.bram18;
    } else {
        r.platform.budget.pes = s.pes > 0 ? s.pes : r.platform.budget.pes;
        r.platform.budget.gbBytes = s.gbKiB > 0 ? int64_t(s.gbKiB) * 1024 : r.platform.budget.gbBytes;
    }
    r.targets.minFps = s.minFps;
    r.targets.maxEnergyUj = s.maxEnergyUj;
    r.lambda = s.lambda;
    r.epochs = std::max(2, s.epochs);
    r.warmupEpochs = std::min(r.warmupEpochs, r.epochs - 1);
    hwsearch::parseObjective(s.objective.toStdString(), r.objective);
    return r;
}

QString MainWindow::runName(const widgets::BudgetSettings& s) const
{
    const QString budget
        = s.isFpga() ? tr("%1 DSP, %2 BRAM18").arg(s.dsp).arg(s.bram18) : tr("%1 PEs, %2 KiB").arg(s.pes).arg(s.gbKiB);
    QString name = tr("%1 on %2 (%3)").arg(QString::fromStdString(m_template.space), s.platform, budget);
    if (s.minFps > 0) {
        name += tr(", ≥ %1 FPS").arg(s.minFps);
    }
    if (s.maxEnergyUj > 0) {
        name += tr(", ≤ %1 µJ").arg(s.maxEnergyUj);
    }
    return name;
}

void MainWindow::startSearch()
{
    if (!m_store || m_storeReadOnly) {
        showError(m_store ? tr("This run store is open read-only (another program writes it): open another store "
                               "with File > Open to search.")
                          : tr("No run store is open: choose one with File > Open."));
        return;
    }
    hideError();
    const widgets::BudgetSettings s = m_budget->settings();
    m_controller->start(requestFor(s), runName(s));
    updateActions();
}

void MainWindow::stopSearch()
{
    m_controller->cancel();
    m_progressLabel->setText(tr("Stopping…"));
}

void MainWindow::onBudgetCommitted(const widgets::BudgetSettings& now, const widgets::BudgetSettings& before)
{
    m_paretoPlot->setBudget(now.minFps, now.maxEnergyUj);
    m_paretoPlot->setMetric(widgets::ParetoPlot::metricForObjective(now.objective));
    if (!m_controller->isRunning()) {
        // Nothing to relaunch: the budget applies to the next search.
        statusBar()->showMessage(tr("Budget changed: start a search (Ctrl+R) to search under it."), 6000);
        return;
    }
    // A budget edit during a search relaunches it: warm-started from the supernet so far, and when only the
    // hardware changed, the networks already evaluated are re-scored first so the front moves at once.
    hideError();
    m_controller->relaunch(requestFor(now), runName(now), now.hardwareOnlyChange(before));
    updateActions();
}

void MainWindow::onRunStarted(qint64 runId, const QString& name)
{
    // The previous live run leaves the views unless the user is comparing it.
    if (m_liveRun != 0 && m_shownRuns.contains(m_liveRun) && m_shownRuns.size() == 1) {
        m_selection->clear();
        m_paretoPlot->removeRun(m_liveRun);
        m_table->model()->removeRun(m_liveRun);
        m_shownRuns.remove(m_liveRun);
    } else if (m_liveRun == 0 || !m_shownRuns.contains(m_liveRun)) {
        m_selection->clear();
        m_paretoPlot->clearCandidates();
        m_table->model()->clear();
        m_shownRuns.clear();
    }
    m_liveRun = runId;
    m_shownRuns.insert(runId);
    m_paretoPlot->setRunName(runId, name);
    m_paretoPlot->resetView();
    m_strip->clearHistory();
    m_stripRun = runId;
    setOpNamesFor(QString::fromStdString(m_template.space));
    m_progressLabel->setText(tr("Starting run %1…").arg(runId));
    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->show();
    reloadRunsBrowser();
    m_runs->selectRuns({ runId });
    updateActions();
}

void MainWindow::onCandidatesAdded(qint64 runId, const std::vector<store::CandidateRecord>& candidates)
{
    if (!m_shownRuns.contains(runId)) {
        return;
    }
    m_paretoPlot->addCandidates(candidates);
    m_table->model()->appendCandidates(candidates);
    const QList<qint64> front = m_paretoPlot->frontIds(runId);
    m_table->model()->setFront(runId, QSet<qint64>(front.begin(), front.end()));
}

void MainWindow::onEpoch(qint64 runId, const cosearch::EpochEvent& epoch)
{
    if (runId != m_liveRun) {
        return;
    }
    if (m_stripRun == runId) {
        m_strip->appendEpoch(epoch.epoch, epoch.probabilities);
    }
    statusBar()->showMessage(tr("Epoch %1: derived %2, %3 % (shared weights), %4 FPS")
                                 .arg(epoch.epoch + 1)
                                 .arg(QString::fromStdString(epoch.derivedGenotype))
                                 .arg(epoch.valAccuracy * 100, 0, 'f', 1)
                                 .arg(epoch.derivedFps, 0, 'f', 1),
        8000);
}

void MainWindow::onProgress(const SearchProgress& p)
{
    if (p.runId != m_liveRun) {
        return;
    }
    const double epochFraction = p.steps > 0 ? double(p.step) / double(p.steps) : 0.0;
    const double done = p.epochs > 0 ? std::clamp((p.epoch + epochFraction) / p.epochs, 0.0, 1.0) : 0.0;
    m_progressBar->setValue(int(std::lround(done * 1000)));
    m_progressLabel->setText(
        tr("Run %1 · %2 · epoch %3/%4 · loss %5 · λ %6 · %n candidate(s) · ETA %7", nullptr, p.candidates)
            .arg(p.runId)
            .arg(p.phase)
            .arg(std::min(p.epoch + 1, p.epochs))
            .arg(p.epochs)
            .arg(p.loss, 0, 'f', 3)
            .arg(p.lambda, 0, 'f', 3)
            .arg(formatDuration(p.etaSeconds)));
}

void MainWindow::onRunEnded(qint64 runId, const QString& state, const QString& message)
{
    if (state == QLatin1String("failed")) {
        showError(runId > 0 ? tr("Run %1 failed: %2").arg(runId).arg(message) : message);
    }
    if (!m_controller->isRunning()) {
        m_progressBar->hide();
        m_cancelButton->hide();
        if (state == QLatin1String("complete")) {
            m_progressLabel->setText(tr("Run %1 complete.").arg(runId));
        } else if (state == QLatin1String("cancelled")) {
            m_progressLabel->setText(tr("Run %1 stopped; its candidates are kept.").arg(runId));
        } else if (state == QLatin1String("failed")) {
            m_progressLabel->setText(tr("Run %1 failed.").arg(runId));
        }
    }
    reloadRunsBrowser();
    updateActions();
}

void MainWindow::onSelectionChanged(const QList<qint64>& ids)
{
    try {
        showSelected(ids);
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::showSelected(const QList<qint64>& ids)
{
    m_exportAction->setEnabled(m_store && !ids.isEmpty());
    if (!m_store || ids.isEmpty()) {
        m_inspector->clear();
        m_strip->clearGenotype();
        m_compare->clear();
        return;
    }
    const auto current = m_store->candidate(ids.last());
    if (!current) {
        m_inspector->clear();
        return;
    }
    QString error;
    if (!m_inspector->setCandidate(*current, &error)) {
        statusBar()->showMessage(error, 8000);
    }
    m_strip->setGenotype(QString::fromStdString(current->genotype));
    if (ids.size() >= 2) {
        const auto other = m_store->candidate(ids.at(ids.size() - 2));
        if (other && m_compare->setDesigns(*other, *current, &error)) {
            m_mappingTabs->setCurrentWidget(m_compare);
        }
    } else {
        m_compare->clear();
        m_mappingTabs->setCurrentWidget(m_inspector);
    }
}

// ---- export ---------------------------------------------------------------------------------------------------

void MainWindow::exportSelected()
{
    if (!m_store) {
        return;
    }
    ExportDialog dialog(m_store.get(), m_selection->ids(), m_table->proxy(), this);
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
    addDock(QStringLiteral("Runs"), tr("Runs"), m_runs, Qt::LeftDockWidgetArea);

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
    m_storeLabel = new QLabel(this);
    statusBar()->addWidget(m_progressLabel, 1);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_storeLabel);
    m_progressLabel->setText(tr("Ready"));
}

void MainWindow::connectViews()
{
    connect(m_budget, &widgets::BudgetPanel::budgetCommitted, this, &MainWindow::onBudgetCommitted);
    connect(m_budget, &widgets::BudgetPanel::startRequested, this, &MainWindow::startSearch);
    connect(m_budget, &widgets::BudgetPanel::stopRequested, this, &MainWindow::stopSearch);
    connect(m_controller, &SearchController::runStarted, this, &MainWindow::onRunStarted);
    connect(m_controller, &SearchController::candidatesAdded, this, &MainWindow::onCandidatesAdded);
    connect(m_controller, &SearchController::epochFinished, this, &MainWindow::onEpoch);
    connect(m_controller, &SearchController::progress, this, &MainWindow::onProgress);
    connect(m_controller, &SearchController::runEnded, this, &MainWindow::onRunEnded);
    connect(m_selection, &widgets::CandidateSelection::changed, this, &MainWindow::onSelectionChanged);
    connect(m_runs, &widgets::RunsBrowser::runActivated, this, [this](qint64 id) { showRuns({ id }); });
    connect(m_runs, &widgets::RunsBrowser::compareRequested, this, &MainWindow::showRuns);
    connect(m_runs, &widgets::RunsBrowser::runsChanged, this, [this] {
        // A run deleted in the browser leaves the plot and the table; a restored one comes back when opened.
        if (!m_store) {
            return;
        }
        try {
            QSet<qint64> listed;
            for (const auto& r : m_store->runs()) {
                listed.insert(r.id);
                m_paretoPlot->setRunName(r.id, QString::fromStdString(r.name));
            }
            const QSet<qint64> shown = m_shownRuns;
            for (qint64 id : shown) {
                if (!listed.contains(id)) {
                    m_selection->clear();
                    m_paretoPlot->removeRun(id);
                    m_table->model()->removeRun(id);
                    m_shownRuns.remove(id);
                }
            }
        } catch (const std::exception& e) {
            showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
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
    const bool canSearch = m_store && !m_storeReadOnly;
    m_startAction->setEnabled(canSearch && !running);
    m_stopAction->setEnabled(running);
    m_budget->setRunning(running);
    m_exportAction->setEnabled(m_store && !m_selection->isEmpty());
}

void MainWindow::openStoreDialog()
{
    const QString start = m_storeFile.isEmpty() ? QDir::homePath() : QFileInfo(m_storeFile).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open run store"), start,
        tr("Run stores (*.sqlite *.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        openStore(path);
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
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openStore(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    const QSettings settings(organizationName(), applicationName());
    if (!restoreGeometry(settings.value(geometryKey()).toByteArray())) {
        resize(1500, 950);
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
