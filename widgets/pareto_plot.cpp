#include "pareto_plot.h"

namespace dna::widgets {

ParetoPlot::ParetoPlot(QWidget* parent)
    : QCustomPlot(parent)
{
    setupAxes();
    setupPlaceholder();
    setMinimumSize(320, 240);
}

QString ParetoPlot::placeholderText() const { return m_placeholder->text(); }

void ParetoPlot::setupAxes()
{
    // Throughput of candidate designs spans orders of magnitude (a few FPS on a small FPGA to thousands on an
    // ASIC), so FPS is on a log scale; accuracy is a plain percentage.
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    xAxis->setNumberFormat(QStringLiteral("gb"));
    xAxis->setRange(1, 10000);
    yAxis->setRange(0, 100);
    xAxis->grid()->setSubGridVisible(true);
    // Room on the right for the last x tick label, which is centred on the end of the axis.
    axisRect()->setMinimumMargins(QMargins(15, 15, 30, 15));
    xAxis->setLabel(tr("Throughput (FPS)"));
    yAxis->setLabel(tr("Accuracy (%)"));
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
    m_placeholder->setText(tr("No candidates yet: start a search"));
}

} // namespace dna::widgets
