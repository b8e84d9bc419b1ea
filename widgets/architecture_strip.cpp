#include "architecture_strip.h"

#include "workload/network.h"
#include "workload/search_space.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace dna::widgets {

namespace {

/// Hue by kernel size, so k3 and k5 layers read apart at a glance; unknown sizes get a neutral purple.
int kernelHue(int kernel)
{
    switch (kernel) {
    case 3:
        return 210; // blue
    case 5:
        return 28; // orange
    case 7:
        return 130; // green
    default:
        return 280;
    }
}

/// Lightness by expansion: e1 light, e3 medium, e6 dark.
double expansionLightness(int expansion) { return std::clamp(0.86 - 0.075 * expansion, 0.36, 0.85); }

QColor opFill(const workload::OpSpec& op)
{
    if (op.isSkip()) {
        return QColor(0xe4, 0xe4, 0xe4);
    }
    return QColor::fromHslF(kernelHue(op.kernel) / 360.0, 0.62, expansionLightness(op.expansion));
}

QColor textOn(const QColor& fill) { return fill.lightnessF() < 0.55 ? Qt::white : QColor(0x20, 0x20, 0x20); }

} // namespace

/// The row of op boxes, one per searchable layer, with a gap between stages and a small colour key.
class OpBoxes : public QWidget {
public:
    struct Box {
        int layer = 0;
        int stage = 0;
        int stride = 1;
        workload::OpSpec op;
        QString toolTip;
    };

    explicit OpBoxes(QWidget* parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }

    void setBoxes(std::vector<Box> boxes)
    {
        m_boxes = std::move(boxes);
        updateGeometry();
        update();
    }
    const std::vector<Box>& boxes() const { return m_boxes; }

    QSize sizeHint() const override
    {
        const QFontMetrics fm(font());
        int width = 2 * kMargin;
        for (size_t i = 0; i < m_boxes.size(); ++i) {
            width += boxWidth() + (i ? gapBefore(i) : 0);
        }
        return { std::max(width, 200), kMargin + boxHeight() + kMargin + fm.height() + kMargin };
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        QFont bold = font();
        bold.setBold(true);
        for (size_t i = 0; i < m_boxes.size(); ++i) {
            const Box& b = m_boxes[i];
            const QRectF r = boxRect(i);
            const QColor fill = opFill(b.op);
            QPen border(fill.darker(b.op.isSkip() ? 125 : 140), 1);
            if (b.op.isSkip()) {
                border.setStyle(Qt::DashLine);
            }
            p.setPen(border);
            p.setBrush(fill);
            p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            const QColor text = b.op.isSkip() ? QColor(0x80, 0x80, 0x80) : textOn(fill);
            p.setPen(text);
            p.setFont(small);
            const QString head = b.stride > 1 ? ArchitectureStrip::tr("L%1 ↓%2").arg(b.layer).arg(b.stride)
                                              : ArchitectureStrip::tr("L%1").arg(b.layer);
            p.drawText(r.adjusted(2, 3, -2, -r.height() / 2), Qt::AlignHCenter | Qt::AlignVCenter, head);
            p.setFont(bold);
            p.drawText(r.adjusted(2, r.height() / 2 - 2, -2, -3), Qt::AlignHCenter | Qt::AlignVCenter,
                QString::fromStdString(b.op.name));
        }
        if (!m_boxes.empty()) {
            paintKey(p, small);
        }
    }

