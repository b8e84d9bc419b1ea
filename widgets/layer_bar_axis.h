#pragma once

#include <qcustomplot.h>

#include <QStringList>

namespace dna::widgets {

/// Puts one tick per layer (keys 0..n-1) with the layer names on a bar chart's key axis; the labels turn
/// vertical when there are more than fit side by side, so names stay readable in a narrow dock.
inline void setLayerTickLabels(QCPAxis* axis, const QStringList& names)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < names.size(); ++i) {
        ticker->addTick(i, names[i]);
    }
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    axis->setTickLength(0, 3);
    axis->grid()->setVisible(false);
    const QFontMetrics metrics(axis->tickLabelFont());
    int widest = 0;
    for (const QString& n : names) {
        widest = std::max(widest, metrics.horizontalAdvance(n));
    }
    const int perBar = std::max(1, axis->axisRect()->width()) / std::max<int>(1, int(names.size()));
    axis->setTickLabelRotation(names.size() > 4 && widest + 4 > std::max(perBar, 40) ? 90 : 0);
    axis->setRange(-0.6, names.size() - 0.4);
}

} // namespace dna::widgets
