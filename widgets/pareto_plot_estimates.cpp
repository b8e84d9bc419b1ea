// The Pareto plot's accuracies that change after a candidate arrived: re-estimates during a search (points
// move, fronts are recomputed), older estimates drawn as rings, and trainings from scratch drawn as diamonds.
#include "pareto_plot.h"

#include "candidate_selection.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace dna::widgets {

void ParetoPlot::setRetrained(qint64 candidateId, double accuracy)
{
    const auto at = m_pointById.constFind(candidateId);
    if (at == m_pointById.cend()) {
        return;
    }
    m_points[size_t(*at)].record.retrainedAccuracy = accuracy;
    ++m_dataGeneration; // the derived ranges take the diamond in
    scheduleSync();
}

int ParetoPlot::retrainedCount() const
{
    return int(std::count_if(m_points.begin(), m_points.end(),
        [this](const Point& p) { return p.record.retrainedAccuracy >= 0 && plottable(p); }));
}

const ParetoPlot::Derived& ParetoPlot::derived() const
{
    static const std::string supernet = "supernet";
    Derived& d = m_derived;
    if (d.generation != m_dataGeneration || d.upTo > m_points.size()) {
        d = Derived();
        d.generation = m_dataGeneration;
    }
    d.epochRange.resize(m_runs.size(), { std::numeric_limits<int>::max(), -1 });
    for (; d.upTo < m_points.size(); ++d.upTo) {
        const Point& p = m_points[d.upTo];
        if (!plottable(p)) {
            continue;
        }
        d.xLo = std::min(d.xLo, p.x);
        d.xHi = std::max(d.xHi, p.x);
        d.yLo = std::min(d.yLo, p.y);
        d.yHi = std::max(d.yHi, p.y);
        if (p.record.retrainedAccuracy >= 0) { // the diamond of a training from scratch
            d.anyRetrained = true;
            d.yLo = std::min(d.yLo, p.record.retrainedAccuracy * 100.0);
            d.yHi = std::max(d.yHi, p.record.retrainedAccuracy * 100.0);
        }
        if (p.record.valid && p.record.estimateEpoch >= 0 && p.record.accuracyKind == supernet) {
            auto& range = d.epochRange[size_t(p.run)];
            range.first = std::min(range.first, p.record.estimateEpoch);
            range.second = std::max(range.second, p.record.estimateEpoch);
        }
    }
    return d;
}

std::vector<int> ParetoPlot::staleMembers() const
{
    static const std::string supernet = "supernet"; // compared as a string of known length: a million points a sync
    const Derived& d = derived();
    if (std::none_of(d.epochRange.begin(), d.epochRange.end(), [](const auto& r) { return r.first < r.second; })) {
        return {}; // every run's estimates come from one epoch's weights
    }
    std::vector<int> latest(m_runs.size(), -1);
    for (const Point& p : m_points) {
        if (p.record.accuracyKind == supernet) {
            latest[size_t(p.run)] = std::max(latest[size_t(p.run)], p.record.estimateEpoch);
        }
    }
    std::vector<int> stale;
    for (size_t i = 0; i < m_points.size(); ++i) {
        const Point& p = m_points[i];
        if (p.record.valid && plottable(p) && p.record.accuracyKind == supernet && p.record.estimateEpoch >= 0
            && p.record.estimateEpoch < latest[size_t(p.run)]) {
            stale.push_back(int(i));
        }
    }
    return stale;
}

int ParetoPlot::staleCount() const { return int(staleMembers().size()); }

void ParetoPlot::syncRetrainedGraphs()
{
    QVector<double> sx, sy;
    for (int i : staleMembers()) {
        sx.append(m_points[size_t(i)].x);
        sy.append(m_points[size_t(i)].y);
    }
    m_stale->setData(sx, sy); // hollow: the estimate is from older weights than the run's front
    QVector<double> mx, my, lx, ly;
    if (derived().anyRetrained) { // skips a million points when nothing was trained from scratch
        for (const Point& p : m_points) {
            if (p.record.retrainedAccuracy < 0 || !plottable(p)) {
                continue;
            }
            const double y = p.record.retrainedAccuracy * 100.0;
            mx.append(p.x);
            my.append(y);
            // Vertical segments share x, so the points must not be sorted: keep the order given.
            lx << p.x << p.x << p.x;
            ly << p.y << y << std::numeric_limits<double>::quiet_NaN();
        }
    }
    m_retrained->setData(mx, my); // in point order, not sorted by x
    m_retrainLinks->data()->clear();
    for (int i = 0; i < lx.size(); ++i) {
        m_retrainLinks->data()->add(QCPGraphData(lx[i], ly[i]));
    }
}

void ParetoPlot::updateEstimates(const std::vector<store::EstimateRecord>& estimates)
{
    QSet<int> moved;
    for (const auto& e : estimates) {
        const auto at = m_pointById.constFind(e.candidateId);
        if (at == m_pointById.cend()) {
            continue;
        }
        Point& p = m_points[size_t(*at)];
        p.record.accuracy = e.accuracy;
        p.record.accuracyKind = e.kind;
        p.record.estimateEpoch = e.epoch;
        p.y = e.accuracy * 100.0;
        moved.insert(p.run);
    }
    QList<qint64> changedRuns;
    for (int r : std::as_const(moved)) {
        // Accuracies went both ways, so a dominated point may now be on the front: start from every point.
        Run& run = m_runs[size_t(r)];
        std::vector<int> valid;
        for (int i : run.members) {
            if (m_points[size_t(i)].record.valid && plottable(m_points[size_t(i)])) {
                valid.push_back(i);
            }
        }
        run.frontMembers.clear();
        updateFront(run, valid);
        changedRuns.append(run.runId);
    }
    if (moved.isEmpty()) {
        return;
    }
    m_fullDotsRebuild = true; // points already in the dots graphs moved
    ++m_dataGeneration; // and the hover index must find them where they are now
    scheduleSync();
    for (qint64 runId : changedRuns) {
        emit frontChanged(runId, frontIds(runId));
    }
}

} // namespace dna::widgets