    bool event(QEvent* e) override
    {
        if (e->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(e);
            for (size_t i = 0; i < m_boxes.size(); ++i) {
                if (boxRect(i).contains(help->pos())) {
                    QToolTip::showText(help->globalPos(), m_boxes[i].toolTip, this);
                    return true;
                }
            }
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        return QWidget::event(e);
    }

private:
    static constexpr int kMargin = 4;
    int boxWidth() const { return QFontMetrics(font()).horizontalAdvance(QStringLiteral("k5e1g2")) + 16; }
    int boxHeight() const { return 2 * QFontMetrics(font()).height() + 10; }
    int gapBefore(size_t i) const { return m_boxes[i].stage != m_boxes[i - 1].stage ? 10 : 3; }

    QRectF boxRect(size_t i) const
    {
        int x = kMargin;
        for (size_t j = 1; j <= i; ++j) {
            x += boxWidth() + gapBefore(j);
        }
        return QRectF(x, kMargin, boxWidth(), boxHeight());
    }

    void paintKey(QPainter& p, const QFont& small)
    {
        p.setFont(small);
        const QFontMetrics fm(small);
        const int y = kMargin + boxHeight() + kMargin;
        const int h = fm.height();
        int x = kMargin;
        auto swatch = [&](const QColor& fill, const QString& label, bool dashed) {
            QPen pen(fill.darker(140), 1);
            pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
            p.setPen(pen);
            p.setBrush(fill);
            p.drawRect(QRectF(x + 0.5, y + 2.5, h - 4, h - 4));
            x += h;
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(x, y, fm.horizontalAdvance(label) + 2, h), Qt::AlignVCenter, label);
            x += fm.horizontalAdvance(label) + 12;
        };
        const bool hasK7 = std::any_of(m_boxes.begin(), m_boxes.end(), [](const Box& b) { return b.op.kernel == 7; });
        swatch(QColor::fromHslF(kernelHue(3) / 360.0, 0.62, expansionLightness(3)), ArchitectureStrip::tr("3×3 kernel"),
            false);
        swatch(QColor::fromHslF(kernelHue(5) / 360.0, 0.62, expansionLightness(3)), ArchitectureStrip::tr("5×5 kernel"),
            false);
        if (hasK7) {
            swatch(QColor::fromHslF(kernelHue(7) / 360.0, 0.62, expansionLightness(3)),
                ArchitectureStrip::tr("7×7 kernel"), false);
        }
        swatch(QColor(0xe4, 0xe4, 0xe4), ArchitectureStrip::tr("skip"), true);
        p.setPen(palette().color(QPalette::PlaceholderText));
        const QString shade = ArchitectureStrip::tr("darker = larger expansion (e1, e3, e6); ↓2 = stride 2");
        p.drawText(QRect(x, y, fm.horizontalAdvance(shade) + 2, h), Qt::AlignVCenter, shade);
    }

    std::vector<Box> m_boxes;
};

ArchitectureStrip::ArchitectureStrip(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_boxesArea(new QScrollArea(this))
    , m_boxes(new OpBoxes(this))
    , m_message(new QLabel(this))
    , m_heatTitle(new QLabel(tr("Architecture probabilities by epoch"), this))
    , m_plot(new QCustomPlot(this))
    , m_opLegend(new QLabel(this))
{
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_heatTitle->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Many layers (22 in the ImageNet space) scroll sideways rather than squeeze the op names.
    m_boxesArea->setWidget(m_boxes);
    m_boxesArea->setWidgetResizable(true);
    m_boxesArea->setFrameShape(QFrame::NoFrame);
    m_boxesArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_boxesArea->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_boxesArea->setFixedHeight(m_boxes->sizeHint().height() + m_boxesArea->horizontalScrollBar()->sizeHint().height());

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }"));
    m_message->hide();

    m_opLegend->setWordWrap(true);
    m_opLegend->setTextFormat(Qt::RichText);
    m_opLegend->setForegroundRole(QPalette::PlaceholderText);
    m_opLegend->hide();

    setupHeatMap();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_boxesArea);
    layout->addWidget(m_message);
    layout->addSpacing(4);
    layout->addWidget(m_heatTitle);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_opLegend);
    clearGenotype();
}

