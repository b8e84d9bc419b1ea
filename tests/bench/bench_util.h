#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace dna::bench {

/// Calls `step(i)` in batches until `minSeconds` have passed; returns calls per second.
template <class Step> double ratePerSecond(Step&& step, double minSeconds = 1.0, long batch = 1000)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    long calls = 0;
    double elapsed = 0;
    do {
        for (long i = 0; i < batch; ++i) {
            step(calls + i);
        }
        calls += batch;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < minSeconds);
    return calls / elapsed;
}

/// One figure per line as `name: value`, so scripts can collect them.
inline void report(const std::string& name, double value)
{
    std::printf("%s: %.6g\n", name.c_str(), value);
    std::fflush(stdout);
}

/// Seeds from `S` or `FROM-TO` (at most 100); false for anything else.
inline bool parseSeeds(const std::string& text, std::vector<uint64_t>& out)
{
    out.clear();
    const auto dash = text.find('-');
    char* end = nullptr;
    if (dash != std::string::npos) {
        const unsigned long long from = std::strtoull(text.c_str(), &end, 10);
        const unsigned long long to = std::strtoull(text.c_str() + dash + 1, &end, 10);
        if (*end != '\0' || to < from || to - from > 99) {
            return false;
        }
        for (auto s = from; s <= to; ++s) {
            out.push_back(s);
        }
        return true;
    }
    const unsigned long long one = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0') {
        return false;
    }
    out.push_back(one);
    return true;
}

} // namespace dna::bench
