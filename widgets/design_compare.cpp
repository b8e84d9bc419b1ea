#include "design_compare.h"
#include "error_text.h"

#include "io/json_io.h"
#include "layer_bar_axis.h"
#include "layer_mapping_model.h"
#include "placeholder_stack.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace dna::widgets {

namespace {

const QColor kColorA(0x4e, 0x79, 0xa7);
const QColor kColorB(0xf2, 0x8e, 0x2b);

bool sameShape(const workload::Layer& a, const workload::Layer& b)
{
    return a.type == b.type && a.dims == b.dims && a.strideY == b.strideY && a.strideX == b.strideX;
}

/// Rows of the comparison: layers matched by name (the longest common subsequence of the two name lists), so
/// two genotypes of one space line up layer by layer even where one has a skip; -1 where a design lacks the layer.
std::vector<std::pair<int, int>> alignLayers(const workload::Network& a, const workload::Network& b)
{
    const size_t na = a.layers.size();
    const size_t nb = b.layers.size();
    std::vector<std::vector<int>> lcs(na + 1, std::vector<int>(nb + 1, 0));
    for (size_t i = na; i-- > 0;) {
        for (size_t j = nb; j-- > 0;) {
            lcs[i][j]
                = a.layers[i].name == b.layers[j].name ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::vector<std::pair<int, int>> rows;
    size_t i = 0;
    size_t j = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && a.layers[i].name == b.layers[j].name) {
            rows.emplace_back(int(i++), int(j++));
        } else if (j < nb && (i == na || lcs[i][j + 1] >= lcs[i + 1][j])) {
            rows.emplace_back(-1, int(j++));
        } else {
            rows.emplace_back(int(i++), -1);
        }
    }
    return rows;
}

// Per-layer latency (ms) and energy per inference (uJ) of a costed design.
double layerMs(const accel::Design& d, const accel::DesignCost& c, size_t i)
{
    return c.layers[i].cycles / (d.platform.clockMhz * 1e6) * 1e3;
}

double layerUj(const accel::Design& d, const accel::DesignCost& c, size_t i)
{
    return c.layers[i].energyPj.total() / std::max(1, d.batch) * 1e-6;
}

// Parses a stored design; the error names the candidate and the problem.
std::optional<accel::Design> parseCandidate(const store::CandidateRecord& c, QString& error)
{
    const io::Json json = io::Json::parse(c.designJson, nullptr, false);
    if (json.is_discarded()) {
        error = DesignCompare::tr("The design of candidate %1 is not valid JSON.").arg(c.id);
        return std::nullopt;
    }
    auto design = io::designFromJson(json);
    if (!design) {
        error = DesignCompare::tr("The design of candidate %1 cannot be shown: %2")
                    .arg(c.id)
                    .arg(session::ErrorText::message(design.error()));
        return std::nullopt;
    }
    return std::move(design).value();
}

QString candidateTitle(const store::CandidateRecord& c)
{
    return c.genotype.empty() ? DesignCompare::tr("#%1").arg(c.id)
                              : DesignCompare::tr("#%1 %2").arg(c.id).arg(QString::fromStdString(c.genotype));
}

} // namespace

