#include "mapping_inspector.h"
#include "error_text.h"

#include "accel/dataflow.h"
#include "io/json_io.h"
#include "io/timeloop_export.h"
#include "layer_bar_axis.h"
#include "layer_mapping_model.h"
#include "placeholder_stack.h"
#include "store/export_files.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace dna::widgets {

namespace {

// Stack colours bottom to top (MAC, RF, NoC, GB, DRAM): a sequence a reader can tell apart in print too.
const QColor kEnergyColors[] = { QColor(0x4e, 0x79, 0xa7), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
    QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59) };

QString bytesText(qint64 bytes) { return QLocale().formattedDataSize(bytes, 0, QLocale::DataSizeIecFormat); }

// "0–3, 7" for the layers an engine runs.
QString rangesText(const std::vector<int>& layers)
{
    QStringList parts;
    for (size_t i = 0; i < layers.size();) {
        size_t j = i;
        while (j + 1 < layers.size() && layers[j + 1] == layers[j] + 1) {
            ++j;
        }
        parts << (j == i ? QString::number(layers[i]) : QStringLiteral("%1–%2").arg(layers[i]).arg(layers[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QString usedOfText(double used, double budget, int decimals)
{
    const QLocale locale;
    if (budget <= 0) {
        return MappingInspector::tr("%1 (no limit)").arg(locale.toString(used, 'f', decimals));
    }
    const QString text
        = QStringLiteral("%1 / %2").arg(locale.toString(used, 'f', decimals), locale.toString(budget, 'f', decimals));
    return used > budget ? QStringLiteral("<span style=\"color:#b00020\"><b>%1</b></span>").arg(text) : text;
}

} // namespace

MappingInspector::MappingInspector(QWidget* parent)
    : QWidget(parent)
    , m_model(new LayerMappingModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LayerMappingModel::SortRole);
    setupUi();
    clear();
}

void MappingInspector::setupUi()
{
    m_stack = addPlaceholderStack(this, m_placeholder);

    auto* content = new QWidget(m_stack);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(content);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(content);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_invalid = new QLabel(content);
    m_invalid->setWordWrap(true);
    m_invalid->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_invalid->hide();
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_invalid);
    m_storedNote = new QLabel(content);
    m_storedNote->setWordWrap(true);
    m_storedNote->hide();
    contentLayout->addWidget(m_storedNote);

    m_tabs = new QTabWidget(content);
    m_tabs->addTab(setupLayersTab(), tr("Layers"));
    m_energyPlot = makeBarPlot();
    m_energyPlot->yAxis->setLabel(tr("Energy per batch"));
    for (int c = 0; c < 5; ++c) {
        auto* bars = new QCPBars(m_energyPlot->xAxis, m_energyPlot->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kEnergyColors[c]);
        bars->setWidth(0.7);
        if (!m_energyBars.isEmpty()) {
            bars->moveAbove(m_energyBars.last());
        }
        m_energyBars << bars;
    }
    m_energyBars[0]->setName(tr("MAC"));
    m_energyBars[1]->setName(tr("RF"));
    m_energyBars[2]->setName(tr("NoC"));
    m_energyBars[3]->setName(tr("GB"));
    m_energyBars[4]->setName(tr("DRAM"));
    m_energyPlot->legend->setVisible(true);
    m_energyPlot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_energyPlot->legend->setWrap(5);
    m_energyPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_tabs->addTab(m_energyPlot, tr("Energy"));

    m_latencyPlot = makeBarPlot();
    // One series per bound so the colour says what limits each layer (the table's Bound column).
    const QColor boundColors[] = { QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59) };
    const QString boundNames[] = { tr("compute-bound"), tr("GB-bound"), tr("DRAM-bound") };
    for (int b = 0; b < 3; ++b) {
        auto* bars = new QCPBars(m_latencyPlot->xAxis, m_latencyPlot->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(boundColors[b]);
        bars->setWidth(0.7);
        bars->setName(boundNames[b]);
        m_latencyBars << bars;
    }
    m_latencyPlot->legend->setVisible(true);
    m_latencyPlot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_latencyPlot->legend->setWrap(3);
    m_latencyPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_tabs->addTab(m_latencyPlot, tr("Latency"));
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);
}

QWidget* MappingInspector::setupLayersTab()
{
    auto* splitter = new QSplitter(Qt::Vertical);
    m_table = new QTableView(splitter);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // network order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MappingInspector::onCurrentRowChanged);

    m_loopNest = new QPlainTextEdit(splitter);
    m_loopNest->setReadOnly(true);
    m_loopNest->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_loopNest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_loopNest->setPlaceholderText(tr("Select a layer to see its loop nest"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_loopNest);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

QCustomPlot* MappingInspector::makeBarPlot()
{
    auto* plot = new QCustomPlot(this);
    plot->setMinimumHeight(200);
    plot->yAxis->grid()->setSubGridVisible(false);
    plot->xAxis->grid()->setVisible(false);
    plot->setNoAntialiasingOnDrag(true);
    connect(plot, &QCustomPlot::mousePress, this, [this, plot](QMouseEvent* e) { onPlotClicked(plot, e); });
    connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent* e) {
        const int layer = layerAt(plot, e->pos());
        if (layer < 0) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(e->globalPosition().toPoint(), barToolTip(layer), plot);
        }
    });
    auto* mark = new QCPItemRect(plot);
    mark->setLayer(QStringLiteral("grid"));
    mark->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
    mark->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    mark->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
    mark->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    mark->setPen(Qt::NoPen);
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlpha(50);
    mark->setBrush(highlight);
    mark->setSelectable(false);
    mark->setVisible(false);
    m_marks << mark;
    return plot;
}

