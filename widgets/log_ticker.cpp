#include "log_ticker.h"

#include <cmath>
#include <vector>

namespace dna::widgets {

QVector<double> LogTicker125::createTickVector(double, const QCPRange& range)
{
    QVector<double> ticks;
    if (!(range.lower > 0) || !(range.upper > range.lower)) {
        return ticks;
    }
    const double decades = std::log10(range.upper / range.lower);
    // Past 2.5 decades 1-2-5 labels crowd a plot of ordinary width ("500010000" on 1..10^4): decades only.
    const std::vector<double> mantissas = decades > 2.5 ? std::vector<double> { 1 }
        : decades > 0.5                                 ? std::vector<double> { 1, 2, 5 }
                                                        : std::vector<double> { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    for (int k = int(std::floor(std::log10(range.lower))) - 1; k <= int(std::ceil(std::log10(range.upper))); ++k) {
        if (decades > 8 && k % 2 != 0) {
            continue;
        }
        for (double m : mantissas) {
            const double v = m * std::pow(10.0, k);
            if (v >= range.lower && v <= range.upper) {
                ticks.append(v);
            }
        }
    }
    return ticks;
}

QVector<double> LogTicker125::createSubTickVector(int, const QVector<double>&) { return {}; }

} // namespace dna::widgets
