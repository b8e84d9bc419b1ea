// The parts of ParetoPlot the user drives: hover card, clicks and rubber bands on the shared selection, export.
#include "candidate_selection.h"
#include "pareto_plot.h"

#include <QFileInfo>
#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace dna::widgets {

namespace {
const QColor kWarningColour(190, 30, 45);
} // namespace

bool ParetoPlot::exportImage(const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf")) {
        if (error) {
            *error = tr("Cannot export to '%1': the file name must end in .png or .pdf.").arg(path);
        }
        return false;
    }
    if (m_syncTimer.isActive()) {
        syncPlot(true);
    }
    const bool ok = suffix == QLatin1String("png") ? savePng(path) : savePdf(path);
    if (!ok && error) {
        *error = tr("Could not write '%1'.").arg(path);
    }
    return ok;
}

QString ParetoPlot::cardText(qint64 candidateId) const
{
    const auto it = m_pointById.constFind(candidateId);
    if (it == m_pointById.constEnd()) {
        return {};
    }
    const Point& p = m_points[size_t(*it)];
    const store::CandidateRecord& c = p.record;
    const QLocale loc = locale();
    auto num = [&loc](double v) { return std::abs(v) >= 100 ? loc.toString(v, 'f', 0) : loc.toString(v, 'g', 3); };
    auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1&nbsp;&nbsp;&nbsp;</td><td>%2</td></tr>").arg(label, value);
    };
    const Run& run = m_runs[size_t(p.run)];
    const QString runName = run.front->name();
    const bool onFront = std::any_of(
        run.frontMembers.begin(), run.frontMembers.end(), [&](int i) { return m_points[size_t(i)].record.id == c.id; });

    QString html = QStringLiteral("<b>%1</b> &nbsp;<span style='color:%2'>%3</span>")
                       .arg(tr("Candidate %1").arg(c.id), runColor(run.runId).name(), runName.toHtmlEscaped());
    html += QStringLiteral("<br><code>%1</code><table>").arg(QString::fromStdString(c.genotype).toHtmlEscaped());
    const QString kind = c.accuracyKind == "retrained" ? tr("retrained")
        : c.estimateEpoch >= 0 ? tr("supernet estimate, weights of epoch %1").arg(c.estimateEpoch)
                               : tr("supernet estimate");
    html += row(tr("Accuracy"), tr("%1 % (%2)").arg(loc.toString(c.accuracy * 100, 'f', 2), kind));
    html += row(tr("Throughput"), tr("%1 FPS").arg(num(c.fps)));
    html += row(tr("Latency"), tr("%1 ms").arg(num(c.latencyMs)));
    html += row(tr("Energy"), tr("%1 µJ").arg(num(c.energyUj)));
    html += row(tr("EDP"), tr("%1 µJ·ms").arg(num(c.edp)));
    if (c.dsp > 0 || c.bram18 > 0) {
        html += row(tr("DSP / BRAM18"), QStringLiteral("%1 / %2").arg(num(c.dsp), loc.toString(c.bram18)));
    }
    if (c.areaMm2 > 0) {
        html += row(tr("Area"), tr("%1 mm²").arg(num(c.areaMm2)));
    }
    html += QStringLiteral("</table>");
    if (!c.valid) {
        html += QStringLiteral("<span style='color:%1'>%2</span>")
                    .arg(kWarningColour.name(), tr("Invalid design: it does not fit the platform"));
    } else if (onFront) {
        html += tr("On the Pareto front");
    }
    return html;
}

void ParetoPlot::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    m_pressed = event->button() == Qt::LeftButton;
    QToolTip::hideText();
    // A rubber band only with a modifier: while QCustomPlot's selection rect is active, drags cannot pan.
    const bool band = m_pressed && (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier));
    setSelectionRectMode(band ? QCP::srmCustom : QCP::srmNone);
    QCustomPlot::mousePressEvent(event);
}

void ParetoPlot::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const bool click = m_pressed && event->button() == Qt::LeftButton && (pos - m_pressPos).manhattanLength() <= 3;
    m_pressed = false;
    QCustomPlot::mouseReleaseEvent(event); // finishes a rubber band (onRubberBand)
    setSelectionRectMode(QCP::srmNone);
    if (!click || !m_selection || !axisRect()->rect().contains(pos)) {
        return;
    }
    const qint64 id = candidateAt(pos);
    if (event->modifiers() & Qt::ControlModifier) {
        if (id >= 0) {
            m_selection->toggle(id);
        }
    } else if (id >= 0) {
        m_selection->selectOne(id);
    } else {
        m_selection->clear();
    }
}

void ParetoPlot::mouseMoveEvent(QMouseEvent* event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton) {
        return;
    }
    const qint64 id = candidateAt(event->position().toPoint());
    if (id < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), cardText(id), this);
}

void ParetoPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton) {
        resetView();
    }
}

void ParetoPlot::leaveEvent(QEvent* event)
{
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}

void ParetoPlot::onRubberBand(const QRect& rect, QMouseEvent* event)
{
    if (!m_selection) {
        return;
    }
    const QRect r = rect.normalized();
    const double x0 = xAxis->pixelToCoord(r.left()), x1 = xAxis->pixelToCoord(r.right());
    const double y0 = yAxis->pixelToCoord(r.bottom()), y1 = yAxis->pixelToCoord(r.top());
    const double xLo = std::min(x0, x1), xHi = std::max(x0, x1), yLo = std::min(y0, y1), yHi = std::max(y0, y1);
    QList<qint64> ids;
    if (event && (event->modifiers() & Qt::ControlModifier)) {
        ids = m_selection->ids(); // Ctrl+drag adds to the selection
    }
    for (const Point& p : m_points) {
        if (plottable(p) && p.x >= xLo && p.x <= xHi && p.y >= yLo && p.y <= yHi) {
            ids.append(p.record.id);
        }
    }
    m_selection->select(ids);
}

} // namespace dna::widgets
