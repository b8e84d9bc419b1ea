#include "pareto_plot.h"

#include "candidate_selection.h"
#include "dot_cloud.h"
#include "log_ticker.h"

#include <QFontMetrics>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dna::widgets {

namespace {

/// The x axis title of an objective (name and direction come from the objective table).
QString axisLabel(ParetoMetric metric)
{
    return QCoreApplication::translate("dna::hwsearch::Objective", hwsearch::objectiveInfo(metric).axisLabel);
}

bool maximises(ParetoMetric metric) { return hwsearch::objectiveInfo(metric).maximise; }

// Colour-blind-friendly qualitative colours (Okabe-Ito, without black and yellow, which vanish on white).
const QColor kRunColours[] = { QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115), QColor(204, 121, 167),
    QColor(230, 159, 0), QColor(86, 180, 233), QColor(120, 80, 40), QColor(90, 90, 200) };
constexpr int kRunColourCount = int(sizeof(kRunColours) / sizeof(kRunColours[0]));
const QColor kInvalidColour(160, 160, 160);
const QColor kBudgetColour(190, 30, 45);

// Dominated candidates are a paler shade of the run colour, so the front stands out.
QColor paler(const QColor& c, double towardsWhite)
{
    auto mix = [&](int v) { return int(v + (255 - v) * towardsWhite); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

// Up to this many drawn candidates, dots are small antialiased discs; past it single-pixel dots, which draw
// about ten times faster (see the QCustomPlot notes).
constexpr size_t kDetailLimit = 5000;

// Past this many runs the legend would cover the plot and say little: runs are named in the hover card (and a
// sweep's colours in the Sweeps view).
constexpr size_t kLegendLimit = 12;

double metricOf(const store::CandidateRecord& c, ParetoMetric metric)
{
    const double v = store::frontMetric(c, hwsearch::objectiveName(metric));
    return std::isfinite(v) && v > 0 ? v : 0.0; // a log axis cannot show 0
}

} // namespace

QCPScatterStyle ParetoPlot::frontScatter(const QColor& colour, bool fast)
{
    if (!fast) {
        return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1), colour, 9);
    }
    // The same disc drawn once into a pixmap: a hundred fronts of discs cost a few milliseconds, not a hundred.
    QPixmap disc(11, 11);
    disc.fill(Qt::transparent);
    QPainter p(&disc);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(colour);
    p.drawEllipse(QRectF(1, 1, 9, 9));
    return QCPScatterStyle(disc);
}

/// Candidates binned by the pixel they are drawn at (compressed rows: cellStart indexes items), valid for one
/// axis layout. Candidates appended since the build go to a short list scanned linearly, until it gets long.
struct ParetoPlot::PixelIndex {
    static constexpr int kCellPx = 8;
    static constexpr size_t kMaxExtra = 512;
    struct Entry {
        int point;
        float px, py;
    };
    QRect rect;
    QCPRange xRange, yRange;
    int generation = -1;
    int cols = 0, rows = 0;
    std::vector<int> cellStart;
    std::vector<Entry> items;
    std::vector<Entry> extra;
    size_t indexed = 0;
};

ParetoPlot::ParetoPlot(QWidget* parent)
    : QCustomPlot(parent)
    , m_index(std::make_unique<PixelIndex>())
{
    setupAxes();
    setupLayersAndGraphs();
    setupPlaceholder();
    setMinimumSize(320, 240);
    setMouseTracking(true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);

    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] { syncPlot(); });
    connect(selectionRect(), &QCPSelectionRect::accepted, this, &ParetoPlot::onRubberBand);
    auto userMovedAxes = [this] {
        if (!m_settingRange) {
            m_autoRange = false;
        }
    };
    connect(xAxis, QOverload<const QCPRange&>::of(&QCPAxis::rangeChanged), this, userMovedAxes);
    connect(yAxis, QOverload<const QCPRange&>::of(&QCPAxis::rangeChanged), this, userMovedAxes);
}

ParetoPlot::~ParetoPlot() = default;

QString ParetoPlot::placeholderText() const { return m_placeholder->text(); }

