#include "search_controller.h"
#include "error_text.h"

#include "cosearch/store_recorder.h"

#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <limits>
#include <set>

namespace dna::session {

namespace {

/// One candidate as the worker hands it over: the event (kept for re-scoring) and its store rows, built on
/// the worker so the GUI thread only inserts them.
struct Prepared {
    bool fromSearch = true; // false: re-scored from the previous run
    cosearch::CandidateEvent event;
    store::CandidateRecord record;
    std::vector<store::LayerMappingRecord> mappings;
};

Prepared prepare(cosearch::CandidateEvent ev)
{
    Prepared p;
    p.record = cosearch::candidateRecord(ev);
    p.mappings = cosearch::layerMappingRecords(ev);
    p.event = std::move(ev);
    return p;
}

QString storeFailure(const std::exception& e)
{
    return SearchController::tr("Writing to the run store failed: %1").arg(QString::fromUtf8(e.what()));
}

} // namespace

struct SearchController::Shared {
    std::mutex mutex;
    CancelToken cancel;
    std::vector<Prepared> candidates;
    std::vector<cosearch::EstimateEvent> estimates;
    std::vector<cosearch::EpochEvent> epochs;
    std::optional<cosearch::ProgressEvent> progress;
    std::optional<Expected<cosearch::Result>> result;
};

SearchController::SearchController(QObject* parent)
    : QObject(parent)
    , m_drainTimer(new QTimer(this))
{
    qRegisterMetaType<SearchProgress>();
    qRegisterMetaType<std::vector<store::CandidateRecord>>();
    qRegisterMetaType<cosearch::EpochEvent>();
    qRegisterMetaType<std::vector<store::EstimateRecord>>();
    m_drainTimer->setInterval(100); // about 10 updates a second reach the views
    connect(m_drainTimer, &QTimer::timeout, this, &SearchController::drain);
}

SearchController::~SearchController()
{
    if (m_thread) {
        m_pending.reset();
        m_supersede = false;
        m_shared->cancel.cancel();
        m_thread->wait();
        onThreadFinished();
    }
}

void SearchController::setStore(store::RunStore* store)
{
    if (m_thread) {
        return;
    }
    m_recorder.reset(); // before the store it writes to goes
    m_store = store;
    m_runId = 0;
    m_checkpoint.clear();
    m_warmStart.clear();
    m_request = {};
    m_events.clear();
}

void SearchController::start(const cosearch::SearchRequest& request, const QString& name)
{
    begin({ request, name, false, false });
}

void SearchController::relaunch(const cosearch::SearchRequest& request, const QString& name, bool hardwareOnly)
{
    // Two edits during one run: re-score only if both were hardware-only.
    const bool onlyHardware = hardwareOnly && (!m_pending || m_pending->hardwareOnly);
    begin({ request, name, true, onlyHardware });
}

void SearchController::begin(Launch launch)
{
    if (m_thread) {
        // Supersede: the running search stops within a second; onThreadFinished() launches the pending one.
        m_pending = std::move(launch);
        m_supersede = true;
        m_shared->cancel.cancel();
        return;
    }
    if (!m_store) {
        emit runEnded(0, QStringLiteral("failed"), tr("No run store is open: choose one with File > Open."));
        return;
    }
    cosearch::SearchRequest request = std::move(launch.request);
    // A checkpoint warm-starts only a supernet of the same space and weight sharing.
    const bool sameSpace = m_request.space == request.space && m_request.supernet.sharing == request.supernet.sharing;
    std::vector<cosearch::CandidateEvent> rescore;
    if (launch.warm && launch.hardwareOnly && sameSpace) {
        std::set<std::string> seen;
        for (auto it = m_events.rbegin(); it != m_events.rend() && rescore.size() < kMaxRescored; ++it) {
            if (it->cost.valid() && seen.insert(it->genotype).second) {
                rescore.push_back(*it);
            }
        }
    }
    // Warm start from the supernet of the previous run of the same space. A run superseded before its first
    // epoch ended wrote no checkpoint: fall back to the one it started from.
    if (launch.warm && sameSpace && request.resumeFrom.empty()) {
        const QString warm = QFileInfo::exists(m_checkpoint) ? m_checkpoint : m_warmStart;
        if (!warm.isEmpty() && QFileInfo::exists(warm)) {
            request.resumeFrom = warm.toStdString();
            request.warmupEpochs = 0; // the weights are trained already
        }
    }

    try {
        m_runId = createRun(request, launch.name);
    } catch (const std::exception& e) {
        emit runEnded(0, QStringLiteral("failed"), storeFailure(e));
        return;
    }
    // Checkpoints sit next to a file store (in the data folder for a server store), named after the store, the run and
    // the start time (run ids are reused after deleted runs are purged, so the id alone could name an old file).
    request.checkpointPath = cosearch::checkpointPathFor(m_store->path(), m_runId);
    m_checkpoint = QString::fromStdString(request.checkpointPath);
    m_warmStart = QString::fromStdString(request.resumeFrom);
    // The drain timer flushes: no batch limit.
    m_recorder = std::make_unique<cosearch::StoreRecorder>(
        *m_store, m_runId, request.checkpointPath, std::numeric_limits<size_t>::max());
    m_request = request;
    m_events.clear();
    m_searchEvents.clear();
    m_candidates = 0;
    m_supersede = false;
    m_storeError.clear();
    m_shared = std::make_shared<Shared>();

    auto shared = m_shared;
    m_thread = QThread::create([shared, request, rescore = std::move(rescore)]() {
        try {
            if (!rescore.empty()) {
                auto moved = cosearch::rescoreCandidates(
                    rescore, request.platform, request.objective, kRescoreEvaluations, shared->cancel, request.hwAlgo);
                std::vector<Prepared> prepared;
                for (auto& c : moved) {
                    c.epoch = -1; // carried over from the previous run, not found by this one's NAS
                    c.estimateEpoch = -1; // its estimate is of the previous run's weights, not of an epoch of this one
                    prepared.push_back(prepare(std::move(c)));
                    prepared.back().fromSearch = false;
                }
                const std::lock_guard lock(shared->mutex);
                for (auto& p : prepared) {
                    shared->candidates.push_back(std::move(p));
                }
            }
            using Clock = std::chrono::steady_clock;
            auto lastProgress = Clock::now() - std::chrono::seconds(1);
            cosearch::Callbacks cb;
            cb.progress = [&](const cosearch::ProgressEvent& p) {
                const auto now = Clock::now();
                if (now - lastProgress < std::chrono::milliseconds(100) && p.step != p.steps) {
                    return;
                }
                lastProgress = now;
                const std::lock_guard lock(shared->mutex);
                shared->progress = p;
            };
            cb.candidate = [&](const cosearch::CandidateEvent& ev) {
                Prepared p = prepare(ev);
                const std::lock_guard lock(shared->mutex);
                shared->candidates.push_back(std::move(p));
            };
            cb.estimates = [&](const std::vector<cosearch::EstimateEvent>& events) {
                const std::lock_guard lock(shared->mutex);
                shared->estimates.insert(shared->estimates.end(), events.begin(), events.end());
            };
            cb.epoch = [&](const cosearch::EpochEvent& ev) {
                const std::lock_guard lock(shared->mutex);
                shared->epochs.push_back(ev);
            };
            auto result = cosearch::runCoSearch(request, shared->cancel, cb);
            const std::lock_guard lock(shared->mutex);
            shared->result = std::move(result);
        } catch (const std::exception& e) {
            const std::lock_guard lock(shared->mutex);
            shared->result
                = Error { ErrorCode::Internal, std::string("the search stopped on an unexpected error: ") + e.what() };
        }
    });
    m_thread->setObjectName(QStringLiteral("co-search"));
    connect(m_thread, &QThread::finished, this, &SearchController::onThreadFinished);
    m_thread->start(QThread::LowPriority);
    m_drainTimer->start();
    emit runStarted(m_runId, launch.name);
}

void SearchController::cancel()
{
    m_pending.reset();
    m_supersede = false;
    if (m_thread) {
        m_shared->cancel.cancel();
    }
}

qint64 SearchController::createRun(const cosearch::SearchRequest& request, const QString& name)
{
    return cosearch::createRunFor(*m_store, request, name.toStdString());
}

void SearchController::drain()
{
    if (!m_shared || !m_storeError.isEmpty()) {
        return;
    }
    try {
        record();
    } catch (const std::exception& e) {
        // The store cannot take more (disk full, file removed): stop the search rather than lose its results
        // silently; what was committed stays.
        m_storeError = storeFailure(e);
        m_shared->cancel.cancel();
    }
}

void SearchController::record()
{
    std::vector<Prepared> candidates;
    std::vector<cosearch::EstimateEvent> estimates;
    std::vector<cosearch::EpochEvent> epochs;
    std::optional<cosearch::ProgressEvent> latest;
    {
        const std::lock_guard lock(m_shared->mutex);
        candidates.swap(m_shared->candidates);
        estimates.swap(m_shared->estimates);
        epochs.swap(m_shared->epochs);
        latest.swap(m_shared->progress);
    }
    const qint64 runId = m_runId;
    if (!candidates.empty()) {
        std::vector<store::CandidateRecord> records;
        records.reserve(candidates.size());
        for (auto& c : candidates) {
            std::string design = std::move(c.record.designJson); // written to the store, not kept for the views
            records.push_back(c.record);
            c.record.designJson = std::move(design);
            m_recorder->add(std::move(c.record), std::move(c.mappings), c.fromSearch);
        }
        // One transaction; the front flags now, unless the estimates below recompute them anyway.
        const std::vector<int64_t> ids = m_recorder->flush(estimates.empty());
        for (size_t i = 0; i < records.size(); ++i) {
            records[i].id = ids.at(i);
            records[i].runId = runId;
        }
        m_candidates += int(candidates.size());
        for (size_t i = 0; i < candidates.size(); ++i) {
            if (candidates[i].fromSearch) {
                m_searchEvents.push_back(m_events.size());
            }
            m_events.push_back(std::move(candidates[i].event));
        }
        emit candidatesAdded(runId, records);
    }
    if (!estimates.empty()) {
        // After the candidates they name, which this drain has written first.
        std::vector<store::EstimateRecord> rows;
        m_recorder->estimates(estimates, &rows);
        for (const auto& e : estimates) {
            if (size_t(e.candidate) < m_searchEvents.size()) {
                auto& ev = m_events[m_searchEvents[size_t(e.candidate)]];
                ev.accuracy = e.accuracy; // re-scoring after a budget change keeps the latest estimate
                ev.estimateEpoch = e.estimateEpoch;
            }
        }
        emit estimatesUpdated(runId, rows);
    }
    for (const auto& ev : epochs) {
        m_recorder->epoch(ev);
        emit epochFinished(runId, ev);
    }
    if (latest) {
        SearchProgress p;
        p.runId = runId;
        p.phase = QString::fromStdString(latest->phase);
        p.epoch = latest->epoch;
        p.epochs = latest->epochs;
        p.step = latest->step;
        p.steps = latest->steps;
        p.loss = latest->loss;
        p.lambda = latest->lambda;
        p.elapsedSeconds = latest->elapsedSeconds;
        p.etaSeconds = latest->etaSeconds;
        p.candidates = m_candidates;
        emit progress(p);
    }
}

void SearchController::onThreadFinished()
{
    if (!m_thread) {
        return;
    }
    m_drainTimer->stop();
    drain();
    std::optional<Expected<cosearch::Result>> result;
    {
        const std::lock_guard lock(m_shared->mutex);
        result.swap(m_shared->result);
    }
    QString state;
    QString message;
    store::RunState stored = store::RunState::Complete;
    const bool failed = !result || !*result;
    if (!m_storeError.isEmpty()) {
        stored = store::RunState::Failed;
        state = QStringLiteral("failed");
        message = m_storeError;
    } else if (failed) {
        stored = store::RunState::Failed;
        state = QStringLiteral("failed");
        message = result ? session::ErrorText::message(result->error()) : tr("the search stopped unexpectedly");
        const ErrorCode code = result ? result->error().code : ErrorCode::Internal;
        if (code == ErrorCode::CheckpointMismatch || code == ErrorCode::IoError) {
            // Do not warm-start from that checkpoint again.
            m_checkpoint.clear();
            m_warmStart.clear();
        }
    } else if ((*result)->cancelled) {
        stored = m_supersede ? store::RunState::Superseded : store::RunState::Cancelled;
        state = m_supersede ? QStringLiteral("superseded") : QStringLiteral("cancelled");
    } else {
        state = QStringLiteral("complete"); // it finished before the cancel took effect
    }
    try {
        m_store->setRunState(m_runId, stored, message.toStdString());
    } catch (const std::exception& e) {
        message = storeFailure(e);
        state = QStringLiteral("failed");
    }
    m_storeError.clear();
    m_supersede = false;
    m_thread->deleteLater();
    m_thread = nullptr;
    emit runEnded(m_runId, state, message);

    if (m_pending) {
        Launch next = std::move(*m_pending);
        m_pending.reset();
        begin(std::move(next));
    }
}

} // namespace dna::session
