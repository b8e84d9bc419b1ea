#pragma once

#include "nas/train_run.h"

#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>

class QThread;
class QTimer;

namespace dna::session {

/// Trains stored candidates from scratch, one after another, on a worker thread ("Train from scratch" in the
/// explorer). Each job is nas::runTraining of the candidate's genotype with the template's schedule and the
/// epochs asked for, its weights written to the job's path. The GUI thread polls the worker every 100 ms and
/// never waits on it; results arrive as signals, and the caller records them in the store.
class RetrainQueue : public QObject {
    Q_OBJECT

public:
    struct Job {
        qint64 candidateId = 0;
        QString genotype;
        int epochs = 4;
        QString weightsPath;
        /// The dataset the candidate's run searched on (its request's "dataset"); empty: the template's.
        QString dataset;
    };

    explicit RetrainQueue(QObject* parent = nullptr);
    /// Cancels the running training and waits for its thread (cancellation is checked every step).
    ~RetrainQueue() override;

    /// Data, dataset folder, batch, learning rate, threads and seed of every training (genotype, epochs and
    /// checkpoint are the job's). Default: nas::TrainRequest's defaults on the installed Fashion-MNIST.
    void setTemplate(const nas::TrainRequest& request) { m_template = request; }
    const nas::TrainRequest& trainTemplate() const { return m_template; }

    void enqueue(const QList<Job>& jobs);
    /// Stops the running training (its candidate keeps its estimate) and drops the waiting ones.
    void cancelAll();
    bool isBusy() const { return m_thread != nullptr || !m_waiting.empty(); }
    /// Jobs waiting, not counting the running one.
    int waiting() const { return int(m_waiting.size()); }

signals:
    /// `done` of `total` steps of the running job; `index` of `count` jobs since the queue was last idle.
    void progress(qint64 candidateId, int index, int count, double done, double total);
    void trained(qint64 candidateId, double accuracy, int epochs, const QString& weightsPath);
    void failed(qint64 candidateId, const QString& message);
    void cancelled(qint64 candidateId);
    /// Nothing left to run.
    void idle();

private:
    struct Shared;
    void startNext();
    void poll();
    void onThreadFinished();

    nas::TrainRequest m_template;
    std::deque<Job> m_waiting;
    Job m_current;
    QThread* m_thread = nullptr;
    QTimer* m_poll = nullptr;
    std::shared_ptr<Shared> m_shared;
    int m_started = 0; // jobs started since the queue was last idle
    int m_count = 0; // jobs queued since then
};

} // namespace dna::session
