#pragma once

#include <chrono>
#include <cstdio>
#include <string>

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

} // namespace dna::bench