void ArchitectureStrip::setGenotype(const QString& genotype)
{
    const auto net = workload::networkFromGenotype(genotype.toStdString());
    if (!net) {
        m_boxes->setBoxes({});
        m_boxesArea->hide();
        m_title->setText(tr("Architecture"));
        const QString space = genotype.section(QLatin1Char(':'), 0, 0);
        if (!genotype.contains(QLatin1Char(':'))) {
            m_message->setText(
                tr("Cannot show the architecture of “%1”: a genotype looks like SPACE:op,op,… (for example "
                   "fmnist:k3e3,k5e6,skip,…).")
                    .arg(genotype));
        } else if (net.error().code == ErrorCode::UnknownSpace) {
            QStringList known;
            for (const auto& s : workload::searchSpaces()) {
                known.append(QString::fromStdString(s.name));
            }
            m_message->setText(tr("Cannot show the architecture of “%1”: its search space “%2” is not one this "
                                  "version knows (%3).")
                                   .arg(genotype, space, known.join(QStringLiteral(", "))));
        } else {
            m_message->setText(tr("Cannot show the architecture of “%1”: it does not fit search space “%2” (%3).")
                                   .arg(genotype, space, QString::fromStdString(net.error().detail)));
        }
        m_message->show();
        return;
    }
    const workload::SearchSpace* space = workload::findSearchSpace(net->space);
    std::vector<OpBoxes::Box> boxes;
    int layer = 0;
    for (int stage = 0; stage < int(space->stages.size()); ++stage) {
        for (int i = 0; i < space->stages[size_t(stage)].layers; ++i, ++layer) {
            OpBoxes::Box b;
            b.layer = layer;
            b.stage = stage;
            b.op = space->ops[size_t(net->genotype[size_t(layer)])];
            const auto slot = space->slot(layer);
            b.stride = slot.stride;
            const QString shape = tr("%1 → %2 channels, %3×%3 input, stride %4")
                                      .arg(slot.inChannels)
                                      .arg(slot.outChannels)
                                      .arg(slot.inSize)
                                      .arg(slot.stride);
            const QString what = b.op.isSkip()
                ? tr("skip (identity, or a 1×1 convolution where the shape changes)")
                : tr("MBConv, %1×%1 depthwise kernel, expansion %2, %3 group(s) in the 1×1 convolutions")
                      .arg(b.op.kernel)
                      .arg(b.op.expansion)
                      .arg(b.op.groups);
            b.toolTip = tr("Layer %1 (stage %2): %3\n%4\n%5")
                            .arg(layer)
                            .arg(stage + 1)
                            .arg(QString::fromStdString(b.op.name), what, shape);
            boxes.push_back(std::move(b));
        }
    }
    m_boxes->setBoxes(std::move(boxes));
    m_message->hide();
    m_boxesArea->show();
    m_title->setText(tr("Architecture: %1 space, %2 searchable layers, %3 M MACs")
                         .arg(QString::fromStdString(net->space))
                         .arg(layer)
                         .arg(QLocale().toString(double(net->macs()) / 1e6, 'f', 2)));
    m_title->setToolTip(genotype);
}

void ArchitectureStrip::clearGenotype()
{
    m_boxes->setBoxes({});
    m_boxesArea->hide();
    m_message->hide();
    m_title->setText(tr("Architecture: select a candidate to see its op per layer"));
    m_title->setToolTip({});
}

QStringList ArchitectureStrip::shownOps() const
{
    QStringList ops;
    for (const auto& b : m_boxes->boxes()) {
        ops.append(QString::fromStdString(b.op.name));
    }
    return ops;
}

QString ArchitectureStrip::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

// ---------------------------------------------------------------------------------------------------------------
// Heat map

