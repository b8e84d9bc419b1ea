#include "retrain_queue.h"
#include "error_text.h"

#include "nas/search_run.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <mutex>
#include <optional>

namespace dna::session {

struct RetrainQueue::Shared {
    std::mutex mutex;
    CancelToken cancel;
    double done = 0;
    double total = 0;
    std::optional<Expected<nas::TrainResult>> result;
};

RetrainQueue::RetrainQueue(QObject* parent)
    : QObject(parent)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &RetrainQueue::poll);
}

RetrainQueue::~RetrainQueue()
{
    m_waiting.clear();
    if (m_thread) {
        m_shared->cancel.cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void RetrainQueue::enqueue(const QList<Job>& jobs)
{
    for (const Job& j : jobs) {
        // A candidate already waiting or training is not queued again.
        const bool queued = (m_thread && m_current.candidateId == j.candidateId)
            || std::any_of(
                m_waiting.begin(), m_waiting.end(), [&](const Job& w) { return w.candidateId == j.candidateId; });
        if (!queued) {
            m_waiting.push_back(j);
            ++m_count;
        }
    }
    if (!m_thread) {
        startNext();
    }
}

void RetrainQueue::cancelAll()
{
    m_waiting.clear();
    if (m_thread) {
        m_shared->cancel.cancel();
    }
}

void RetrainQueue::startNext()
{
    if (m_waiting.empty()) {
        m_started = 0;
        m_count = 0;
        m_poll->stop();
        emit idle();
        return;
    }
    m_current = m_waiting.front();
    m_waiting.pop_front();
    ++m_started;
    nas::TrainRequest request = m_template;
    request.genotype = m_current.genotype.toStdString();
    // Train on the data the candidate was searched on: the template's preloaded images only when they are that
    // dataset.
    const std::string space = request.genotype.substr(0, request.genotype.find(':'));
    const std::string templateDataset = request.dataset.empty() ? nas::defaultDataset(space) : request.dataset;
    if (!m_current.dataset.isEmpty() && m_current.dataset.toStdString() != templateDataset) {
        request.dataset = m_current.dataset.toStdString();
        request.data = nullptr;
    }
    request.epochs = m_current.epochs;
    request.checkpointPath = m_current.weightsPath.toStdString();
    m_shared = std::make_shared<Shared>();
    auto shared = m_shared;
    m_thread = QThread::create([shared, request]() {
        Expected<nas::TrainResult> r = Error {};
        try {
            r = nas::runTraining(request, shared->cancel, [&](const Progress& p) {
                const std::lock_guard lock(shared->mutex);
                shared->done = p.done;
                shared->total = p.total;
            });
        } catch (const std::exception& e) {
            r = Error { ErrorCode::Internal, std::string("the training stopped on an unexpected error: ") + e.what() };
        }
        const std::lock_guard lock(shared->mutex);
        shared->result = std::move(r);
    });
    m_thread->setObjectName(QStringLiteral("retrain"));
    connect(m_thread, &QThread::finished, this, &RetrainQueue::onThreadFinished);
    m_thread->start(QThread::LowPriority);
    m_poll->start();
    emit progress(m_current.candidateId, m_started, m_count, 0, 1);
}

void RetrainQueue::poll()
{
    if (!m_shared) {
        return;
    }
    double done = 0, total = 0;
    {
        const std::lock_guard lock(m_shared->mutex);
        done = m_shared->done;
        total = m_shared->total;
    }
    if (total > 0) {
        emit progress(m_current.candidateId, m_started, m_count, done, total);
    }
}

void RetrainQueue::onThreadFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    std::optional<Expected<nas::TrainResult>> result;
    {
        const std::lock_guard lock(m_shared->mutex);
        result.swap(m_shared->result);
    }
    const Job job = m_current;
    if (!result || !*result) {
        emit failed(job.candidateId,
            result ? session::ErrorText::message(result->error()) : tr("the training ended without a result"));
    } else if ((*result)->cancelled) {
        emit cancelled(job.candidateId);
    } else {
        emit trained(job.candidateId, (*result)->testAccuracy, job.epochs, job.weightsPath);
    }
    startNext();
}

} // namespace dna::session