DesignCompare::DesignCompare(QWidget* parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
{
    m_model->setSortRole(SortRole);
    setupUi();
    clear();
}

QString DesignCompare::placeholderText() const { return tr("Select two candidates to compare them layer by layer"); }

void DesignCompare::setupUi()
{
    m_stack = addPlaceholderStack(this, m_placeholder);

    auto* content = new QWidget(m_stack);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(content);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout->addWidget(m_header);

    auto* splitter = new QSplitter(Qt::Vertical, content);
    m_plot = makePlot();
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(false); // the total row stays last
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    contentLayout->addWidget(splitter, 1);
    m_stack->addWidget(content);
}

QCustomPlot* DesignCompare::makePlot()
{
    auto* plot = new QCustomPlot(this);
    plot->setMinimumHeight(320);
    // Two axis rects stacked over one layer axis: the names are printed once, under the energy chart.
    m_latencyRect = plot->axisRect();
    m_energyRect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(1, 0, m_energyRect);
    plot->plotLayout()->setRowStretchFactor(1, 1.6); // the layer names take part of the lower rect
    auto* margins = new QCPMarginGroup(plot);
    for (QCPAxisRect* rect : { m_latencyRect, m_energyRect }) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);
        for (QCPAxis* axis : rect->axes()) {
            axis->setLayer(QStringLiteral("axes"));
            axis->grid()->setLayer(QStringLiteral("grid"));
        }
    }
    m_latencyRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_latencyRect->setMinimumMargins(QMargins(0, 4, 0, 4));
    m_latencyRect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msTop | QCP::msBottom);
    m_latencyRect->axis(QCPAxis::atLeft)->setLabel(tr("Latency (ms)"));
    m_energyRect->axis(QCPAxis::atLeft)->setLabel(tr("Energy (µJ)"));
    connect(m_latencyRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
        m_energyRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    addBars(m_latencyRect, &m_latencyA, &m_latencyB);
    addBars(m_energyRect, &m_energyA, &m_energyB);
    // No legend: the header above names A and B beside their colours (a legend in the chart covered the tallest
    // bars of a short latency chart).
    plot->legend->setVisible(false);
    return plot;
}

void DesignCompare::addBars(QCPAxisRect* rect, QCPBars** barsA, QCPBars** barsB)
{
    auto* group = new QCPBarsGroup(m_plot ? m_plot : rect->parentPlot());
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    *barsA = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    *barsB = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    for (auto [bars, color] : { std::pair { *barsA, kColorA }, std::pair { *barsB, kColorB } }) {
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.38);
        bars->setBarsGroup(group);
    }
}

bool DesignCompare::setDesigns(const store::CandidateRecord& a, const store::CandidateRecord& b, QString* error)
{
    QString message;
    auto da = parseCandidate(a, message);
    auto db = da ? parseCandidate(b, message) : std::nullopt;
    if (!da || !db) {
        showError(message);
        if (error) {
            *error = message;
        }
        return false;
    }
    setDesigns(*da, candidateTitle(a), *db, candidateTitle(b));
    if (error) {
        error->clear();
    }
    return true;
}

void DesignCompare::setDesigns(
    const accel::Design& a, const QString& titleA, const accel::Design& b, const QString& titleB)
{
    m_errorText.clear();
    m_titleA = titleA;
    m_titleB = titleB;
    const accel::DesignCost ca = accel::evaluateDesign(a);
    const accel::DesignCost cb = accel::evaluateDesign(b);
    double longestMs = 0;
    for (size_t i = 0; i < ca.layers.size(); ++i) {
        longestMs = std::max(longestMs, layerMs(a, ca, i));
    }
    for (size_t i = 0; i < cb.layers.size(); ++i) {
        longestMs = std::max(longestMs, layerMs(b, cb, i));
    }
    m_latencyUnitMs = longestMs < 1 ? 1e-3 : 1;
    auto swatch = [](const QColor& c) { return QStringLiteral("<span style=\"color:%1\">■</span>").arg(c.name()); };
    const QLocale locale;
    m_header->setText(
        tr("%1 <b>A</b> %2: %3 FPS, %4 ms, %5 µJ<br>%6 <b>B</b> %7: %8 FPS, %9 ms, %10 µJ")
            .arg(swatch(kColorA), titleA.toHtmlEscaped(), locale.toString(ca.fps, 'f', 1),
                locale.toString(ca.latencyMs, 'g', 3), locale.toString(ca.energyUj, 'g', 4), swatch(kColorB),
                titleB.toHtmlEscaped(), locale.toString(cb.fps, 'f', 1), locale.toString(cb.latencyMs, 'g', 3))
            .arg(locale.toString(cb.energyUj, 'g', 4)));
    fillTable(a, ca, b, cb);
    fillPlots(a, ca, b, cb);
    m_stack->setCurrentIndex(1);
}

