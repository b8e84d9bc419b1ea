#include "util/fast_math.h"

#include <cmath>

namespace dna::detail {

LogTable::LogTable()
{
    for (int i = 0; i < 256; ++i) {
        const double c = i == 0 ? 1.0 : i == 255 ? 2.0 : 1.0 + (i + 0.5) / 256.0;
        inverse[i] = 1.0 / c;
        log[i] = i >= kLogTableRaise ? std::log(c) - std::log(2.0) : std::log(c);
    }
}

const LogTable kLogTable;

} // namespace dna::detail
