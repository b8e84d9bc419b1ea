#pragma once

#include <QObject>
#include <QString>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace dna::session {

/// Watches a run store that other programs write (a PostgreSQL server store, or a file another process writes) from
/// a thread of its own with its own read-only connection: polls the store's change counter every `intervalMs` and
/// emits changed() on the GUI thread when it moved, so a slow or unreachable server never blocks the window.
class StoreWatcher : public QObject {
    Q_OBJECT
public:
    explicit StoreWatcher(QObject* parent = nullptr, int intervalMs = 250);
    ~StoreWatcher() override;

    /// Starts watching `location` (stops watching the previous one); an empty location stops. `seen` is the change
    /// counter the caller read the store at, where every connection reads the same one (a server's): a commit after
    /// it and before the watcher's own first look still counts (a slow connection would otherwise take that look
    /// after it and never report it). -1: from the watcher's first look.
    void watch(const QString& location, int64_t seen = -1);
    bool isWatching() const { return m_thread.joinable(); }

signals:
    /// Another connection committed something to the store.
    void changed();
    /// The watcher cannot reach the store (empty message: reachable again).
    void unreachable(const QString& message);

private:
    void stop();
    void loop(std::string location, int64_t seen);

    int m_intervalMs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace dna::session
