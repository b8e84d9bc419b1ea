#include "sweeps_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace dna::widgets {

double sweepBest(const std::vector<store::CandidateRecord>& front, SweepSummary summary, double threshold)
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const auto& c : front) {
        if (!c.valid) {
            continue;
        }
        const bool qualifies
            = summary == SweepSummary::FpsAtAccuracy ? c.accuracy * 100 >= threshold : c.fps >= threshold;
        const double value = summary == SweepSummary::FpsAtAccuracy ? c.fps : c.accuracy * 100;
        if (qualifies && !(value <= best)) {
            best = value;
        }
    }
    return best;
}

double axisPosition(const QVariant& value, const QStringList& textValues)
{
    bool number = false;
    const double x = value.toDouble(&number);
    return number && value.typeId() != QMetaType::QString ? x : double(textValues.indexOf(value.toString()));
}

QColor sequentialColour(double t)
{
    // Viridis at five stops, linearly between them.
    static const QColor stops[]
        = { QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98), QColor(253, 231, 37) };
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    auto mix = [&](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    return QColor(mix(stops[i].red(), stops[i + 1].red()), mix(stops[i].green(), stops[i + 1].green()),
        mix(stops[i].blue(), stops[i + 1].blue()));
}

SweepsView::SweepsView(QWidget* parent)
    : QWidget(parent)
{
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({ tr("Sweep"), tr("Progress"), tr("Runs on") });
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setToolTip(
        tr("Sweeps of this store (dna-cli sweep). Select one to show its runs, coloured by a grid axis"));
    m_axis = new QComboBox(this);
    m_axis->setToolTip(tr("The grid axis the runs are coloured by and the summary plots against"));
    m_summaryKind = new QComboBox(this);
    m_summaryKind->addItem(tr("Best FPS, accuracy at least"), int(SweepSummary::FpsAtAccuracy));
    m_summaryKind->addItem(tr("Best accuracy, FPS at least"), int(SweepSummary::AccuracyAtFps));
    // The dock shares the left column with the budget and runs: it must not widen it.
    for (QComboBox* combo : { m_axis, m_summaryKind }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0, 1e7);
    m_threshold->setDecimals(1);
    m_threshold->setValue(0);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(120, 120); // the left column (budget, runs, sweeps) must fit a 768-pixel screen
    // A small plot: few labels on each axis, or six-digit FPS labels run into each other.
    m_plot->xAxis->ticker()->setTickCount(4);
    m_plot->yAxis->ticker()->setTickCount(3);
    m_plot->addGraph(); // every task
    m_plot->graph(0)->setLineStyle(QCPGraph::lsNone);
    m_plot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(0, 114, 178, 140), 6));
    m_plot->addGraph(); // the best of each axis value
    m_plot->graph(1)->setPen(QPen(QColor(0, 114, 178), 2));
    m_plot->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0, 114, 178), 7));
    m_hint = new QLabel(tr("No sweeps in this store. Run one with dna-cli sweep (see the README, \"Running on a "
                           "cluster\")."),
        this);
    m_hint->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Colour by"), m_axis);
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summaryKind, 1);
    summaryRow->addWidget(m_threshold);
    form->addRow(tr("Summary"), summaryRow);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 2);
    layout->addLayout(form);
    layout->addWidget(m_plot, 3);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto items = m_list->selectedItems();
        if (!items.isEmpty()) {
            const qint64 id = items.front()->data(0, Qt::UserRole).toLongLong();
            if (id != m_current) {
                emit sweepActivated(id);
            }
        }
    });
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] {
        rebuildSummary();
        emit coloursChanged();
    });
    connect(m_summaryKind, &QComboBox::currentIndexChanged, this, [this] {
        const bool fps = m_summaryKind->currentData().toInt() == int(SweepSummary::AccuracyAtFps);
        m_threshold->setSuffix(fps ? tr(" FPS") : QStringLiteral(" %"));
        m_threshold->setValue(fps ? 30 : 0);
        rebuildSummary();
    });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this] { rebuildSummary(); });
    setSweeps({});
}

int SweepsView::sweepCount() const { return m_list->topLevelItemCount(); }

void SweepsView::setSweeps(const std::vector<store::SweepInfo>& sweeps)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const auto& s : sweeps) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, tr("%1: %2").arg(s.id).arg(QString::fromStdString(s.name)));
        item->setToolTip(0, QString::fromStdString(s.command));
        item->setText(1, tr("%1 of %2 complete").arg(s.complete).arg(s.tasks));
        item->setText(
            2, s.executor == "slurm" ? tr("Slurm job %1").arg(QString::fromStdString(s.job)) : tr("this machine"));
        item->setData(0, Qt::UserRole, qint64(s.id));
        if (s.id == m_current) {
            item->setSelected(true);
        }
    }
    m_hint->setVisible(sweeps.empty());
}