namespace {

/// `text` broken at spaces into lines of at most `width` characters (a plot's text item does not wrap, and a run's
/// error or the first epoch's progress is longer than a narrow plot is wide).
QString wrapped(const QString& text, int width)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty()) {
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void ParetoPlot::setPlaceholderText(const QString& text)
{
    m_placeholderRaw = text.isEmpty() ? tr("No candidates yet: start a search") : text;
    // Lines as wide as the plot area (the default text, 33 characters, never breaks).
    const QMargins margins = axisRect()->margins(); // the axes' room, from the last layout
    const int available = width() - margins.left() - margins.right();
    const int chars
        = std::max(36, int(0.9 * available / std::max(1, QFontMetrics(m_placeholder->font()).averageCharWidth())));
    const QString shown = wrapped(m_placeholderRaw, chars);
    if (m_placeholder->text() != shown) {
        m_placeholder->setText(shown);
        if (m_placeholder->visible()) {
            replot(rpQueuedReplot);
        }
    }
}

void ParetoPlot::resizeEvent(QResizeEvent* event)
{
    QCustomPlot::resizeEvent(event);
    setPlaceholderText(m_placeholderRaw);
}

ParetoMetric ParetoPlot::metricForObjective(const QString& objective)
{
    return hwsearch::objectiveOr(objective.toStdString(), ParetoMetric::Fps);
}

void ParetoPlot::setupAxes()
{
    // Throughput, latency, energy and EDP of candidate designs span orders of magnitude (a few FPS on a small
    // FPGA to thousands on an ASIC), so the metric is on a log scale; accuracy is a plain percentage.
    m_settingRange = true;
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<LogTicker125>::create());
    xAxis->setNumberFormat(QStringLiteral("gb"));
    xAxis->setRange(1, 10000);
    yAxis->setRange(0, 100);
    m_settingRange = false;
    xAxis->grid()->setSubGridVisible(true);
    // Room on the right for the last x tick label, which is centred on the end of the axis.
    axisRect()->setMinimumMargins(QMargins(15, 15, 30, 15));
    yAxis->setLabel(tr("Accuracy (%)"));
    legend->setBrush(QColor(255, 255, 255, 210));
    applyMetricToAxes();
}

void ParetoPlot::setupLayersAndGraphs()
{
    addLayer(QStringLiteral("fronts"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    addLayer(QStringLiteral("highlight"), layer(QStringLiteral("fronts")), QCustomPlot::limAbove);
    // Its own paint buffer: a selection change repaints only the rings, not 50k dots.
    m_highlightLayer = layer(QStringLiteral("highlight"));
    m_highlightLayer->setMode(QCPLayer::lmBuffered);

    auto scatterOnly = [this](QCPLayer* onLayer) {
        QCPGraph* g = addGraph();
        g->setLayer(onLayer);
        g->setLineStyle(QCPGraph::lsNone);
        g->setSelectable(QCP::stNone); // our own index answers clicks; QCustomPlot's hit test is linear
        g->removeFromLegend();
        return g;
    };
    m_invalid = scatterOnly(layer(QStringLiteral("main")));
    m_invalid->setName(tr("Invalid designs"));
    m_cloud = new DotCloud(xAxis, yAxis); // on "main", above the (then empty) dots graphs
    m_cloud->setLayer(QStringLiteral("main"));
    m_selected = scatterOnly(m_highlightLayer);
    m_selected->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(25, 25, 25), 2), Qt::NoBrush, 13));
    m_current = scatterOnly(m_highlightLayer);
    m_current->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(25, 25, 25), 2), Qt::NoBrush, 19));

    m_retrainLinks = addGraph();
    m_retrainLinks->setLayer(QStringLiteral("fronts"));
    m_retrainLinks->setLineStyle(QCPGraph::lsLine);
    m_retrainLinks->setPen(QPen(QColor(60, 60, 60), 1, Qt::DotLine));
    m_retrainLinks->setSelectable(QCP::stNone);
    m_retrainLinks->removeFromLegend();
    m_stale = scatterOnly(layer(QStringLiteral("fronts"))); // above the dots of every run, below the fronts
    m_stale->setName(tr("Older estimates"));
    m_stale->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(150, 150, 150), 1), Qt::white, 5));
    m_retrained = scatterOnly(layer(QStringLiteral("fronts")));
    m_retrained->setName(tr("Trained from scratch"));
    m_retrained->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(QColor(25, 25, 25), 1.5), QColor(255, 215, 80), 10));

    m_budgetLine = new QCPItemStraightLine(this);
    m_budgetLine->setLayer(QStringLiteral("fronts"));
    m_budgetLine->setPen(QPen(kBudgetColour, 1.5, Qt::DashLine));
    m_budgetLine->setSelectable(false);
    m_budgetLine->setVisible(false);
    // The side of the line that breaks the budget is shaded faintly.
    m_budgetShade = new QCPItemRect(this);
    m_budgetShade->setLayer(QStringLiteral("grid"));
    m_budgetShade->setPen(Qt::NoPen);
    m_budgetShade->setBrush(QColor(190, 30, 45, 18));
    m_budgetShade->setSelectable(false);
    m_budgetShade->setVisible(false);
    for (QCPItemPosition* corner : { m_budgetShade->topLeft, m_budgetShade->bottomRight }) {
        corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_budgetLabel = new QCPItemText(this);
    m_budgetLabel->setLayer(QStringLiteral("fronts"));
    m_budgetLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_budgetLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_budgetLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_budgetLabel->setPadding(QMargins(4, 2, 4, 2));
    m_budgetLabel->setColor(kBudgetColour);
    m_budgetLabel->setSelectable(false);
    m_budgetLabel->setVisible(false);
}