void ArchitectureStrip::setupHeatMap()
{
    m_plot->setMinimumHeight(220);
    m_plot->setMouseTracking(true);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(12);
    m_scale->axis()->setLabel(tr("Probability"));
    m_map->setColorScale(m_scale);
    // A perceptually ordered dark-to-light scale (viridis-like stops): the winning op stands out bright.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    gradient.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    gradient.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    gradient.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    gradient.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, 1));
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRangeReversed(true); // layer 0 at the top, as in the network
    m_plot->yAxis->setLabel(tr("Layer"));
    m_plot->yAxis->setTickLength(0, 0); // the op key takes the place of the ticks
    m_plot->yAxis->setTickLabelPadding(14);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRangeReversed(true);
    m_plot->yAxis2->setTickLength(0, 2);
    m_plot->yAxis2->setSubTicks(false);
    m_plot->yAxis->setSubTicks(false);
    m_plot->xAxis->setSubTicks(false);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
        axis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    }
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_plot->yAxis2,
        qOverload<const QCPRange&>(&QCPAxis::setRange));

    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setColor(palette().color(QPalette::Disabled, QPalette::Text));
    setPlaceholderText({});

    connect(m_plot, &QCustomPlot::beforeReplot, this, &ArchitectureStrip::updateRowLabels);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ArchitectureStrip::showCellToolTip);
    rebuildHeatMap();
}

QString ArchitectureStrip::opName(int op) const { return op < m_opNames.size() ? m_opNames[op] : tr("op %1").arg(op); }

void ArchitectureStrip::setOpNames(const QStringList& names)
{
    m_opNames = names;
    rebuildHeatMap();
}

void ArchitectureStrip::appendEpoch(int epoch, const std::vector<std::vector<double>>& probabilities)
{
    if (probabilities.empty()) {
        return;
    }
    size_t ops = 0;
    for (const auto& layer : probabilities) {
        ops = std::max(ops, layer.size());
    }
    // A different shape means a different search: start over rather than mix spaces.
    if (int(probabilities.size()) != m_layers || int(ops) != m_ops) {
        m_history.clear();
        m_epochs.clear();
        m_layers = int(probabilities.size());
        m_ops = int(ops);
    }
    const auto at = std::find(m_epochs.begin(), m_epochs.end(), epoch);
    if (at != m_epochs.end()) {
        m_history[size_t(at - m_epochs.begin())] = probabilities;
    } else {
        m_epochs.push_back(epoch);
        m_history.push_back(probabilities);
    }
    rebuildHeatMap();
}