void DesignCompare::fillTable(
    const accel::Design& a, const accel::DesignCost& ca, const accel::Design& b, const accel::DesignCost& cb)
{
    m_model->clear();
    m_model->setColumnCount(ColumnCount);
    const bool us = m_latencyUnitMs < 1;
    const QStringList headers { tr("Layer"), us ? tr("Latency A (µs)") : tr("Latency A (ms)"),
        us ? tr("Latency B (µs)") : tr("Latency B (ms)"), tr("B/A"), tr("Energy A (µJ)"), tr("Energy B (µJ)"),
        tr("B/A") };
    m_model->setHorizontalHeaderLabels(headers);
    m_model->horizontalHeaderItem(LatencyRatio)->setToolTip(tr("Latency of B divided by latency of A"));
    m_model->horizontalHeaderItem(EnergyRatio)->setToolTip(tr("Energy of B divided by energy of A"));
    m_model->horizontalHeaderItem(EnergyA)->setToolTip(tr("Energy per inference"));
    m_model->horizontalHeaderItem(EnergyB)->setToolTip(tr("Energy per inference"));
    const QLocale locale;
    auto number = [&](std::optional<double> v, int precision, double unit = 1) {
        auto* item = new QStandardItem(v ? locale.toString(*v / unit, 'g', precision) : QStringLiteral("—"));
        item->setData(v ? QVariant(*v) : QVariant(), SortRole);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    auto ratio = [&](std::optional<double> va, std::optional<double> vb) {
        const bool ok = va && vb && *va > 0;
        auto* item
            = new QStandardItem(ok ? locale.toString(*vb / *va, 'f', 2) + QStringLiteral("×") : QStringLiteral("—"));
        item->setData(ok ? QVariant(*vb / *va) : QVariant(), SortRole);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (ok && std::abs(*vb / *va - 1.0) > 0.005) {
            item->setForeground(*vb < *va ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        }
        return item;
    };
    const auto rows = alignLayers(a.network, b.network);
    for (size_t r = 0; r < rows.size(); ++r) {
        const auto [ia, ib] = rows[r];
        const bool inA = ia >= 0;
        const bool inB = ib >= 0;
        const workload::Layer& layer = inA ? a.network.layers[size_t(ia)] : b.network.layers[size_t(ib)];
        const bool differs = !(inA && inB) || !sameShape(a.network.layers[size_t(ia)], b.network.layers[size_t(ib)]);
        auto* name = new QStandardItem(QString::fromStdString(layer.name));
        name->setData(int(r), SortRole);
        name->setData(differs, ShapeDiffersRole);
        if (differs) {
            name->setText(QStringLiteral("≠ ") + name->text());
            name->setToolTip(
                tr("The layers differ in shape: A %1, B %2")
                    .arg(inA ? LayerMappingModel::shapeText(a.network.layers[size_t(ia)]) : tr("no layer"),
                        inB ? LayerMappingModel::shapeText(b.network.layers[size_t(ib)]) : tr("no layer")));
        } else {
            name->setToolTip(LayerMappingModel::shapeText(layer));
        }
        const std::optional<double> latA = inA ? std::optional(layerMs(a, ca, size_t(ia))) : std::nullopt;
        const std::optional<double> latB = inB ? std::optional(layerMs(b, cb, size_t(ib))) : std::nullopt;
        const std::optional<double> enA = inA ? std::optional(layerUj(a, ca, size_t(ia))) : std::nullopt;
        const std::optional<double> enB = inB ? std::optional(layerUj(b, cb, size_t(ib))) : std::nullopt;
        QList<QStandardItem*> row { name, number(latA, 3, m_latencyUnitMs), number(latB, 3, m_latencyUnitMs),
            ratio(latA, latB), number(enA, 3), number(enB, 3), ratio(enA, enB) };
        if (differs) {
            for (QStandardItem* item : row) {
                item->setBackground(QColor(255, 200, 0, 40));
            }
        }
        m_model->appendRow(row);
    }
    auto* total = new QStandardItem(tr("Total"));
    total->setData(int(rows.size()), SortRole);
    total->setData(false, ShapeDiffersRole);
    QList<QStandardItem*> row { total, number(ca.latencyMs, 4, m_latencyUnitMs),
        number(cb.latencyMs, 4, m_latencyUnitMs), ratio(ca.latencyMs, cb.latencyMs), number(ca.energyUj, 4),
        number(cb.energyUj, 4), ratio(ca.energyUj, cb.energyUj) };
    for (QStandardItem* item : row) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    m_model->appendRow(row);
    m_table->resizeColumnsToContents();
}

void DesignCompare::fillPlots(
    const accel::Design& a, const accel::DesignCost& ca, const accel::Design& b, const accel::DesignCost& cb)
{
    QVector<double> keysA, keysB, latA, latB, enA, enB;
    QStringList names;
    const auto rows = alignLayers(a.network, b.network);
    for (size_t r = 0; r < rows.size(); ++r) {
        const auto [ia, ib] = rows[r];
        if (ia >= 0) {
            keysA << double(r);
            latA << layerMs(a, ca, size_t(ia)) / m_latencyUnitMs;
            enA << layerUj(a, ca, size_t(ia));
        }
        if (ib >= 0) {
            keysB << double(r);
            latB << layerMs(b, cb, size_t(ib)) / m_latencyUnitMs;
            enB << layerUj(b, cb, size_t(ib));
        }
        const bool differs = ia < 0 || ib < 0 || !sameShape(a.network.layers[size_t(ia)], b.network.layers[size_t(ib)]);
        const auto& layer = ia >= 0 ? a.network.layers[size_t(ia)] : b.network.layers[size_t(ib)];
        names << (differs ? QStringLiteral("≠ ") : QString()) + QString::fromStdString(layer.name);
    }
    m_latencyA->setData(keysA, latA, true);
    m_latencyB->setData(keysB, latB, true);
    m_energyA->setData(keysA, enA, true);
    m_energyB->setData(keysB, enB, true);
    for (QCPBars* bars : { m_latencyA, m_energyA }) {
        bars->setName(tr("A %1").arg(m_titleA.section(QLatin1Char(' '), 0, 0)));
    }
    for (QCPBars* bars : { m_latencyB, m_energyB }) {
        bars->setName(tr("B %1").arg(m_titleB.section(QLatin1Char(' '), 0, 0)));
    }
    m_latencyRect->axis(QCPAxis::atLeft)->setLabel(m_latencyUnitMs < 1 ? tr("Latency (µs)") : tr("Latency (ms)"));
    setLayerTickLabels(m_energyRect->axis(QCPAxis::atBottom), names);
    setLayerTickLabels(m_latencyRect->axis(QCPAxis::atBottom), names);
    m_latencyRect->axis(QCPAxis::atBottom)->setTickLabelRotation(0);
    auto largest = [](const QVector<double>& a, const QVector<double>& b) {
        double m = 0;
        for (double v : a + b) {
            m = std::max(m, v);
        }
        return m > 0 ? m : 1.0;
    };
    m_latencyRect->axis(QCPAxis::atLeft)->setRange(0, largest(latA, latB) * 1.1);
    m_energyRect->axis(QCPAxis::atLeft)->setRange(0, largest(enA, enB) * 1.1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DesignCompare::showError(const QString& message)
{
    clear();
    m_errorText = message;
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_placeholder->setText(message);
}

void DesignCompare::showSelected(const session::SelectedCandidates& selected)
{
    if (selected.current && selected.previous) {
        setDesigns(*selected.previous, *selected.current);
    } else {
        clear();
    }
}

bool DesignCompare::hasDesigns() const { return m_stack->currentIndex() == 1; }

void DesignCompare::clear()
{
    m_errorText.clear();
    m_model->clear();
    for (QCPBars* bars : { m_latencyA, m_latencyB, m_energyA, m_energyB }) {
        bars->data()->clear();
    }
    m_placeholder->setStyleSheet({});
    m_placeholder->setText(placeholderText());
    m_stack->setCurrentIndex(0);
}

} // namespace dna::widgets
