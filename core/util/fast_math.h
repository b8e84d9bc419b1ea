#pragma once

#include <cstdint>
#include <cstring>

namespace dna {

/// Natural logarithm of a positive normal double, within about 1e-12 relative of std::log and several times
/// faster: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172,
/// by its series up to s^13 (the next term is below 5e-13). For the hardware search's Gumbel noise, drawn
/// hundreds of times per sample; not for zero, negative, subnormal or non-finite input.
inline double fastLog(double x)
{
    uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    int e = int((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL; // the mantissa as a number in [1, 2)
    double m = 0;
    std::memcpy(&m, &bits, sizeof m);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        ++e;
    }
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    const double series = s
        * (2.0 + s2 * (2.0 / 3 + s2 * (2.0 / 5 + s2 * (2.0 / 7 + s2 * (2.0 / 9 + s2 * (2.0 / 11 + s2 * (2.0 / 13)))))));
    return e * 0.69314718055994531 + series;
}

/// A Gumbel(0, 1) draw from 64 random bits: -log(-log(u)) with u = (the top 53 bits + 1/2) / 2^53 in (0, 1).
inline double gumbelFromBits(uint64_t bits)
{
    const double u = (double(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    return -fastLog(-fastLog(u));
}

} // namespace dna