void ArchitectureStrip::setPlaceholderText(const QString& text)
{
    m_severalRunsNote = false; // whoever sets a text now says what is shown
    m_placeholder->setText(
        text.isEmpty() ? tr("No search running: the probabilities appear here after each epoch") : text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ArchitectureStrip::runsShown(const QList<qint64>& runIds, bool /*keepView*/)
{
    if (runIds.size() > 1) {
        setPlaceholderText(tr("%1 runs shown: open one to see its probabilities").arg(runIds.size()));
        m_severalRunsNote = true;
    } else if (m_severalRunsNote) {
        setPlaceholderText({});
    }
}

void ArchitectureStrip::clearHistory()
{
    m_history.clear();
    m_epochs.clear();
    m_layers = 0;
    m_ops = 0;
    rebuildHeatMap();
}

QSize ArchitectureStrip::heatMapCells() const
{
    if (m_history.empty()) {
        return {};
    }
    return { m_map->data()->keySize(), m_map->data()->valueSize() };
}

double ArchitectureStrip::heatMapValue(int epochIndex, int layer, int op) const
{
    if (m_history.empty() || layer < 0 || layer >= m_layers || op < 0 || op >= m_ops) {
        return std::nan("");
    }
    return m_map->data()->cell(epochIndex, layer * m_ops + op);
}

void ArchitectureStrip::rebuildHeatMap()
{
    for (int i = m_plot->itemCount() - 1; i >= 0; --i) {
        if (m_plot->item(i) != m_placeholder) {
            m_plot->removeItem(i);
        }
    }
    const int epochs = int(m_history.size());
    const int rows = m_layers * m_ops;
    m_separators.clear();
    m_opKeys.clear();
    m_placeholder->setVisible(epochs == 0);
    m_map->setVisible(epochs > 0);
    // The colour bar leaves the layout while there is nothing to scale, so the empty plot is not lopsided.
    m_scale->setVisible(epochs > 0);
    if (epochs > 0 && !m_scale->layout()) {
        m_plot->plotLayout()->addElement(0, 1, m_scale);
    } else if (epochs == 0 && m_scale->layout()) {
        m_plot->plotLayout()->take(m_scale);
        m_plot->plotLayout()->simplify();
    }
    if (epochs == 0) {
        m_map->data()->clear();
        for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
            axis->ticker().staticCast<QCPAxisTickerText>()->clear();
        }
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
        m_opLegend->hide();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    // Cell centres at x = epoch index and y = layer * ops + op. With one column the colour map spans its key
    // range exactly, so that range is the cell itself.
    m_map->data()->setSize(epochs, rows);
    m_map->data()->setRange(epochs > 1 ? QCPRange(0, epochs - 1) : QCPRange(-0.5, 0.5),
        rows > 1 ? QCPRange(0, rows - 1) : QCPRange(-0.5, 0.5));
    for (int e = 0; e < epochs; ++e) {
        for (int l = 0; l < m_layers; ++l) {
            const auto& layer = m_history[size_t(e)][size_t(l)];
            for (int o = 0; o < m_ops; ++o) {
                m_map->data()->setCell(e, l * m_ops + o, o < int(layer.size()) ? layer[size_t(o)] : std::nan(""));
            }
        }
    }
    m_plot->xAxis->setRange(-0.5, epochs - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);

    // Epoch labels: every epoch when few, else about ten evenly spaced.
    auto xTicks = m_plot->xAxis->ticker().staticCast<QCPAxisTickerText>();
    xTicks->clear();
    const int step = std::max(1, int(std::ceil(epochs / 10.0)));
    for (int e = 0; e < epochs; e += step) {
        xTicks->addTick(e, QString::number(m_epochs[size_t(e)]));
    }
    // Separators between layers, drawn over the map, and a key left of each row in the op's box colour.
    for (int l = 1; l < m_layers; ++l) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->setSelectable(false);
        line->point1->setCoords(0, l * m_ops - 0.5);
        line->point2->setCoords(1, l * m_ops - 0.5);
        m_separators.push_back(line);
    }
    QStringList legend;
    for (int o = 0; o < m_ops; ++o) {
        const QColor colour = opKeyColour(o);
        legend.append(QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2").arg(colour.name(), opName(o)));
    }
    for (int r = 0; r < rows; ++r) {
        auto* key = new QCPItemRect(m_plot);
        key->setSelectable(false);
        key->setClipToAxisRect(false);
        const QColor colour = opKeyColour(r % m_ops);
        key->setPen(Qt::NoPen);
        key->setBrush(colour);
        for (QCPItemPosition* pos : { key->topLeft, key->bottomRight }) {
            pos->setTypeX(QCPItemPosition::ptAxisRectRatio);
            pos->setTypeY(QCPItemPosition::ptPlotCoords);
        }
        key->topLeft->setCoords(0, r - 0.5);
        key->bottomRight->setCoords(0, r + 0.5);
        m_opKeys.push_back(key);
    }
    m_opLegend->setText(tr("Rows in each layer, top to bottom: %1. Hover a cell for its values.")
                            .arg(legend.join(QStringLiteral(", &nbsp;"))));
    m_labelState = {};
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QColor ArchitectureStrip::opKeyColour(int op) const
{
    const std::string name = opName(op).toStdString();
    for (const auto& space : workload::searchSpaces()) {
        const int index = space.opIndex(name);
        if (index >= 0) {
            return opFill(space.ops[size_t(index)]);
        }
    }
    return QColor(0xb0, 0xb0, 0xb0);
}

void ArchitectureStrip::updateRowLabels()
{
    if (m_history.empty()) {
        return;
    }
    // Sizes from the last layout; a change re-plots once more with labels that fit.
    const int rows = m_layers * m_ops;
    const double rowPx = double(m_plot->axisRect()->height()) / std::max(1, rows);
    const double textPx = QFontMetrics(m_plot->yAxis2->tickLabelFont()).height();
    const bool opLabels = rowPx >= 0.85 * textPx;
    const int layerStep = std::max(1, int(std::ceil(textPx / std::max(1.0, rowPx * m_ops))));
    const bool thinLayers = rowPx * m_ops < 30;

    // The op key sits in the 10 px left of the map, whatever the plot's width.
    const double px = 1.0 / std::max(1, m_plot->axisRect()->width());
    for (QCPItemRect* key : m_opKeys) {
        key->topLeft->setCoords(-10 * px, key->topLeft->coords().y());
        key->bottomRight->setCoords(-2 * px, key->bottomRight->coords().y());
    }
    const LabelState state { opLabels, layerStep, thinLayers };
    if (state.opLabels == m_labelState.opLabels && state.layerStep == m_labelState.layerStep
        && state.thinLayers == m_labelState.thinLayers) {
        return;
    }
    m_labelState = state;
    for (QCPItemStraightLine* line : m_separators) {
        line->setPen(QPen(Qt::white, thinLayers ? 1 : 2));
    }
    // Layer labels at layer centres; when layers are thinner than a line of text, every n-th layer.
    auto left = m_plot->yAxis->ticker().staticCast<QCPAxisTickerText>();
    left->clear();
    for (int l = 0; l < m_layers; l += layerStep) {
        left->addTick(l * m_ops + (m_ops - 1) / 2.0, tr("L%1").arg(l));
    }
    auto right = m_plot->yAxis2->ticker().staticCast<QCPAxisTickerText>();
    right->clear();
    if (opLabels) {
        for (int r = 0; r < rows; ++r) {
            right->addTick(r, opName(r % m_ops));
        }
    }
    m_plot->yAxis2->setTickLabels(opLabels);
    m_opLegend->setVisible(!opLabels);
    // The ticks take effect in the next layout pass.
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ArchitectureStrip::showCellToolTip(QMouseEvent* event)
{
    if (m_history.empty() || !m_plot->axisRect()->rect().contains(event->pos())) {
        QToolTip::hideText();
        return;
    }
    const int e = int(std::lround(m_plot->xAxis->pixelToCoord(event->position().x())));
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(event->position().y())));
    if (e < 0 || e >= int(m_history.size()) || row < 0 || row >= m_layers * m_ops) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), cellToolTip(e, row / m_ops, row % m_ops), m_plot);
}