void ParetoPlot::setupPlaceholder()
{
    m_placeholder = new QCPItemText(this);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setColor(palette().color(QPalette::Disabled, QPalette::Text));
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_placeholder->setFont(font);
    m_placeholder->setSelectable(false);
    setPlaceholderText({});
}

void ParetoPlot::applyMetricToAxes()
{
    xAxis->setLabel(axisLabel(m_metric));
    // The legend goes in the corner the front never reaches: high accuracy at the good end of the metric.
    const Qt::Alignment side = maximises(m_metric) ? Qt::AlignRight : Qt::AlignLeft;
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | side);
    for (Run& run : m_runs) {
        run.front->setLineStyle(maximises(m_metric) ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);
    }
}

void ParetoPlot::setMetric(ParetoMetric metric)
{
    if (metric == m_metric) {
        return;
    }
    m_metric = metric;
    for (Point& p : m_points) {
        p.x = metricOf(p.record, m_metric);
    }
    QList<qint64> changed;
    for (Run& run : m_runs) {
        const std::vector<int> before = std::move(run.frontMembers);
        run.frontMembers.clear();
        std::vector<int> valid;
        for (int i : run.members) {
            if (m_points[size_t(i)].record.valid && plottable(m_points[size_t(i)])) {
                valid.push_back(i);
            }
        }
        updateFront(run, valid);
        if (run.frontMembers != before) {
            changed.append(run.runId);
        }
    }
    applyMetricToAxes();
    m_fullDotsRebuild = true;
    ++m_dataGeneration;
    m_autoRange = true;
    scheduleSync();
    for (qint64 runId : changed) {
        emit frontChanged(runId, frontIds(runId));
    }
}

void ParetoPlot::setSelectionModel(CandidateSelection* selection)
{
    if (m_selection) {
        disconnect(m_selection, nullptr, this, nullptr);
    }
    m_selection = selection;
    if (m_selection) {
        connect(m_selection, &CandidateSelection::changed, this, &ParetoPlot::onSelectionChanged);
    }
    onSelectionChanged();
}

void ParetoPlot::addCandidates(const std::vector<store::CandidateRecord>& candidates)
{
    std::vector<std::vector<int>> newValid(m_runs.size());
    QList<qint64> changedRuns;
    for (const store::CandidateRecord& c : candidates) {
        if (m_pointById.contains(c.id)) {
            continue;
        }
        const int r = runIndex(c.runId);
        if (size_t(r) >= newValid.size()) {
            newValid.resize(size_t(r) + 1);
        }
        Point p;
        p.record = c;
        std::string().swap(p.record.designJson); // the plot never needs it; it can be large
        p.x = metricOf(c, m_metric);
        p.y = c.accuracy * 100.0;
        p.run = r;
        const int index = int(m_points.size());
        if (c.valid && plottable(p)) {
            newValid[size_t(r)].push_back(index);
        }
        m_points.push_back(std::move(p));
        m_pointById.insert(c.id, index);
        m_runs[size_t(r)].members.push_back(index);
    }
    for (size_t r = 0; r < newValid.size(); ++r) {
        if (!newValid[r].empty()) {
            if (updateFront(m_runs[r], newValid[r])) {
                changedRuns.append(m_runs[r].runId);
            }
        }
    }
    scheduleSync();
    for (qint64 runId : changedRuns) {
        emit frontChanged(runId, frontIds(runId));
    }
}

