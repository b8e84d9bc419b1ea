// The main window's store and search handling: opening stores, showing runs, launching and relaunching
// searches, and following the controller's events into the views. The window is built in main_window.cpp.
#include "error_text.h"
#include "main_window.h"

#include "architecture_strip.h"
#include "candidate_selection.h"
#include "candidate_table.h"
#include "design_compare.h"
#include "mapping_inspector.h"
#include "pareto_plot.h"
#include "retrain_queue.h"
#include "runs_browser.h"
#include "search_controller.h"
#include "store_watcher.h"

#include "accel/platform.h"
#include "hwsearch/objective.h"
#include "workload/search_space.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace dna::app {

namespace {

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

void MainWindow::purgeTrash()
{
    if (!m_store || m_storeReadOnly) {
        return;
    }
    try {
        // Their supernet checkpoints and retrained weights go with them.
        for (const auto& run : m_store->runs(true)) {
            if (run.trashed) {
                for (const auto& [epoch, file] : m_store->checkpoints(run.id)) {
                    QFile::remove(QString::fromStdString(file));
                }
                for (const auto& c : m_store->candidates(run.id)) {
                    if (!c.weightsPath.empty()) {
                        QFile::remove(QString::fromStdString(c.weightsPath));
                    }
                }
            }
        }
        m_store->purgeTrash();
    } catch (const std::exception& e) {
        // The deleted runs stay hidden in the file; nothing the user can see is lost.
        qWarning("could not purge deleted runs: %s", e.what());
    }
}

bool MainWindow::openStore(const QString& path)
{
    if (m_controller->isRunning()) {
        showError(tr("Stop the running search before opening another run store."));
        return m_store != nullptr;
    }
    if (m_retrain->isBusy()) {
        showError(tr("Stop the training before opening another run store."));
        return m_store != nullptr;
    }
    const bool server = store::RunStore::isServerLocation(path.toStdString());
    const QString absolute = server ? path : QFileInfo(path).absoluteFilePath();
    if (m_store && absolute == m_storeFile) {
        return true; // already open (a second open of our own file would find it locked, by us)
    }
    auto opened = store::RunStore::open(absolute.toStdString());
    bool readOnly = false;
    if (!opened && (opened.error().code == ErrorCode::StoreLocked || opened.error().code == ErrorCode::DamagedStore)) {
        // Another process (dna-cli search, another window) writes it, or it is damaged: browse it read-only.
        opened = store::RunStore::open(absolute.toStdString(), store::RunStore::Mode::ReadOnly);
        readOnly = true;
    }
    if (!opened) {
        showError(server ? tr("Cannot open the run store %1: %2")
                               .arg(QString::fromStdString(store::shownLocation(absolute.toStdString())),
                                   widgets::ErrorText::message(opened.error()))
                         : tr("Cannot open the run store %1: %2. The file was left as it is.")
                               .arg(QDir::toNativeSeparators(absolute), widgets::ErrorText::message(opened.error())));
        return m_store != nullptr;
    }
    // Views drop what they show of the old store before it closes.
    m_selection->clear();
    m_paretoPlot->clearCandidates();
    m_table->model()->clear();
    m_shownRuns.clear();
    m_runObjectives.clear(); // run ids belong to a store
    m_liveRun = 0;
    m_controller->setStore(nullptr);
    m_runs->setStore(nullptr);
    m_watcher->watch({});
    m_undo->clear(); // the commands refer to the old store's runs
    purgeTrash(); // runs deleted in the old store can no longer be restored: remove them for good
    m_store = std::move(opened).value();
    m_storeFile = absolute;
    m_storeReadOnly = readOnly;
    m_controller->setStore(readOnly ? nullptr : m_store.get());
    m_runs->setStore(m_store.get());
    m_shownSweep = 0;
    m_paretoPlot->clearRunColors();
    reloadSweeps();
    const QString shown = server ? QString::fromStdString(m_store->path()) : QFileInfo(absolute).fileName();
    m_storeLabel->setText(tr("Run store: %1%2").arg(shown, readOnly ? tr(" (read-only)") : QString()));
    m_storeLabel->setToolTip(server ? tr("%1 (a shared server store; other programs' runs appear as they write them)")
                                          .arg(QString::fromStdString(m_store->path()))
                                    : QDir::toNativeSeparators(absolute));
    if (server || readOnly) {
        m_watcher->watch(absolute); // the window is not the only writer: follow the others
    }
    addRecentStore(absolute);
    hideError();
    if (!m_store->damage().empty()) {
        showError(tr("%1 is damaged (SQLite's check says: %2). It is open read-only and nothing will be written to "
                     "it: export the designs you need, then restore the file from a backup. `dna-cli store check` "
                     "lists every problem.")
                      .arg(QFileInfo(absolute).fileName(), QString::fromStdString(m_store->damage())));
    } else if (readOnly) {
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

void MainWindow::showRuns(const QList<qint64>& runIds)
{
    if (!m_store) {
        return;
    }
    m_shownSweep = 0;
    m_paretoPlot->clearRunColors(); // runs shown by themselves take the qualitative palette again
    try {
        loadRuns(runIds);
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool MainWindow::watchingStore() const { return m_watcher->isWatching(); }

void MainWindow::refreshFromStore()
{
    if (!m_store) {
        return;
    }
    try {
        m_runs->refreshChanged(); // the rows that changed, not every run again
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
    reloadSweeps();
    if (m_shownSweep) {
        showSweep(m_shownSweep, true); // its new runs join, its fronts move
        return;
    }
    if (m_shownRuns.isEmpty()) {
        return;
    }
    try {
        appendFromStore(); // only the rows added since the last read: cheap however many are shown
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::loadRuns(const QList<qint64>& runIds, bool keepView)
{
    m_selection->clear();
    m_paretoPlot->clearCandidates();
    m_table->model()->clear();
    m_shownRuns.clear();
    m_seenCandidate.clear();
    m_seenEstimate.clear();
    m_seenEstimateAnywhere = -1;
    m_runningAtLastLook.clear();
    // The plot's metric first: the fronts (and the table's on-front flags, which follow the plot's
    // frontChanged) are computed against it.
    for (qint64 id : runIds) {
        if (const auto run = m_store->run(id)) {
            m_paretoPlot->setMetric(widgets::ParetoPlot::metricForObjective(QString::fromStdString(run->objective)));
            break;
        }
    }
    for (qint64 id : runIds) {
        const auto run = m_store->run(id);
        if (!run) {
            continue;
        }
        addShownRun(id);
    }
    if (!keepView) {
        m_paretoPlot->resetView();
    }
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
    hwsearch::parseAlgo(s.hwAlgo.toStdString(), r.hwAlgo);
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
    // Keep every pane's text true while the first epoch trains and nothing is plotted yet.
    m_paretoPlot->setPlaceholderText(tr("Run %1 started: the supernet trains its first epoch; the first candidates "
                                        "appear when it ends")
                                         .arg(runId));
    m_strip->setPlaceholderText(tr("Search running: the probabilities appear here after each epoch"));
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
    m_table->model()->appendCandidates(candidates);
    m_paretoPlot->addCandidates(candidates); // its frontChanged updates the table's on-front flags
    for (const auto& c : candidates) {
        m_seenCandidate[runId] = std::max<qint64>(m_seenCandidate.value(runId), c.id);
    }
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
    // step and steps count over the whole run.
    const double done = p.steps > 0 ? std::clamp(double(p.step) / double(p.steps), 0.0, 1.0) : 0.0;
    m_progressBar->setValue(int(std::lround(done * 1000)));
    if (p.epoch == 0 && p.candidates == 0 && p.step > 0 && p.epochs > 0) {
        // The first epoch's end, from the pace so far: when the first candidates appear.
        const double stepsPerEpoch = double(p.steps) / p.epochs;
        const double left = p.elapsedSeconds / double(p.step) * std::max(0.0, stepsPerEpoch - double(p.step));
        m_paretoPlot->setPlaceholderText(tr("Run %1, %2 of epoch 1 (%3): the first candidates appear when it ends, "
                                            "in about %4")
                                             .arg(p.runId)
                                             .arg(QStringLiteral("%1 %").arg(int(100 * p.step / stepsPerEpoch)))
                                             .arg(p.phase)
                                             .arg(formatDuration(left)));
    }
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
        m_paretoPlot->setPlaceholderText({});
        m_strip->setPlaceholderText({});
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
    if (!m_inspector->setCandidate(*current, &error, m_store->layerMappings(current->id))) {
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

hwsearch::Objective MainWindow::runObjective(qint64 runId)
{
    if (const auto it = m_runObjectives.constFind(runId); it != m_runObjectives.cend()) {
        return *it;
    }
    if (const auto run = m_store ? m_store->run(runId) : std::nullopt) {
        const hwsearch::Objective o = widgets::ParetoPlot::metricForObjective(QString::fromStdString(run->objective));
        m_runObjectives.insert(runId, o);
        return o;
    }
    return m_paretoPlot->metric();
}

} // namespace dna::app
