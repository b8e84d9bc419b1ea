#include "store_watcher.h"

#include "store/run_store.h"

#include <QMetaObject>

#include <chrono>

namespace dna::session {

StoreWatcher::StoreWatcher(QObject* parent, int intervalMs)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
}

StoreWatcher::~StoreWatcher() { stop(); }

void StoreWatcher::watch(const QString& location, int64_t seen)
{
    stop();
    if (location.isEmpty()) {
        return;
    }
    m_stop = false;
    m_thread = std::thread([this, where = location.toStdString(), seen] { loop(where, seen); });
}

void StoreWatcher::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StoreWatcher::loop(std::string location, int64_t seen)
{
    std::unique_ptr<store::RunStore> store;
    int64_t last = seen;
    bool reported = false;
    auto post = [this](auto signal) { QMetaObject::invokeMethod(this, signal, Qt::QueuedConnection); };
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        try {
            if (!store) {
                auto opened = store::RunStore::open(location, store::RunStore::Mode::ReadOnly);
                if (!opened) {
                    throw std::runtime_error(opened.error().detail);
                }
                store = std::move(opened).value();
                if (reported) {
                    reported = false;
                    post([this] { emit unreachable({}); });
                }
            }
            const int64_t now = store->changeCounter();
            if (last >= 0 && now != last) {
                post([this] { emit changed(); });
            }
            last = now;
        } catch (const std::exception& e) {
            store.reset();
            if (!reported) {
                reported = true;
                post([this, message = QString::fromUtf8(e.what())] { emit unreachable(message); });
            }
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(store ? m_intervalMs : 2000), [this] { return m_stop; });
    }
}

} // namespace dna::session