bool ParetoPlot::updateFront(Run& run, const std::vector<int>& newMembers)
{
    const std::vector<int> before = run.frontMembers;
    // A point dominated once stays dominated, so the new front is the front of the old front plus the new points.
    std::vector<int> pool = run.frontMembers;
    pool.insert(pool.end(), newMembers.begin(), newMembers.end());
    std::vector<std::pair<double, double>> points;
    points.reserve(pool.size());
    for (int i : pool) {
        points.emplace_back(m_points[size_t(i)].record.accuracy, m_points[size_t(i)].x);
    }
    run.frontMembers.clear();
    for (size_t k : store::paretoFront(points, maximises(m_metric))) {
        run.frontMembers.push_back(pool[k]);
    }
    std::sort(run.frontMembers.begin(), run.frontMembers.end(),
        [this](int a, int b) { return m_points[size_t(a)].x < m_points[size_t(b)].x; });
    return run.frontMembers != before;
}

int ParetoPlot::runIndex(qint64 runId)
{
    for (size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].runId == runId) {
            return int(i);
        }
    }
    m_runs.push_back(makeRun(runId));
    return int(m_runs.size()) - 1;
}

ParetoPlot::Run ParetoPlot::makeRun(qint64 runId)
{
    Run run;
    run.runId = runId;
    // The first colour no shown run uses, so a run keeps its colour while others come and go.
    run.colourIndex = int(m_runs.size()) % kRunColourCount;
    for (int c = 0; c < kRunColourCount; ++c) {
        if (std::none_of(m_runs.begin(), m_runs.end(), [c](const Run& r) { return r.colourIndex == c; })) {
            run.colourIndex = c;
            break;
        }
    }
    run.colour = m_runColours.value(runId, kRunColours[run.colourIndex]);
    const QColor colour = run.colour;
    run.dots = addGraph();
    run.dots->setLayer(QStringLiteral("main"));
    run.dots->setLineStyle(QCPGraph::lsNone);
    run.dots->setSelectable(QCP::stNone);
    run.dots->removeFromLegend();
    run.front = addGraph();
    run.front->setLayer(QStringLiteral("fronts"));
    run.front->setSelectable(QCP::stNone);
    run.front->setLineStyle(maximises(m_metric) ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);
    run.front->setPen(QPen(colour, 2));
    run.front->setScatterStyle(frontScatter(colour, !m_detailed));
    run.front->setName(m_runNames.value(runId, tr("Run %1").arg(runId)));
    m_fullDotsRebuild = true; // applies the scatter detail to the new dots graph too
    return run;
}

void ParetoPlot::setBudget(double minFps, double maxEnergyUj)
{
    m_minFps = std::max(0.0, minFps);
    m_maxEnergyUj = std::max(0.0, maxEnergyUj);
    scheduleSync();
}

void ParetoPlot::scheduleSync()
{
    if (!m_syncTimer.isActive()) {
        // Redraw at most ~40 times a second, and leave the event loop at least a third of its time when a
        // replot of many candidates gets slow.
        m_syncTimer.start(std::clamp(int(replotTime() * 1.5), 25, 250));
    }
}

void ParetoPlot::resetView()
{
    m_autoRange = true;
    syncPlot(true); // now, so that coordinates are laid out when this returns
}

void ParetoPlot::syncPlot(bool replotNow)
{
    m_syncTimer.stop();
    syncRunGraphs();
    syncSelectionGraphs();
    syncRetrainedGraphs();
    syncBudgetLines();
    syncLegend();
    // Candidates that cannot be drawn (no valid design: 0 FPS on a log axis) leave the plot empty: say why.
    m_placeholder->setVisible(
        std::none_of(m_points.begin(), m_points.end(), [this](const Point& p) { return plottable(p); }));
    if (m_autoRange) {
        applyAutoRange();
    }
    replot(replotNow ? rpRefreshHint : rpQueuedReplot);
}

