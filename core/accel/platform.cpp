#include "accel/platform.h"

#include <algorithm>
#include <cmath>

namespace dna::accel {

const char* targetName(Target t) { return t == Target::Fpga ? "fpga" : "asic"; }

double dspPerMac(int bits)
{
    if (bits <= 8) {
        return 0.5;
    }
    if (bits <= 18) {
        return 1.0;
    }
    return 4.0;
}

double rlcWordsPerValue(double zeros, int bits)
{
    constexpr int kWordBits = 64;
    constexpr int kRunBits = 5; // runs of 0..31 zeros
    constexpr int kMaxRun = (1 << kRunBits) - 1;
    const int pairsPerWord = (kWordBits - 1) / (kRunBits + bits); // one bit marks the last word
    if (pairsPerWord < 1 || zeros <= 0) {
        return 1.0;
    }
    const double z = std::min(zeros, 1.0);
    // Values one pair covers: sum over j = 0..31 of z^j (a run stops at the first non-zero or at 31 zeros).
    const double valuesPerPair = z >= 1.0 ? double(kMaxRun + 1) : (1.0 - std::pow(z, kMaxRun + 1)) / (1.0 - z);
    const double coded = double(kWordBits) / pairsPerWord / valuesPerPair / bits;
    return std::min(coded, 1.0);
}

} // namespace dna::accel
