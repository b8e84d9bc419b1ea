// The Pareto plot's runs: which are shown, their names and colours, their fronts; removing runs and clearing.
#include "pareto_plot.h"

#include "candidate_selection.h"
#include "dot_cloud.h"

#include <QHash>

#include <algorithm>

namespace dna::widgets {

void ParetoPlot::clearCandidates()
{
    for (Run& run : m_runs) {
        removeGraph(run.dots);
        removeGraph(run.front);
    }
    m_runs.clear();
    m_points.clear();
    m_pointById.clear();
    m_invalid->data()->clear();
    m_cloud->clear();
    ++m_dataGeneration;
    m_autoRange = true;
    scheduleSync();
}

void ParetoPlot::removeRun(qint64 runId)
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(), [runId](const Run& r) { return r.runId == runId; });
    if (it == m_runs.end()) {
        return;
    }
    removeGraph(it->dots);
    removeGraph(it->front);
    m_runs.erase(it);
    rebuildAfterRemoval();
}

void ParetoPlot::rebuildAfterRemoval()
{
    std::vector<Point> kept;
    kept.reserve(m_points.size());
    QHash<qint64, int> runOf;
    for (size_t r = 0; r < m_runs.size(); ++r) {
        runOf.insert(m_runs[r].runId, int(r));
        m_runs[r].members.clear();
        m_runs[r].frontMembers.clear();
        m_runs[r].dotsSynced = 0;
    }
    m_pointById.clear();
    std::vector<std::vector<int>> valid(m_runs.size());
    for (Point& p : m_points) {
        const auto r = runOf.constFind(p.record.runId);
        if (r == runOf.constEnd()) {
            continue;
        }
        p.run = *r;
        const int index = int(kept.size());
        m_pointById.insert(p.record.id, index);
        m_runs[size_t(p.run)].members.push_back(index);
        if (p.record.valid && plottable(p)) {
            valid[size_t(p.run)].push_back(index);
        }
        kept.push_back(std::move(p));
    }
    m_points = std::move(kept);
    for (size_t r = 0; r < m_runs.size(); ++r) {
        updateFront(m_runs[r], valid[r]);
    }
    m_fullDotsRebuild = true;
    ++m_dataGeneration;
    scheduleSync();
}

void ParetoPlot::setRunName(qint64 runId, const QString& name)
{
    m_runNames.insert(runId, name);
    for (Run& run : m_runs) {
        if (run.runId == runId) {
            run.front->setName(name);
            replot(rpQueuedReplot);
        }
    }
}

QColor ParetoPlot::runColor(qint64 runId) const
{
    for (const Run& run : m_runs) {
        if (run.runId == runId) {
            return run.colour;
        }
    }
    return {};
}

QList<qint64> ParetoPlot::runIds() const
{
    QList<qint64> ids;
    for (const Run& run : m_runs) {
        ids.append(run.runId);
    }
    return ids;
}

QList<qint64> ParetoPlot::frontIds(qint64 runId) const
{
    QList<qint64> ids;
    for (const Run& run : m_runs) {
        if (run.runId == runId) {
            for (int i : run.frontMembers) {
                ids.append(m_points[size_t(i)].record.id);
            }
        }
    }
    return ids;
}

void ParetoPlot::setRunColor(qint64 runId, const QColor& colour)
{
    m_runColours.insert(runId, colour);
    for (Run& run : m_runs) {
        if (run.runId == runId && run.colour != colour) {
            run.colour = colour;
            run.front->setPen(QPen(colour, 2));
            run.front->setScatterStyle(frontScatter(colour, !m_detailed));
            m_fullDotsRebuild = true; // the dots take the paler shade of the new colour
            scheduleSync();
        }
    }
}

void ParetoPlot::clearRunColors() { m_runColours.clear(); }

void ParetoPlot::clearRuns()
{
    clearCandidates();
    clearRunColors(); // runs shown next take the qualitative palette unless a sweep colours them
}

void ParetoPlot::setRetrained(const store::CandidateRecord& candidate)
{
    setRetrained(candidate.id, candidate.retrainedAccuracy);
}

void ParetoPlot::runsShown(const QList<qint64>& /*runIds*/, bool keepView)
{
    if (!keepView) {
        resetView();
    }
}

void ParetoPlot::setEmptyNote(const QString& note) { setPlaceholderText(note); }

} // namespace dna::widgets