void ParetoPlot::syncRunGraphs()
{
    // Small data sets draw antialiased discs through scatter graphs; past kDetailLimit every dot is one pixel,
    // drawn by the dot cloud as one image (a million dots replot in tens of milliseconds, not hundreds).
    const bool detailed = m_points.size() <= kDetailLimit;
    const bool full = m_fullDotsRebuild || detailed != m_detailed;
    m_fullDotsRebuild = false;
    if (full) {
        m_invalid->data()->clear();
        m_cloud->clear();
    }
    const QRgb invalidRgb = kInvalidColour.rgb();
    QVector<double> invalidX, invalidY;
    for (Run& run : m_runs) {
        if (full) {
            run.dots->data()->clear();
            run.dotsSynced = 0;
        }
        QVector<double> xs, ys;
        const QRgb dotRgb = paler(run.colour, 0.2).rgb();
        for (size_t k = run.dotsSynced; k < run.members.size(); ++k) {
            const Point& p = m_points[size_t(run.members[k])];
            if (!plottable(p)) {
                continue;
            }
            if (!detailed) {
                m_cloud->add(p.x, p.y, p.record.valid ? dotRgb : invalidRgb);
                continue;
            }
            (p.record.valid ? xs : invalidX).append(p.x);
            (p.record.valid ? ys : invalidY).append(p.y);
        }
        run.dotsSynced = run.members.size();
        if (!xs.isEmpty()) {
            run.dots->addData(xs, ys);
        }
        QVector<double> fx, fy;
        for (int i : run.frontMembers) {
            fx.append(m_points[size_t(i)].x);
            fy.append(m_points[size_t(i)].y);
        }
        run.front->setData(fx, fy, true);
    }
    if (!invalidX.isEmpty()) {
        m_invalid->addData(invalidX, invalidY);
    }
    if (full) {
        m_detailed = detailed;
        applyScatterDetail();
    }
}

void ParetoPlot::applyScatterDetail()
{
    for (Run& run : m_runs) {
        // Single-pixel dots need a stronger shade than discs to be seen.
        const QColor dot = paler(run.colour, m_detailed ? 0.45 : 0.2);
        run.dots->setPen(QPen(dot));
        run.dots->setAntialiasedScatters(m_detailed);
        run.dots->setScatterStyle(m_detailed ? QCPScatterStyle(QCPScatterStyle::ssDisc, dot, dot, 5)
                                             : QCPScatterStyle(QCPScatterStyle::ssDot, dot, 1));
        run.front->setScatterStyle(frontScatter(run.colour, !m_detailed));
        // Staircases are horizontal and vertical: antialiasing them changes little and costs much at 100 runs.
        run.front->setAntialiased(m_detailed);
        run.dots->setVisible(m_detailed); // empty past the detail limit: the dot cloud draws them
    }
    m_invalid->setPen(QPen(kInvalidColour));
    m_invalid->setAntialiasedScatters(m_detailed);
    m_invalid->setScatterStyle(m_detailed ? QCPScatterStyle(QCPScatterStyle::ssCross, kInvalidColour, 5)
                                          : QCPScatterStyle(QCPScatterStyle::ssDot, kInvalidColour, 1));
}

void ParetoPlot::syncSelectionGraphs()
{
    m_highlighted.clear();
    QVector<double> xs, ys, cx, cy;
    const QList<qint64> ids = m_selection ? m_selection->ids() : QList<qint64>();
    const qint64 current = m_selection ? m_selection->current() : -1;
    for (qint64 id : ids) {
        const auto it = m_pointById.constFind(id);
        if (it == m_pointById.constEnd() || !plottable(m_points[size_t(*it)])) {
            continue;
        }
        const Point& p = m_points[size_t(*it)];
        m_highlighted.append(id);
        xs.append(p.x);
        ys.append(p.y);
        if (id == current) {
            cx.append(p.x);
            cy.append(p.y);
        }
    }
    m_selected->setData(xs, ys);
    m_current->setData(cx, cy);
}

void ParetoPlot::onSelectionChanged()
{
    syncSelectionGraphs();
    if (m_syncTimer.isActive()) {
        return; // the pending sync replots everything anyway
    }
    m_highlightLayer->replot(); // falls back to a full replot when the other layers' buffers are stale
}