bool MappingInspector::setCandidate(
    const store::CandidateRecord& candidate, QString* error, const std::vector<store::LayerMappingRecord>& stored)
{
    const io::Json json = io::Json::parse(candidate.designJson, nullptr, false);
    QString message;
    if (json.is_discarded()) {
        message = tr("The design of candidate %1 is not valid JSON.").arg(candidate.id);
    } else {
        auto design = io::designFromJson(json);
        if (design) {
            const QString genotype = QString::fromStdString(candidate.genotype);
            setDesign(design.value(),
                genotype.isEmpty() ? tr("Candidate %1").arg(candidate.id)
                                   : tr("Candidate %1: %2").arg(candidate.id).arg(genotype));
            const std::string differs = store::storedLayersDiffer(stored, m_model->design(), m_model->cost());
            if (!differs.empty()) {
                m_storedNote->setText(tr("The store recorded other figures for this design than this build's cost "
                                         "model gives (a store written by another version?); shown are this "
                                         "build's. First difference: %1")
                                          .arg(QString::fromStdString(differs)));
                m_storedNote->show();
            }
            if (error) {
                error->clear();
            }
            return true;
        }
        message = tr("The design of candidate %1 cannot be shown: %2")
                      .arg(candidate.id)
                      .arg(session::ErrorText::message(design.error()));
    }
    showError(message);
    if (error) {
        *error = message;
    }
    return false;
}

void MappingInspector::showSelected(const session::SelectedCandidates& selected)
{
    if (selected.current) {
        setCandidate(*selected.current, nullptr, selected.currentLayers);
    } else {
        clear();
    }
}

void MappingInspector::showError(const QString& message)
{
    clear();
    m_errorText = message;
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_placeholder->setText(message);
}

void MappingInspector::setDesign(const accel::Design& design, const QString& title)
{
    m_errorText.clear();
    m_storedNote->clear();
    m_storedNote->hide();
    const accel::DesignCost cost = accel::evaluateDesign(design);
    m_model->setDesign(design, cost);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    // With one engine its name and dataflow are in the summary; the narrow dock needs the room.
    const bool oneEngine = design.accelerator.engines.size() == 1;
    m_table->setColumnHidden(LayerMappingModel::Engine, oneEngine);
    m_table->setColumnHidden(LayerMappingModel::Dataflow, oneEngine);
    m_table->resizeColumnsToContents();
    updateSummary(title);
    updatePlots();
    m_stack->setCurrentIndex(1);
    if (!design.network.layers.empty()) {
        selectLayer(0);
    }
}

void MappingInspector::clear()
{
    m_errorText.clear();
    m_storedNote->clear();
    m_storedNote->hide();
    m_model->clear();
    m_loopNest->clear();
    for (QCPBars* bars : m_energyBars) {
        bars->data()->clear();
    }
    for (QCPBars* bars : m_latencyBars) {
        bars->data()->clear();
    }
    m_placeholder->setStyleSheet({});
    m_placeholder->setText(placeholderText());
    m_stack->setCurrentIndex(0);
}

QString MappingInspector::placeholderText() const { return tr("Select a candidate to see how each layer is mapped"); }

QString MappingInspector::storedNoteText() const { return m_storedNote->text(); }

