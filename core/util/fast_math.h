#pragma once

#include <cstdint>
#include <cstring>

namespace dna {

namespace detail {
/// The 256 centres c_i of fastLog's reduction and their logarithms (util/fast_math.cpp): the mantissa's top
/// 8 bits pick i; c_0 = 1 and c_255 = 2, so arguments next to 1 reduce exactly; the others sit in the middle
/// of their interval. Where c_i > sqrt 2 the table holds log(c_i) - log 2 and the exponent is raised by one,
/// so that near 1 from below the terms are small and do not cancel. Filled when the program starts (a global's
/// dynamic initialisation): not for fastLog calls from another global's initialiser.
struct LogTable {
    double inverse[256];
    double log[256];
    LogTable();
};
extern const LogTable kLogTable;
constexpr int kLogTableRaise = 106; // the first i with c_i > sqrt 2 (1 + 106.5 / 256 = 1.416)
} // namespace detail

/// Natural logarithm of a positive normal double, within about 2e-13 of std::log (absolute where |log x| <= 1,
/// relative beyond) and twice as fast as the atanh series it replaced: x = m 2^e with m in [1, 2);
/// log x = e log 2 + log c_i + log(1 + r) with r = m / c_i - 1 (|r| <= 2^-8, a multiplication by the tabled
/// 1 / c_i, no division) and log(1 + r) by its series to r^4 (the next term is below 2e-13). For the hardware
/// search's Gumbel noise, drawn hundreds of times per sample; not for zero, negative, subnormal or non-finite
/// input.
inline double fastLog(double x)
{
    uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    const int i = int((bits >> 44) & 0xff);
    const int e = int((bits >> 52) & 0x7ff) - 1023 + (i >= detail::kLogTableRaise);
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL; // the mantissa as a number in [1, 2)
    double m = 0;
    std::memcpy(&m, &bits, sizeof m);
    const double r = m * detail::kLogTable.inverse[i] - 1.0;
    const double series = r * (1.0 + r * (-0.5 + r * (1.0 / 3 + r * -0.25)));
    return (e * 0.69314718055994531 + detail::kLogTable.log[i]) + series;
}

/// A Gumbel(0, 1) draw from 64 random bits: -log(-log(u)) with u = (the top 53 bits + 1/2) / 2^53 in (0, 1).
inline double gumbelFromBits(uint64_t bits)
{
    const double u = (double(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    return -fastLog(-fastLog(u));
}

} // namespace dna