void ParetoPlot::syncBudgetLines()
{
    double x = 0;
    QString text;
    const QLocale loc = locale();
    if (m_metric == ParetoMetric::Fps && m_minFps > 0) {
        x = m_minFps;
        text = tr("min %1 FPS").arg(loc.toString(m_minFps, 'g', 4));
    } else if (m_metric == ParetoMetric::Latency && m_minFps > 0) {
        x = 1000.0 / m_minFps;
        text = tr("max %1 ms").arg(loc.toString(x, 'g', 4));
    } else if (m_metric == ParetoMetric::Energy && m_maxEnergyUj > 0) {
        x = m_maxEnergyUj;
        text = tr("max %1 µJ").arg(loc.toString(m_maxEnergyUj, 'g', 4));
    }
    m_budgetLine->setVisible(x > 0);
    m_budgetShade->setVisible(x > 0);
    m_budgetLabel->setVisible(x > 0);
    if (x > 0) {
        m_budgetLine->point1->setCoords(x, 0);
        m_budgetLine->point2->setCoords(x, 1);
        m_budgetLabel->position->setCoords(x, 0);
        // A minimum FPS rules out the left of the line; a maximum latency or energy the right.
        const bool leftBreaks = m_metric == ParetoMetric::Fps;
        QCPItemPosition* edge = leftBreaks ? m_budgetShade->topLeft : m_budgetShade->bottomRight;
        QCPItemPosition* line = leftBreaks ? m_budgetShade->bottomRight : m_budgetShade->topLeft;
        edge->setTypeX(QCPItemPosition::ptAxisRectRatio);
        edge->setCoords(leftBreaks ? 0 : 1, leftBreaks ? 0 : 1);
        line->setTypeX(QCPItemPosition::ptPlotCoords);
        line->setCoords(x, leftBreaks ? 1 : 0);
        m_budgetLabel->setText(text);
    }
}

void ParetoPlot::syncLegend()
{
    legend->setVisible(m_runs.size() > 1 && m_runs.size() <= kLegendLimit);
    std::vector<const Run*> byId;
    for (const Run& run : m_runs) {
        byId.push_back(&run);
    }
    std::sort(byId.begin(), byId.end(), [](const Run* a, const Run* b) { return a->runId < b->runId; });
    QList<qint64> order;
    for (const Run* run : byId) {
        order.append(run->runId);
    }
    if (order == m_legendOrder) {
        return;
    }
    m_legendOrder = order;
    legend->clearItems();
    for (const Run* run : byId) {
        run->front->addToLegend();
    }
}

void ParetoPlot::applyAutoRange()
{
    const Derived& d = derived(); // the data's extent, diamonds of trainings from scratch included
    double xLo = d.xLo, xHi = d.xHi, yLo = d.yLo, yHi = d.yHi;
    if (m_budgetLine->visible()) {
        const double b = m_budgetLine->point1->coords().x();
        xLo = std::min(xLo, b);
        xHi = std::max(xHi, b);
    }
    if (xLo > xHi) {
        setRanges(QCPRange(1, 10000), QCPRange(0, 100));
        return;
    }
    if (xHi / xLo < 10) { // at least a decade, centred on the data
        const double c = std::sqrt(xLo * xHi);
        xLo = c / std::sqrt(10.0);
        xHi = c * std::sqrt(10.0);
    }
    const double xPad = std::pow(xHi / xLo, 0.04);
    if (yHi - yLo < 2) {
        const double c = (yHi + yLo) / 2;
        yLo = c - 1;
        yHi = c + 1;
    }
    const double yPad = (yHi - yLo) * 0.06;
    yLo -= yPad;
    yHi += yPad;
    // The legend of overlaid runs sits in a top corner: room above the data for it, so that it covers no point
    // (the highest accuracies are the ones a reader looks for).
    const int plotHeight = axisRect()->height() > 0 ? axisRect()->height() : height();
    if (legend->visible() && plotHeight > 0) {
        // Its height as last laid out (items may have changed since: the estimate of a row each otherwise), and
        // its margin from the frame.
        const double estimate = legend->itemCount() * (QFontMetrics(legend->font()).height() + 8) + 14;
        const double legendPx = std::max<double>(legend->outerRect().height(), estimate) + 16;
        const double share = legendPx / plotHeight;
        if (share < 0.5) {
            yHi = yLo + (yHi - yLo) / (1 - share);
        }
    }
    setRanges(QCPRange(xLo / xPad, xHi * xPad), QCPRange(yLo, yHi));
}

void ParetoPlot::setRanges(const QCPRange& x, const QCPRange& y)
{
    m_settingRange = true;
    xAxis->setRange(x);
    yAxis->setRange(y);
    m_settingRange = false;
}