void SweepsView::setTasks(qint64 sweepId, const std::vector<SweepTaskFront>& tasks)
{
    const bool newSweep = sweepId != m_current;
    m_current = sweepId;
    m_tasks = tasks;
    {
        const QSignalBlocker block(m_list);
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            auto* item = m_list->topLevelItem(i);
            item->setSelected(item->data(0, Qt::UserRole).toLongLong() == sweepId);
        }
    }
    // The axes that vary; the first one that has more than one value is the default colouring.
    std::map<QString, std::set<QString>> values;
    for (const auto& t : m_tasks) {
        for (const auto& [k, v] : t.params) {
            values[k].insert(v.toString());
        }
    }
    const QString previous = m_axis->currentText();
    const QSignalBlocker block(m_axis);
    m_axis->clear();
    QString firstVarying;
    for (const auto& [k, v] : values) {
        m_axis->addItem(k);
        if (firstVarying.isEmpty() && v.size() > 1) {
            firstVarying = k;
        }
    }
    const int keep = m_axis->findText(newSweep ? firstVarying : previous);
    m_axis->setCurrentIndex(keep >= 0 ? keep : 0);
    rebuildSummary();
}

QString SweepsView::colourAxis() const { return m_axis->currentText(); }

QHash<qint64, QColor> SweepsView::runColours() const
{
    QHash<qint64, QColor> out;
    const QString axis = colourAxis();
    QStringList texts;
    for (const auto& t : m_tasks) {
        if (auto it = t.params.find(axis); it != t.params.end() && !texts.contains(it->second.toString())) {
            texts << it->second.toString();
        }
    }
    texts.sort();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& t : m_tasks) {
        if (auto it = t.params.find(axis); it != t.params.end()) {
            const double x = axisPosition(it->second, texts);
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    }
    for (const auto& t : m_tasks) {
        auto it = t.params.find(axis);
        if (t.runId == 0 || it == t.params.end()) {
            continue;
        }
        const double x = axisPosition(it->second, texts);
        // Stop short of the brightest yellow, which vanishes on white.
        out.insert(t.runId, sequentialColour(hi > lo ? 0.9 * (x - lo) / (hi - lo) : 0.0));
    }
    return out;
}

void SweepsView::rebuildSummary()
{
    const QString axis = colourAxis();
    const auto kind = SweepSummary(m_summaryKind->currentData().toInt());
    const double threshold = m_threshold->value();
    QStringList texts;
    for (const auto& t : m_tasks) {
        if (auto it = t.params.find(axis); it != t.params.end() && !texts.contains(it->second.toString())) {
            texts << it->second.toString();
        }
    }
    texts.sort();
    m_points.clear();
    std::map<double, double> bestAt;
    for (const auto& t : m_tasks) {
        auto it = t.params.find(axis);
        if (it == t.params.end()) {
            continue;
        }
        const double best = sweepBest(t.front, kind, threshold);
        if (std::isnan(best)) {
            continue;
        }
        const double x = axisPosition(it->second, texts);
        m_points << QPointF(x, best);
        auto [at, inserted] = bestAt.emplace(x, best);
        if (!inserted) {
            at->second = std::max(at->second, best);
        }
    }
    QVector<double> xs, ys, bx, by;
    for (const QPointF& p : m_points) {
        xs << p.x();
        ys << p.y();
    }
    for (const auto& [x, y] : bestAt) {
        bx << x;
        by << y;
    }
    m_plot->graph(0)->setData(xs, ys);
    m_plot->graph(1)->setData(bx, by, true);
    m_plot->xAxis->setLabel(axis);
    m_plot->yAxis->setLabel(kind == SweepSummary::FpsAtAccuracy ? tr("Best FPS") : tr("Best accuracy (%)"));
    if (!texts.isEmpty() && std::any_of(m_tasks.begin(), m_tasks.end(), [&](const auto& t) {
            auto it = t.params.find(axis);
            return it != t.params.end() && it->second.typeId() == QMetaType::QString;
        })) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < texts.size(); ++i) {
            ticker->addTick(i, texts[i]);
        }
        m_plot->xAxis->setTicker(ticker);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_plot->rescaleAxes();
    // Room around the points, so that the first and last are not on the frame.
    const QCPRange x = m_plot->xAxis->range();
    const double pad = x.size() > 0 ? x.size() * 0.08 : 1;
    m_plot->xAxis->setRange(x.lower - pad, x.upper + pad);
    const QCPRange y = m_plot->yAxis->range();
    const double ypad = y.size() > 0 ? y.size() * 0.1 : std::max(1.0, std::abs(y.center()) * 0.1);
    m_plot->yAxis->setRange(y.lower - ypad, y.upper + ypad);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace dna::widgets