QString ArchitectureStrip::cellToolTip(int epochIndex, int layer, int op) const
{
    if (epochIndex < 0 || epochIndex >= int(m_history.size()) || layer < 0 || layer >= m_layers) {
        return {};
    }
    const auto& probs = m_history[size_t(epochIndex)][size_t(layer)];
    QString rows;
    for (int o = 0; o < m_ops; ++o) {
        const QString value = o < int(probs.size()) ? QLocale().toString(probs[size_t(o)], 'f', 3) : tr("n/a");
        const QString cells = QStringLiteral("<td><span style=\"color:%1\">&#9632;</span>&nbsp;%2</td>"
                                             "<td align=\"right\">&nbsp;&nbsp;%3</td>")
                                  .arg(opKeyColour(o).name(), opName(o).toHtmlEscaped(), value);
        rows += o == op ? QStringLiteral("<tr style=\"font-weight:bold\">%1</tr>").arg(cells)
                        : QStringLiteral("<tr>%1</tr>").arg(cells);
    }
    return tr("<b>Layer %1, epoch %2</b>: probability of each op<table>%3</table>")
        .arg(layer)
        .arg(m_epochs[size_t(epochIndex)])
        .arg(rows);
}

void ArchitectureStrip::setSearchHistory(
    qint64 runId, const QStringList& opNames, const std::vector<session::EpochProbabilities>& epochs)
{
    clearHistory();
    if (runId == 0) {
        return; // several runs shown, or none: the heat map is one run's search
    }
    setOpNames(opNames);
    for (const auto& e : epochs) {
        appendEpoch(e.epoch, e.probabilities);
    }
}

} // namespace dna::widgets
