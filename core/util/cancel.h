#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace dna {

/// Cooperative cancellation: the caller sets it from any thread, long work checks it between steps.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled { false };
};

/// Progress of long work: done of total units and a short status line. Called on the working thread.
struct Progress {
    double done = 0;
    double total = 0;
    std::string status;
};
using ProgressSink = std::function<void(const Progress&)>;

} // namespace dna