void ParetoPlot::ensurePixelIndex() const
{
    PixelIndex& ix = *m_index;
    const QRect rect = axisRect()->rect();
    auto entryOf = [&](size_t i, PixelIndex::Entry& e) {
        const Point& p = m_points[i];
        if (!plottable(p)) {
            return false;
        }
        const double px = xAxis->coordToPixel(p.x), py = yAxis->coordToPixel(p.y);
        e = { int(i), float(px), float(py) };
        return px >= rect.left() && py >= rect.top() && px < rect.left() + rect.width()
            && py < rect.top() + rect.height();
    };
    const bool stale = ix.generation != m_dataGeneration || ix.rect != rect || ix.xRange != xAxis->range()
        || ix.yRange != yAxis->range();
    if (!stale && m_points.size() - ix.indexed + ix.extra.size() <= PixelIndex::kMaxExtra) {
        PixelIndex::Entry e {};
        for (size_t i = ix.indexed; i < m_points.size(); ++i) {
            if (entryOf(i, e)) {
                ix.extra.push_back(e);
            }
        }
        ix.indexed = m_points.size();
        return;
    }
    ix.generation = m_dataGeneration;
    ix.rect = rect;
    ix.xRange = xAxis->range();
    ix.yRange = yAxis->range();
    ix.cols = std::max(1, rect.width() / PixelIndex::kCellPx + 1);
    ix.rows = std::max(1, rect.height() / PixelIndex::kCellPx + 1);
    std::vector<PixelIndex::Entry> entries;
    std::vector<int> cellOf;
    entries.reserve(m_points.size());
    cellOf.reserve(m_points.size());
    PixelIndex::Entry e {};
    for (size_t i = 0; i < m_points.size(); ++i) {
        if (entryOf(i, e)) {
            entries.push_back(e);
            cellOf.push_back(
                int(e.py - rect.top()) / PixelIndex::kCellPx * ix.cols + int(e.px - rect.left()) / PixelIndex::kCellPx);
        }
    }
    // Counting sort by cell.
    ix.cellStart.assign(size_t(ix.cols * ix.rows) + 1, 0);
    for (int c : cellOf) {
        ++ix.cellStart[size_t(c) + 1];
    }
    for (size_t c = 1; c < ix.cellStart.size(); ++c) {
        ix.cellStart[c] += ix.cellStart[c - 1];
    }
    std::vector<int> next(ix.cellStart.begin(), ix.cellStart.end() - 1);
    ix.items.resize(entries.size());
    for (size_t k = 0; k < entries.size(); ++k) {
        ix.items[size_t(next[size_t(cellOf[k])]++)] = entries[k];
    }
    ix.extra.clear();
    ix.indexed = m_points.size();
}

qint64 ParetoPlot::candidateAt(const QPoint& pixel, double maxDistancePx) const
{
    ensurePixelIndex();
    const PixelIndex& ix = *m_index;
    qint64 best = -1;
    double bestDistance2 = maxDistancePx * maxDistancePx;
    auto consider = [&](const PixelIndex::Entry& e) {
        const double dx = e.px - pixel.x(), dy = e.py - pixel.y();
        const double d2 = dx * dx + dy * dy;
        if (d2 <= bestDistance2) {
            best = m_points[size_t(e.point)].record.id;
            bestDistance2 = d2;
        }
    };
    const int cell = PixelIndex::kCellPx;
    const double left = pixel.x() - ix.rect.left(), top = pixel.y() - ix.rect.top();
    const int c0 = std::max(0, int(std::floor((left - maxDistancePx) / cell)));
    const int c1 = std::min(ix.cols - 1, int(std::floor((left + maxDistancePx) / cell)));
    const int r0 = std::max(0, int(std::floor((top - maxDistancePx) / cell)));
    const int r1 = std::min(ix.rows - 1, int(std::floor((top + maxDistancePx) / cell)));
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const size_t k = size_t(r * ix.cols + c);
            for (int j = ix.cellStart[k]; j < ix.cellStart[k + 1]; ++j) {
                consider(ix.items[size_t(j)]);
            }
        }
    }
    for (const PixelIndex::Entry& e : ix.extra) {
        consider(e);
    }
    return best;
}

} // namespace dna::widgets