QString MappingInspector::summaryText() const { return m_summary->text(); }

QString MappingInspector::loopNestText() const { return m_loopNest->toPlainText(); }

void MappingInspector::updateSummary(const QString& title)
{
    const accel::Design& d = m_model->design();
    const accel::DesignCost& cost = m_model->cost();
    const accel::Accelerator& acc = d.accelerator;
    const QLocale locale;
    m_title->setText(title);

    QStringList lines;
    lines << tr("<b>%1</b> at %2 MHz, %3, batch %4")
                 .arg(QString::fromStdString(d.platform.name).toHtmlEscaped())
                 .arg(locale.toString(d.platform.clockMhz, 'f', 0))
                 .arg(acc.arch == accel::MicroArch::Pipelined ? tr("layer pipeline") : tr("one layer at a time"))
                 .arg(d.batch);
    for (size_t e = 0; e < acc.engines.size(); ++e) {
        const accel::Engine& en = acc.engines[e];
        std::vector<int> layers;
        for (size_t i = 0; i < cost.layerEngine.size(); ++i) {
            if (cost.layerEngine[i] == int(e)) {
                layers.push_back(int(i));
            }
        }
        const bool sameNoc = en.noc[0] == en.noc[1] && en.noc[1] == en.noc[2];
        const QString noc = sameNoc ? QString::fromLatin1(accel::nocStyleName(en.noc[0]))
                                    : tr("W %1, I %2, O %3")
                                          .arg(QString::fromLatin1(accel::nocStyleName(en.noc[0])),
                                              QString::fromLatin1(accel::nocStyleName(en.noc[1])),
                                              QString::fromLatin1(accel::nocStyleName(en.noc[2])));
        lines << tr("<b>E%1</b> %2×%3 PEs, %4, GB %5, RF %6/PE, NoC %7; layers %8")
                     .arg(e)
                     .arg(en.rows)
                     .arg(en.cols)
                     .arg(QString::fromStdString(accel::dataflows()[size_t(en.dataflow)].name))
                     .arg(bytesText(en.gbBytes), bytesText(en.rfBytes), noc,
                         layers.empty() ? tr("none") : rangesText(layers));
    }
    const accel::Resources& r = cost.resources;
    const accel::Budget& b = d.platform.budget;
    if (d.platform.target == accel::Target::Fpga) {
        lines << tr("DSP %1 · BRAM18 %2").arg(usedOfText(r.dsp, b.dsp, 0), usedOfText(r.bram18, b.bram18, 0));
    } else {
        lines << tr("Area %1 mm² · PEs %2").arg(usedOfText(r.areaMm2, b.areaMm2, 2), usedOfText(r.pes, b.pes, 0));
    }
    lines << tr("<b>%1 FPS</b> · latency %2 ms · energy %3 µJ per inference")
                 .arg(locale.toString(cost.fps, 'f', cost.fps < 100 ? 1 : 0))
                 .arg(locale.toString(cost.latencyMs, 'g', 3))
                 .arg(locale.toString(cost.energyUj, 'g', 4));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    if (!cost.valid()) {
        m_invalid->setText(tr("The cost model rejects this design (%1): %2")
                               .arg(QString::fromLatin1(accel::invalidCode(cost.invalid)),
                                   QString::fromStdString(cost.invalidDetail)));
    }
    m_invalid->setVisible(!cost.valid());
}

