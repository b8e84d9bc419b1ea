#pragma once

#include <qcustomplot.h>

namespace dna::widgets {

/// Ticks for a log axis at 1-2-5 x 10^k (or every integer multiple when the range spans under half a decade, or
/// powers of ten when it is wide), so a front spanning less than a decade still gets readable labels.
/// QCPAxisTickerLog falls back to linear ticks inside one decade, which crowd the right end of a log axis.
class LogTicker125 : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    QVector<double> createSubTickVector(int subTickCount, const QVector<double>& ticks) override;
};

} // namespace dna::widgets
