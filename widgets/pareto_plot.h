#pragma once

#include "runs_view.h"

#include "hwsearch/objective.h"
#include "store/run_store.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <qcustomplot.h>

#include <vector>

namespace dna::widgets {

class CandidateSelection;
class DotCloud;

/// The metric a Pareto plot trades against accuracy (its x axis): one of the objective table's rows.
using ParetoMetric = hwsearch::Objective;

/// Accuracy versus a hardware metric of the candidates searches evaluate, live while they run. Several runs can
/// be shown at once (one colour each, with a legend). Per run, the dominated and the invalid candidates are
/// cheap dots and the Pareto front (valid candidates only) is a staircase with discs. Until candidates arrive it
/// shows its labelled axes and a hint in the middle of the plot.
///
/// Mouse: hover shows a card for the nearest candidate; click selects it (Ctrl+click toggles it, a click on
/// empty space clears the selection); Shift+drag selects the candidates in a rubber band (Ctrl+drag adds them);
/// plain drag pans, the wheel zooms, a double-click resets the view.
class ParetoPlot : public QCustomPlot, public session::RunsView {
    Q_OBJECT

public:
    explicit ParetoPlot(QWidget* parent = nullptr);
    ~ParetoPlot() override;

    /// The hint shown in the middle of the empty plot.
    QString placeholderText() const;
    /// What the empty plot says (default: start a search); an empty text restores the default.
    void setPlaceholderText(const QString& text);

    void setMetric(ParetoMetric metric);
    ParetoMetric metric() const { return m_metric; }
    /// The metric for a run objective name (fps, latency, energy, edp; anything else is FPS).
    static ParetoMetric metricForObjective(const QString& objective);

    /// The shared selection: selected candidates are drawn ringed, and clicks and rubber bands change it.
    void setSelectionModel(CandidateSelection* selection);
    CandidateSelection* selectionModel() const { return m_selection; }

    /// Appends candidates (of any runs); cheap enough for many calls a second, the plot redraws at most every
    /// few tens of milliseconds. A candidate id already shown is ignored.
    void addCandidates(const std::vector<store::CandidateRecord>& candidates) override;
    /// New accuracies of shown candidates (re-estimates during a search): the points move, the fronts are
    /// computed again.
    void updateEstimates(const std::vector<store::EstimateRecord>& estimates) override;
    /// A shown candidate was trained from scratch: its test accuracy is drawn as a second marker (a diamond)
    /// joined to its estimate by a line. The estimate stays where it is; the fronts do not change.
    void setRetrained(qint64 candidateId, double accuracy);
    /// How many shown candidates have a retrained marker.
    int retrainedCount() const;
    /// How many shown candidates are drawn hollow: supernet estimates from older weights than the newest estimate
    /// of their run (the search re-estimates the front after every epoch, not the points behind it).
    int staleCount() const;
    void clearCandidates();
    void removeRun(qint64 runId) override;
    /// The name shown in the legend and the hover card (default "Run <id>").
    void setRunName(qint64 runId, const QString& name) override;
    QColor runColor(qint64 runId) const;
    /// A colour of the caller's for a run (a sweep colours its runs by a grid axis), kept for the run while it is
    /// shown and when it is shown again, until clearRunColors(); otherwise runs take the qualitative palette.
    void setRunColor(qint64 runId, const QColor& colour);
    void clearRunColors();

    // What the presenter says (session::RunsView): runs cleared (their colours too), a retrained candidate, the
    // objective as the axis, a fresh view of runs just chosen.
    void clearRuns() override;
    void setRetrained(const store::CandidateRecord& candidate) override;
    void setObjective(hwsearch::Objective objective) override { setMetric(objective); }
    void runsShown(const QList<qint64>& runIds, bool keepView) override;
    void setEmptyNote(const QString& note) override;

    /// A minimum throughput and a maximum energy per inference (uJ), 0 for none, drawn as dashed lines when
    /// the axis shows that metric (the FPS minimum appears as a latency maximum on the latency axis).
    void setBudget(double minFps, double maxEnergyUj);

    /// Writes the plot at its current size: PNG or PDF by the file suffix.
    bool exportImage(const QString& path, QString* error = nullptr);