void MappingInspector::updatePlots()
{
    const accel::Design& d = m_model->design();
    const accel::DesignCost& cost = m_model->cost();
    const double scale = m_model->energyScalePj();
    const QString unit = scale >= 1e6 ? tr("µJ") : tr("nJ");
    QVector<double> keys;
    std::array<QVector<double>, 5> energy;
    std::array<QVector<double>, 3> latencyKeys, latency;
    QStringList names;
    const double clockHz = d.platform.clockMhz * 1e6;
    double longestMs = 0;
    for (const auto& lc : cost.layers) {
        longestMs = std::max(longestMs, lc.cycles / clockHz * 1e3);
    }
    m_latencyUnitMs = longestMs < 1 ? 1e-3 : 1;
    for (size_t i = 0; i < cost.layers.size(); ++i) {
        const auto& e = cost.layers[i].energyPj;
        keys << double(i);
        energy[0] << e.mac / scale;
        energy[1] << e.rf / scale;
        energy[2] << e.noc / scale;
        energy[3] << e.gb / scale;
        energy[4] << e.dram / scale;
        const size_t b = size_t(cost.layers[i].bound);
        latencyKeys[b] << double(i);
        latency[b] << cost.layers[i].cycles / clockHz * 1e3 / m_latencyUnitMs;
        names << QString::fromStdString(d.network.layers[i].name);
    }
    for (int c = 0; c < 5; ++c) {
        m_energyBars[c]->setData(keys, energy[size_t(c)], true);
    }
    for (int b = 0; b < 3; ++b) {
        m_latencyBars[b]->setData(latencyKeys[size_t(b)], latency[size_t(b)], true);
        // Only the bounds that occur get a legend entry.
        if (latencyKeys[size_t(b)].isEmpty()) {
            m_latencyBars[b]->removeFromLegend();
        } else if (!m_latencyPlot->legend->hasItemWithPlottable(m_latencyBars[b])) {
            m_latencyBars[b]->addToLegend();
        }
    }
    m_latencyPlot->yAxis->setLabel(m_latencyUnitMs < 1 ? tr("Latency (µs)") : tr("Latency (ms)"));
    m_energyPlot->yAxis->setLabel(tr("Energy per batch (%1)").arg(unit));
    for (QCustomPlot* plot : { m_energyPlot, m_latencyPlot }) {
        setLayerTickLabels(plot->xAxis, names);
        plot->yAxis->rescale(true);
        plot->yAxis->setRangeLower(0);
        // Headroom above the tallest bar for the legend.
        plot->yAxis->setRangeUpper(plot->yAxis->range().upper * 1.2);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void MappingInspector::selectLayer(int layer)
{
    if (layer < 0 || layer >= m_model->rowCount()) {
        return;
    }
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(layer, 0));
    m_table->selectionModel()->setCurrentIndex(
        proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxyIndex);
}

int MappingInspector::selectedLayer() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void MappingInspector::onCurrentRowChanged()
{
    const int layer = selectedLayer();
    if (layer < 0) {
        m_loopNest->clear();
        markSelected(-1);
        return;
    }
    m_loopNest->setPlainText(QString::fromStdString(io::loopNestText(m_model->design(), size_t(layer))));
    markSelected(layer);
    emit layerSelected(layer);
}

void MappingInspector::markSelected(int layer)
{
    for (QCPItemRect* mark : m_marks) {
        mark->setVisible(layer >= 0);
        mark->topLeft->setCoords(layer - 0.5, 0);
        mark->bottomRight->setCoords(layer + 0.5, 1);
        mark->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
    }
}

int MappingInspector::layerAt(QCustomPlot* plot, const QPoint& pos) const
{
    const QRect rect = plot->axisRect()->rect();
    // The plot area and the tick labels under it.
    if (pos.x() < rect.left() || pos.x() > rect.right() || pos.y() < rect.top()) {
        return -1;
    }
    const int layer = int(std::lround(plot->xAxis->pixelToCoord(pos.x())));
    return layer >= 0 && layer < m_model->rowCount() ? layer : -1;
}

QString MappingInspector::barToolTip(int layer) const
{
    const QModelIndex row = m_model->index(layer, 0);
    auto cell = [&](int column) { return row.siblingAtColumn(column).data().toString(); };
    const QString unit = m_model->energyScalePj() >= 1e6 ? tr("µJ") : tr("nJ");
    return tr("<b>%1</b> %2<br>%3 cycles (%4 of latency), %5-bound, %6 utilised<br>energy %7 %8: MAC %9, RF %10, "
              "NoC %11, GB %12, DRAM %13")
        .arg(cell(LayerMappingModel::Name).toHtmlEscaped(), cell(LayerMappingModel::Shape),
            cell(LayerMappingModel::Cycles), cell(LayerMappingModel::LatencyShare), cell(LayerMappingModel::Bound),
            cell(LayerMappingModel::Utilization), cell(LayerMappingModel::EnergyTotal), unit,
            cell(LayerMappingModel::EnergyMac))
        .arg(cell(LayerMappingModel::EnergyRf), cell(LayerMappingModel::EnergyNoc), cell(LayerMappingModel::EnergyGb),
            cell(LayerMappingModel::EnergyDram));
}

void MappingInspector::onPlotClicked(QCustomPlot* plot, QMouseEvent* event)
{
    // Anywhere in a layer's column (or on its tick label) selects it, not only on the bar itself.
    const int layer = layerAt(plot, event->pos());
    if (layer >= 0) {
        selectLayer(layer);
    }
}

} // namespace dna::widgets
