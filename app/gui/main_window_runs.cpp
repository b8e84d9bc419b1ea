// The main window's store and search chrome: opening stores (the presenter opens them; the window says what it
// found), launching and relaunching searches, the status bar of the live run, and which tab shows the selection.
// The window is built in main_window.cpp; the runs shown are the RunsPresenter's.
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
#include "runs_presenter.h"
#include "search_controller.h"

#include "accel/platform.h"
#include "hwsearch/objective.h"

#include <QDir>
#include <QFileInfo>
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

store::RunStore* MainWindow::store() const { return m_presenter->store(); }

bool MainWindow::storeReadOnly() const { return m_presenter->readOnly(); }

QString MainWindow::storeFile() const { return m_presenter->location(); }

bool MainWindow::openStore(const QString& path)
{
    if (m_controller->isRunning()) {
        showError(tr("Stop the running search before opening another run store."));
        return store() != nullptr;
    }
    if (m_retrain->isBusy()) {
        showError(tr("Stop the training before opening another run store."));
        return store() != nullptr;
    }
    const bool server = store::RunStore::isServerLocation(path.toStdString());
    const QString absolute = session::RunsPresenter::absoluteLocation(path);
    hideError(); // before the presenter reads the new store: a failure to read it is shown
    const auto opened = m_presenter->open(path);
    if (!opened) {
        showError(server ? tr("Cannot open the run store %1: %2")
                               .arg(QString::fromStdString(store::shownLocation(absolute.toStdString())),
                                   session::ErrorText::message(opened.error()))
                         : tr("Cannot open the run store %1: %2. The file was left as it is.")
                               .arg(QDir::toNativeSeparators(absolute), session::ErrorText::message(opened.error())));
        return store() != nullptr;
    }
    if (opened->alreadyOpen) {
        return true;
    }
    const bool readOnly = opened->readOnly;
    const QString shown = server ? QString::fromStdString(store()->path()) : QFileInfo(absolute).fileName();
    m_storeLabel->setText(tr("Run store: %1%2").arg(shown, readOnly ? tr(" (read-only)") : QString()));
    m_storeLabel->setToolTip(server ? tr("%1 (a shared server store; other programs' runs appear as they write them)")
                                          .arg(QString::fromStdString(store()->path()))
                                    : QDir::toNativeSeparators(absolute));
    addRecentStore(absolute);
    if (!store()->damage().empty()) {
        showError(tr("%1 is damaged (SQLite's check says: %2). It is open read-only and nothing will be written to "
                     "it: export the designs you need, then restore the file from a backup. `dna-cli store check` "
                     "lists every problem.")
                      .arg(QFileInfo(absolute).fileName(), QString::fromStdString(store()->damage())));
    } else if (readOnly) {
        showError(tr("Another program is writing to %1, so it is open read-only: you can browse its runs but not "
                     "start a search in it.")
                      .arg(QFileInfo(absolute).fileName()));
    } else if (!store()->recoveredRuns().empty()) {
        statusBar()->showMessage(
            tr("%n run(s) left running by a program that stopped were marked interrupted; their candidates are kept.",
                nullptr, int(store()->recoveredRuns().size())),
            10000);
    }
    updateActions();
    return true;
}

void MainWindow::showRuns(const QList<qint64>& runIds) { m_presenter->showRuns(runIds); }

void MainWindow::showSweep(qint64 sweepId, bool keepView) { m_presenter->showSweep(sweepId, keepView); }

bool MainWindow::watchingStore() const { return m_presenter->watching(); }

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
    cosearch::setEpochs(r, std::max(2, s.epochs)); // the warm-up scales with them
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
    if (!store() || storeReadOnly()) {
        showError(store() ? tr("This run store is open read-only (another program writes it): open another store "
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

void MainWindow::onRunStarted(qint64 runId)
{
    // Keep every pane's text true while the first epoch trains and nothing is plotted yet.
    m_paretoPlot->setPlaceholderText(tr("Run %1 started: the supernet trains its first epoch; the first candidates "
                                        "appear when it ends")
                                         .arg(runId));
    m_strip->setPlaceholderText(tr("Search running: the probabilities appear here after each epoch"));
    m_progressLabel->setText(tr("Starting run %1…").arg(runId));
    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->show();
    updateActions();
}

void MainWindow::onEpoch(qint64 runId, const cosearch::EpochEvent& epoch)
{
    if (runId != m_presenter->liveRun()) {
        return;
    }
    statusBar()->showMessage(tr("Epoch %1: derived %2, %3 % (shared weights), %4 FPS")
                                 .arg(epoch.epoch + 1)
                                 .arg(QString::fromStdString(epoch.derivedGenotype))
                                 .arg(epoch.valAccuracy * 100, 0, 'f', 1)
                                 .arg(epoch.derivedFps, 0, 'f', 1),
        8000);
}

void MainWindow::onProgress(const session::SearchProgress& p)
{
    if (p.runId != m_presenter->liveRun()) {
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
    const bool failed = state == QLatin1String("failed");
    const QString failure = runId > 0 ? tr("Run %1 failed: %2").arg(runId).arg(message) : message;
    if (failed) {
        showError(failure);
    }
    if (!m_controller->isRunning()) {
        // A run that failed before its first candidates leaves its error where they would have been.
        m_paretoPlot->setPlaceholderText(failed && runId > 0 ? failure : QString());
        m_strip->setPlaceholderText({});
        m_progressBar->hide();
        m_cancelButton->hide();
        if (state == QLatin1String("complete")) {
            m_progressLabel->setText(tr("Run %1 complete.").arg(runId));
        } else if (state == QLatin1String("cancelled")) {
            m_progressLabel->setText(tr("Run %1 stopped; its candidates are kept.").arg(runId));
        } else if (failed) {
            m_progressLabel->setText(tr("Run %1 failed.").arg(runId));
        }
    }
    updateActions();
}

void MainWindow::onSelectionChanged(const QList<qint64>& ids)
{
    m_presenter->selectionChanged(ids); // the inspector, the comparison and the strip show them
    updateActions(); // export and train follow the selection
    if (!m_inspector->errorText().isEmpty()) {
        statusBar()->showMessage(m_inspector->errorText(), 8000);
    }
    if (ids.size() >= 2 && m_compare->hasDesigns()) {
        m_mappingTabs->setCurrentWidget(m_compare);
    } else if (ids.size() == 1) {
        m_mappingTabs->setCurrentWidget(m_inspector);
    }
}

} // namespace dna::app