    int candidateCount() const { return int(m_points.size()); }
    /// Whether changes wait for the next (rate-limited) replot.
    bool syncPending() const { return m_syncTimer.isActive(); }
    QList<qint64> runIds() const;
    /// The ids on a run's Pareto front for the current metric, in increasing metric order.
    QList<qint64> frontIds(qint64 runId) const;
    /// The selected candidates the plot currently draws highlighted.
    QList<qint64> highlightedIds() const { return m_highlighted; }
    /// The candidate drawn nearest to a widget pixel within maxDistancePx, or -1. Uses the axes as last laid
    /// out (by a replot); a grid over the pixels makes it cheap at tens of thousands of candidates.
    qint64 candidateAt(const QPoint& pixel, double maxDistancePx = 6.0) const;
    /// The text of the hover card for a candidate (rich text), empty for an unknown id.
    QString cardText(qint64 candidateId) const;

signals:
    /// A run's Pareto front changed (new candidates joined it, or the metric changed): its ids, as frontIds().
    void frontChanged(qint64 runId, const QList<qint64>& ids);

public slots:
    /// Rescales the axes to the data (and the budget lines) and keeps following new data.
    void resetView();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Point {
        store::CandidateRecord record; // without designJson
        double x = 0; // the metric, <= 0 when it cannot be drawn on the log axis
        double y = 0; // accuracy in percent
        int run = 0; // index into m_runs
    };
    struct Run {
        qint64 runId = 0;
        int colourIndex = 0;
        QColor colour;
        QCPGraph* dots = nullptr;
        QCPGraph* front = nullptr;
        std::vector<int> members; // indices into m_points
        std::vector<int> frontMembers;
        size_t dotsSynced = 0; // members already in the dots graph
    };
    struct PixelIndex;

    /// A front's disc in a run colour: a vector circle, or (`fast`, for large data sets) a pixmap of it.
    static QCPScatterStyle frontScatter(const QColor& colour, bool fast);
    void setupAxes();
    void setupPlaceholder();
    void setupLayersAndGraphs();
    void applyMetricToAxes();
    int runIndex(qint64 runId);
    Run makeRun(qint64 runId);
    bool updateFront(Run& run, const std::vector<int>& newMembers); // whether the front changed
    void rebuildAfterRemoval();
    void scheduleSync();
    void syncPlot(bool replotNow = false);
    void syncRunGraphs();
    void applyScatterDetail();
    void syncSelectionGraphs();
    void syncRetrainedGraphs();
    std::vector<int> staleMembers() const;
    void syncBudgetLines();
    void syncLegend();
    void applyAutoRange();
    void setRanges(const QCPRange& x, const QCPRange& y);
    void onSelectionChanged();
    void onRubberBand(const QRect& rect, QMouseEvent* event);
    void ensurePixelIndex() const;
    bool plottable(const Point& p) const { return p.x > 0; }

    ParetoMetric m_metric = ParetoMetric::Fps;
    QPointer<CandidateSelection> m_selection;
    std::vector<Point> m_points;
    QHash<qint64, int> m_pointById;
    std::vector<Run> m_runs;
    QHash<qint64, QString> m_runNames;
    QHash<qint64, QColor> m_runColours;
    QList<qint64> m_highlighted;
    QList<qint64> m_legendOrder;
    double m_minFps = 0;
    double m_maxEnergyUj = 0;

    QCPItemText* m_placeholder = nullptr;
    QString m_placeholderRaw; // as given: shown broken into lines as wide as the plot
    QCPGraph* m_invalid = nullptr;
    DotCloud* m_cloud = nullptr; // every dot past the detail limit, drawn as one image
    QCPGraph* m_selected = nullptr;
    QCPGraph* m_current = nullptr;
    QCPGraph* m_retrained = nullptr; // diamonds at the retrained accuracies
    QCPGraph* m_stale = nullptr; // hollow rings over the dots of older estimates
    QCPGraph* m_retrainLinks = nullptr; // estimate -> retrained, one segment each (NaN between them)
    QCPItemStraightLine* m_budgetLine = nullptr;
    QCPItemText* m_budgetLabel = nullptr;
    QCPItemRect* m_budgetShade = nullptr;
    QCPLayer* m_highlightLayer = nullptr;

    QTimer m_syncTimer;
    bool m_fullDotsRebuild = false;
    bool m_detailed = true; // scatter detail for small data sets
    bool m_autoRange = true;
    bool m_settingRange = false;
    QPoint m_pressPos;
    bool m_pressed = false;
    mutable std::unique_ptr<PixelIndex> m_index;
    int m_dataGeneration = 0;
    /// What the syncs need of every point, kept up to date as points are appended (O(new points) a sync, not
    /// O(all points)); recomputed from scratch when m_dataGeneration moved (points changed or went away).
    struct Derived {
        int generation = -1;
        size_t upTo = 0; // points folded in
        double xLo = HUGE_VAL, xHi = -HUGE_VAL, yLo = HUGE_VAL, yHi = -HUGE_VAL;
        std::vector<std::pair<int, int>> epochRange; // per run: lowest and highest supernet estimate epoch
        bool anyRetrained = false;
    };
    mutable Derived m_derived;
    const Derived& derived() const;
};

} // namespace dna::widgets
