// The main window following its store: the Sweeps dock (choosing a sweep shows its runs in the plot and the table,
// coloured by a grid axis, and follows them while the sweep runs), and the rows other writers add to the shown runs,
// read incrementally.
#include "main_window.h"

#include "candidate_selection.h"
#include "candidate_table.h"
#include "search_controller.h"
#include "pareto_plot.h"
#include "sweeps_view.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace dna::app {

void MainWindow::reloadSweeps()
{
    if (!m_store) {
        m_sweeps->setSweeps({});
        return;
    }
    try {
        m_sweeps->setSweeps(m_store->sweeps());
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::showSweep(qint64 sweepId, bool keepView)
{
    if (!m_store) {
        return;
    }
    try {
        if (sweepId != m_shownSweep || !keepView) {
            m_sweepFronts.clear();
        }
        std::vector<widgets::SweepTaskFront> tasks;
        QList<qint64> runIds;
        for (const auto& t : m_store->sweepTasks(sweepId)) {
            widgets::SweepTaskFront f;
            f.index = t.index;
            f.runId = t.runId;
            f.state = QString::fromStdString(t.state);
            const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(t.paramsJson)).object();
            for (auto it = params.begin(); it != params.end(); ++it) {
                f.params[it.key()] = it.value().toVariant();
            }
            if (t.runId) {
                runIds << t.runId;
                // A finished run's front does not move: read once per sweep shown.
                auto cached = m_sweepFronts.find(t.runId);
                if (sweepId != m_shownSweep || cached == m_sweepFronts.end() || t.state == "running"
                    || m_runningAtLastLook.contains(t.runId)) {
                    cached = m_sweepFronts.insert(t.runId, m_store->candidates(t.runId, true));
                }
                f.front = *cached;
            }
            tasks.push_back(std::move(f));
        }
        m_sweeps->setTasks(sweepId, tasks);
        const auto colours = m_sweeps->runColours();
        const bool following = keepView && sweepId == m_shownSweep;
        if (!following) {
            m_paretoPlot->clearRunColors();
        }
        for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
            m_paretoPlot->setRunColor(it.key(), it.value());
        }
        if (!following) {
            loadRuns(runIds, keepView);
            m_shownSweep = sweepId;
            return;
        }
        // The sweep shown already: its new tasks' runs join, the others get their new rows.
        appendFromStore();
        for (qint64 id : runIds) {
            if (!m_shownRuns.contains(id)) {
                addShownRun(id);
            }
        }
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::addShownRun(qint64 runId)
{
    const auto run = m_store->run(runId);
    if (!run) {
        return;
    }
    m_shownRuns.insert(runId);
    if (run->state == store::RunState::Running) {
        m_runningAtLastLook.insert(runId);
    }
    m_paretoPlot->setRunName(runId, QString::fromStdString(run->name));
    if (m_seenEstimateAnywhere < 0) {
        m_store->estimatesSince(-1, m_seenEstimateAnywhere);
    }
    m_seenEstimate[runId] = m_store->lastEstimateRow(runId); // before the candidates: a later row is read again
    const auto candidates = m_store->candidates(runId);
    m_seenCandidate[runId] = candidates.empty() ? 0 : candidates.back().id;
    m_table->model()->appendCandidates(candidates);
    m_paretoPlot->addCandidates(candidates);
}

void MainWindow::appendFromStore()
{
    // Only running runs get new candidates (and a run that was running at the last look: its last batch and its
    // end may both have come since): the rows after the last read of each. The accuracy history is read once, from
    // the oldest mark any run needs: a running run's own last row, and for finished runs (a training from scratch,
    // a rare re-estimate) the newest row read before.
    QSet<qint64> running;
    for (const auto& r : m_store->runs(false, false)) {
        if (r.state == store::RunState::Running) {
            running.insert(r.id);
        }
    }
    const QSet<qint64> wasRunning = m_runningAtLastLook;
    m_runningAtLastLook = running;
    QHash<qint64, qint64> firstFresh; // per followed run, its first candidate read just now
    // (Before the first read of finished runs' history there is no mark for them: that read only takes the newest.)
    constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
    int64_t from = m_seenEstimateAnywhere < 0 ? kNone : m_seenEstimateAnywhere;
    for (qint64 id : QList<qint64>(m_shownRuns.begin(), m_shownRuns.end())) {
        if ((id == m_liveRun && m_controller->isRunning()) || (!running.contains(id) && !wasRunning.contains(id))) {
            continue; // our own live run reaches the views through the controller; finished runs get no candidates
        }
        const auto fresh = m_store->candidatesAfter(id, m_seenCandidate.value(id));
        firstFresh.insert(id, fresh.empty() ? std::numeric_limits<qint64>::max() : fresh.front().id);
        if (!fresh.empty()) {
            m_seenCandidate[id] = fresh.back().id;
            m_table->model()->appendCandidates(fresh);
            m_paretoPlot->addCandidates(fresh); // its frontChanged updates the table's on-front flags
        }
        from = std::min<int64_t>(from, m_seenEstimate.value(id));
    }
    if (from == kNone) {
        from = -1;
    }
    int64_t newest = from;
    const auto history = m_store->estimatesSince(from, newest);
    std::vector<store::EstimateRecord> settled;
    QHash<qint64, std::vector<store::EstimateRecord>> followed;
    for (const auto& h : history) {
        if (!m_shownRuns.contains(h.runId)) {
            continue;
        }
        if (firstFresh.contains(h.runId)) {
            if (h.row > m_seenEstimate.value(h.runId)) {
                followed[h.runId].push_back(h.estimate);
                m_seenEstimate[h.runId] = h.row; // only this run's rows move its mark
            }
        } else if (m_seenEstimateAnywhere >= 0 && h.row > m_seenEstimateAnywhere
            && !(h.runId == m_liveRun && m_controller->isRunning())) {
            settled.push_back(h.estimate);
        }
    }
    m_seenEstimateAnywhere = std::max(m_seenEstimateAnywhere, newest);
    applyHistory(settled, std::numeric_limits<qint64>::max());
    for (auto it = followed.cbegin(); it != followed.cend(); ++it) {
        applyHistory(it.value(), firstFresh.value(it.key()));
    }
}

void MainWindow::applyHistory(const std::vector<store::EstimateRecord>& history, qint64 firstFresh)
{
    std::vector<store::EstimateRecord> estimates;
    for (const auto& e : history) {
        if (e.candidateId >= firstFresh) {
            continue; // read just now with its latest accuracy
        }
        if (e.kind == "retrained") {
            if (const auto c = m_store->candidate(e.candidateId)) {
                m_table->model()->appendCandidates({ *c }); // updates the row in place
                m_paretoPlot->setRetrained(e.candidateId, e.accuracy);
            }
        } else {
            estimates.push_back(e);
        }
    }
    if (!estimates.empty()) {
        m_table->model()->updateEstimates(estimates);
        m_paretoPlot->updateEstimates(estimates);
    }
}

} // namespace dna::app
