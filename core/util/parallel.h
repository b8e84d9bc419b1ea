#pragma once

#include "util/cpu_share.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace dna {

/// The threads a computation asked for `requested` uses: all online cores for 0 or less.
inline int resolveThreads(int requested) { return requested > 0 ? requested : onlineCpus(); }

/// Calls fn(i) once for every i in [0, count), on up to `threads` threads (the caller's among them), and
/// returns when all calls are done. Indices are handed out one at a time, so uneven calls balance; `fn` must
/// write only to what belongs to its index, which makes the result independent of the thread count.
template <class Fn> void parallelFor(int count, int threads, Fn&& fn)
{
    const int workers = std::min(std::max(1, threads), count);
    if (workers <= 1) {
        for (int i = 0; i < count; ++i) {
            fn(i);
        }
        return;
    }
    std::atomic<int> next { 0 };
    auto work = [&] {
        for (int i = next.fetch_add(1, std::memory_order_relaxed); i < count;
             i = next.fetch_add(1, std::memory_order_relaxed)) {
            fn(i);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(workers - 1));
    for (int t = 1; t < workers; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
}

} // namespace dna
