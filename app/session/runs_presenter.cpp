// The RunsPresenter: opening stores, choosing the runs shown (chosen runs, a sweep's runs, the live run), reading them
// and what other writers add, and telling the views.
#include "runs_presenter.h"

#include "search_controller.h"
#include "store_watcher.h"

#include "workload/search_space.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace dna::session {

RunsPresenter::RunsPresenter(QObject* parent)
    : QObject(parent)
    , m_watcher(new StoreWatcher(this, 500))
{
    connect(m_watcher, &StoreWatcher::changed, this, &RunsPresenter::refresh);
    connect(m_watcher, &StoreWatcher::unreachable, this, [this](const QString& message) {
        if (message.isEmpty()) {
            emit reachabilityChanged({});
            refresh();
        } else {
            emit reachabilityChanged(
                tr("Lost the run store: %1. What is shown stays; the window reconnects by itself.").arg(message));
        }
    });
}

RunsPresenter::~RunsPresenter() { purgeTrash(); }

void RunsPresenter::addView(RunsView* view)
{
    m_views.push_back(view);
    view->storeChanged(m_store.get());
}

void RunsPresenter::setController(SearchController* controller)
{
    m_controller = controller;
    controller->setStore(m_readOnly ? nullptr : m_store.get());
    connect(controller, &SearchController::runStarted, this, &RunsPresenter::onRunStarted);
    connect(controller, &SearchController::candidatesAdded, this, &RunsPresenter::onCandidatesAdded);
    connect(controller, &SearchController::estimatesUpdated, this, &RunsPresenter::onEstimatesUpdated);
    connect(controller, &SearchController::epochFinished, this, &RunsPresenter::onEpoch);
    connect(controller, &SearchController::runEnded, this, &RunsPresenter::onRunEnded);
}

template <class F> void RunsPresenter::tell(F&& f)
{
    for (RunsView* view : m_views) {
        f(view);
    }
}

template <class F> void RunsPresenter::reading(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        readFailed(e);
    }
}

void RunsPresenter::readFailed(const std::exception& e)
{
    emit failed(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
}

bool RunsPresenter::watching() const { return m_watcher->isWatching(); }

QList<qint64> RunsPresenter::shownRuns() const
{
    QList<qint64> ids(m_shownRuns.begin(), m_shownRuns.end());
    std::sort(ids.begin(), ids.end());
    return ids;
}

// ---- the store -------------------------------------------------------------------------------------------------

QString RunsPresenter::absoluteLocation(const QString& location)
{
    return store::RunStore::isServerLocation(location.toStdString()) ? location
                                                                     : QFileInfo(location).absoluteFilePath();
}

Expected<RunsPresenter::Opened> RunsPresenter::open(const QString& location)
{
    const bool server = store::RunStore::isServerLocation(location.toStdString());
    const QString absolute = absoluteLocation(location);
    Opened result;
    if (m_store && absolute == m_location) {
        // Open already (a second open of our own file would find it locked, by us).
        result.readOnly = m_readOnly;
        result.watched = watching();
        result.alreadyOpen = true;
        return result;
    }
    auto opened = store::RunStore::open(absolute.toStdString());
    if (!opened && (opened.error().code == ErrorCode::StoreLocked || opened.error().code == ErrorCode::DamagedStore)) {
        // Another process (dna-cli search, another window) writes it, or it is damaged: browse it read-only.
        opened = store::RunStore::open(absolute.toStdString(), store::RunStore::Mode::ReadOnly);
        result.readOnly = opened.ok();
    }
    if (!opened) {
        return opened.error();
    }
    closeStore();
    m_store = std::move(opened).value();
    m_location = absolute;
    m_readOnly = result.readOnly;
    if (m_controller) {
        m_controller->setStore(m_readOnly ? nullptr : m_store.get());
    }
    // A server's change counter before anything is read: whatever another writer commits from here on reaches the
    // views. SQLite's (data_version) means something only to the connection that read it: the watcher takes its own.
    const int64_t seen = server ? m_store->changeCounter() : -1;
    tell([this](RunsView* v) { v->storeChanged(m_store.get()); });
    reloadSweeps();
    result.watched = server || result.readOnly; // not the only writer: follow the others
    if (result.watched) {
        m_watcher->watch(absolute, seen);
    }
    reading([this] {
        const auto runs = m_store->runs();
        if (!runs.empty()) {
            showRuns({ runs.back().id });
        }
    });
    return result;
}

void RunsPresenter::closeStore()
{
    // The views drop what they show of the old store before it closes.
    clearShown();
    m_runObjectives.clear(); // run ids belong to a store
    m_liveRun = 0;
    m_shownSweep = 0;
    m_historyRun = 0;
    if (m_controller) {
        m_controller->setStore(nullptr);
    }
    tell([](RunsView* v) { v->storeChanged(nullptr); });
    m_watcher->watch({});
    emit storeClosing();
    purgeTrash(); // runs deleted in the old store can no longer be restored: remove them for good
    m_store.reset();
}

void RunsPresenter::purgeTrash()
{
    if (!m_store || m_readOnly) {
        return;
    }
    try {
        // Their supernet checkpoints and retrained weights go with them.
        for (const auto& run : m_store->runs(true)) {
            if (run.trashed) {
                for (const auto& [epoch, file] : m_store->checkpoints(run.id)) {
                    QFile::remove(QString::fromStdString(file));
                }
                for (const auto& c : m_store->candidates(run.id)) {
                    if (!c.weightsPath.empty()) {
                        QFile::remove(QString::fromStdString(c.weightsPath));
                    }
                }
            }
        }
        m_store->purgeTrash();
    } catch (const std::exception& e) {
        // The deleted runs stay hidden in the file; nothing the user can see is lost.
        qWarning("could not purge deleted runs: %s", e.what());
    }
}

void RunsPresenter::reloadSweeps()
{
    if (!m_store) {
        tell([](RunsView* v) { v->setSweeps({}); });
        return;
    }
    reading([this] {
        const auto sweeps = m_store->sweeps();
        tell([&](RunsView* v) { v->setSweeps(sweeps); });
    });
}

void RunsPresenter::refresh()
{
    if (!m_store) {
        return;
    }
    reading([this] { tell([](RunsView* v) { v->runsListChanged(true); }); });
    reloadSweeps();
    if (m_shownSweep) {
        showSweep(m_shownSweep, true); // its new runs join, its fronts move
        return;
    }
    if (!m_shownRuns.isEmpty()) {
        reading([this] { appendFromStore(); }); // only the rows added since the last read
    }
}

void RunsPresenter::runsEdited()
{
    if (!m_store) {
        return;
    }
    reading([this] {
        // A run deleted in the browser leaves the views; a restored one comes back when opened.
        QSet<qint64> listed;
        for (const auto& r : m_store->runs()) {
            listed.insert(r.id);
            if (m_shownRuns.contains(r.id)) {
                tell([&](RunsView* v) { v->setRunName(r.id, QString::fromStdString(r.name)); });
            }
        }
        for (qint64 id : shownRuns()) {
            if (!listed.contains(id)) {
                tell([id](RunsView* v) { v->removeRun(id); });
                m_shownRuns.remove(id);
            }
        }
    });
}

std::optional<Error> RunsPresenter::recordRetrained(
    qint64 candidateId, double accuracy, int epochs, const QString& weightsPath)
{
    if (!m_store) {
        return Error { ErrorCode::NoCandidate, "no run store is open" };
    }
    try {
        if (!m_store->setRetrained(candidateId, accuracy, epochs, weightsPath.toStdString())) {
            return Error { ErrorCode::NoCandidate,
                "candidate " + std::to_string(candidateId) + " is not in the store" };
        }
        const auto c = m_store->candidate(candidateId);
        if (c && m_shownRuns.contains(c->runId)) {
            tell([&](RunsView* v) { v->setRetrained(*c); });
        }
    } catch (const std::exception& e) {
        return Error { ErrorCode::StoreFailed, e.what() };
    }
    return std::nullopt;
}

void RunsPresenter::selectionChanged(const QList<qint64>& candidateIds)
{
    session::SelectedCandidates selected;
    reading([&] {
        if (m_store && !candidateIds.isEmpty()) {
            selected.current = m_store->candidate(candidateIds.last());
            if (selected.current) {
                selected.currentLayers = m_store->layerMappings(selected.current->id);
            }
            if (candidateIds.size() >= 2) {
                selected.previous = m_store->candidate(candidateIds.at(candidateIds.size() - 2));
            }
        }
    });
    tell([&](RunsView* v) { v->showSelected(selected); });
}

hwsearch::Objective RunsPresenter::runObjective(qint64 runId, hwsearch::Objective fallback)
{
    if (const auto it = m_runObjectives.constFind(runId); it != m_runObjectives.cend()) {
        return *it;
    }
    if (const auto run = m_store ? m_store->run(runId) : std::nullopt) {
        return objectiveOf(*run);
    }
    return fallback;
}

hwsearch::Objective RunsPresenter::objectiveOf(const store::RunInfo& run)
{
    const hwsearch::Objective o = hwsearch::objectiveOr(run.objective, hwsearch::Objective::Fps);
    m_runObjectives.insert(run.id, o);
    return o;
}

// ---- the runs shown --------------------------------------------------------------------------------------------

void RunsPresenter::clearShown()
{
    tell([](RunsView* v) { v->clearRuns(); });
    m_shownRuns.clear();
    m_seenCandidate.clear();
    m_seenEstimate.clear();
    m_seenEstimateAnywhere = -1;
    m_runningAtLastLook.clear();
}

void RunsPresenter::showRuns(const QList<qint64>& runIds)
{
    if (!m_store) {
        return;
    }
    m_shownSweep = 0;
    reading([&] { loadRuns(runIds, false); });
}

void RunsPresenter::loadRuns(const QList<qint64>& runIds, bool keepView)
{
    clearShown();
    // The objective first: the views' fronts are computed against it.
    for (qint64 id : runIds) {
        if (const auto run = m_store->run(id)) {
            const hwsearch::Objective o = objectiveOf(*run);
            tell([o](RunsView* v) { v->setObjective(o); });
            break;
        }
    }
    std::vector<store::CandidateRecord> candidates; // of the last run: the one, when one is shown
    for (qint64 id : runIds) {
        candidates = addShownRun(id);
    }
    tell([&](RunsView* v) { v->runsShown(runIds, keepView); });
    if (!(runIds.size() == 1 && liveRunStreaming(runIds.front()))) {
        const QString note = runIds.size() == 1 ? emptyNote(runIds.front(), candidates) : QString();
        tell([&](RunsView* v) { v->setEmptyNote(note); });
    }
    if (runIds.size() == 1) {
        showSearchHistory(runIds.front());
    } else {
        m_historyRun = 0; // the history is one run's search
        tell([](RunsView* v) { v->setSearchHistory(0, {}, {}); });
    }
}

QString RunsPresenter::emptyNote(qint64 runId, const std::vector<store::CandidateRecord>& candidates) const
{
    const auto run = m_store->run(runId);
    if (!run) {
        return {};
    }
    if (!candidates.empty()) {
        const bool anyValid = std::any_of(candidates.begin(), candidates.end(), [](const auto& c) { return c.valid; });
        return anyValid ? QString()
                        : tr("Run %1: none of its candidates has a valid accelerator; the hardware search found no "
                             "design within the budget")
                              .arg(runId);
    }
    switch (run->state) {
    case store::RunState::Failed:
        return tr("Run %1 failed: %2").arg(runId).arg(QString::fromStdString(run->error));
    case store::RunState::Cancelled:
    case store::RunState::Interrupted:
        return tr("Run %1 stopped before its first epoch ended: it has no candidates").arg(runId);
    case store::RunState::Superseded:
        return tr("Run %1 was relaunched under a new budget before its first epoch ended: it has no candidates")
            .arg(runId);
    case store::RunState::Complete:
        return tr("Run %1 finished without candidates").arg(runId);
    case store::RunState::Running:
        return tr("Run %1 is running in another process: its first candidates appear when its first epoch ends")
            .arg(runId);
    }
    return {};
}

std::vector<store::CandidateRecord> RunsPresenter::addShownRun(qint64 runId)
{
    const auto run = m_store->run(runId);
    if (!run) {
        return {};
    }
    m_shownRuns.insert(runId);
    if (run->state == store::RunState::Running) {
        m_runningAtLastLook.insert(runId);
    }
    tell([&](RunsView* v) { v->setRunName(runId, QString::fromStdString(run->name)); });
    if (m_seenEstimateAnywhere < 0) {
        m_store->estimatesSince(-1, m_seenEstimateAnywhere);
    }
    m_seenEstimate[runId] = m_store->lastEstimateRow(runId); // before the candidates: a later row is read again
    auto candidates = m_store->candidates(runId);
    m_seenCandidate[runId] = candidates.empty() ? 0 : candidates.back().id;
    tell([&](RunsView* v) { v->addCandidates(candidates); });
    return candidates;
}

QStringList RunsPresenter::opNamesOf(const store::RunInfo& run) const
{
    const QJsonObject request = QJsonDocument::fromJson(QByteArray::fromStdString(run.requestJson)).object();
    QStringList names;
    if (const auto* space
        = workload::findSearchSpace(request.value(QStringLiteral("space")).toString().toStdString())) {
        for (const auto& op : space->ops) {
            names.append(QString::fromStdString(op.name));
        }
    }
    return names;
}

void RunsPresenter::showSearchHistory(qint64 runId)
{
    m_historyRun = runId;
    const auto run = m_store ? m_store->run(runId) : std::nullopt;
    if (!run) {
        tell([](RunsView* v) { v->setSearchHistory(0, {}, {}); });
        return;
    }
    std::vector<EpochProbabilities> epochs;
    for (const auto& epoch : m_store->epochs(runId)) {
        const QJsonObject metrics = QJsonDocument::fromJson(QByteArray::fromStdString(epoch.metricsJson)).object();
        EpochProbabilities e;
        e.epoch = epoch.epoch;
        for (const auto& layer : metrics.value(QStringLiteral("probabilities")).toArray()) {
            std::vector<double> row;
            for (const auto& p : layer.toArray()) {
                row.push_back(p.toDouble());
            }
            e.probabilities.push_back(std::move(row));
        }
        if (!e.probabilities.empty()) {
            epochs.push_back(std::move(e));
        }
    }
    const QStringList names = opNamesOf(*run);
    tell([&](RunsView* v) { v->setSearchHistory(runId, names, epochs); });
}

void RunsPresenter::showSweep(qint64 sweepId, bool keepView)
{
    if (!m_store) {
        return;
    }
    reading([&] {
        const bool following = keepView && sweepId == m_shownSweep;
        if (!following) {
            m_sweepFronts.clear();
        }
        std::vector<SweepTaskFront> tasks;
        QList<qint64> runIds;
        for (const auto& t : m_store->sweepTasks(sweepId)) {
            SweepTaskFront f;
            f.index = t.index;
            f.runId = t.runId;
            f.state = QString::fromStdString(t.state);
            const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(t.paramsJson)).object();
            for (auto it = params.begin(); it != params.end(); ++it) {
                f.params[it.key()] = it.value().toVariant();
            }
            if (t.runId) {
                runIds << t.runId;
                // A finished run's front does not move: read once per sweep shown.
                auto cached = m_sweepFronts.find(t.runId);
                if (!following || cached == m_sweepFronts.end() || t.state == "running"
                    || m_runningAtLastLook.contains(t.runId)) {
                    cached = m_sweepFronts.insert(t.runId, m_store->candidates(t.runId, true));
                }
                f.front = *cached;
            }
            tasks.push_back(std::move(f));
        }
        if (!following) {
            loadRuns(runIds, keepView);
            m_shownSweep = sweepId;
        } else {
            // The sweep shown already: its new tasks' runs join, the others get their new rows.
            appendFromStore();
            for (qint64 id : runIds) {
                if (!m_shownRuns.contains(id)) {
                    addShownRun(id);
                }
            }
        }
        tell([&](RunsView* v) { v->setSweepTasks(sweepId, tasks, following); });
    });
}

// ---- what the store gained -------------------------------------------------------------------------------------

bool RunsPresenter::liveRunStreaming(qint64 runId) const
{
    return runId == m_liveRun && m_controller && m_controller->isRunning();
}

void RunsPresenter::appendFromStore()
{
    // Only running runs get new candidates (and a run that was running at the last look: its last batch and its
    // end may both have come since): the rows after the last read of each. The accuracy history is read once, from
    // the oldest mark any run needs: a running run's own last row, and for finished runs (a training from scratch,
    // a rare re-estimate) the newest row read before.
    QSet<qint64> running;
    for (const auto& r : m_store->runs(false, false)) {
        if (r.state == store::RunState::Running) {
            running.insert(r.id);
        }
    }
    const QSet<qint64> wasRunning = m_runningAtLastLook;
    m_runningAtLastLook = running;
    QHash<qint64, qint64> firstFresh; // per followed run, its first candidate read just now
    // (Before the first read of finished runs' history there is no mark for them: that read only takes the newest.)
    constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
    int64_t from = m_seenEstimateAnywhere < 0 ? kNone : m_seenEstimateAnywhere;
    for (qint64 id : shownRuns()) {
        if (liveRunStreaming(id) || (!running.contains(id) && !wasRunning.contains(id))) {
            continue; // our own live run reaches the views through the controller; finished runs get no candidates
        }
        const auto fresh = m_store->candidatesAfter(id, m_seenCandidate.value(id));
        firstFresh.insert(id, fresh.empty() ? std::numeric_limits<qint64>::max() : fresh.front().id);
        if (!fresh.empty()) {
            m_seenCandidate[id] = fresh.back().id;
            tell([&](RunsView* v) { v->addCandidates(fresh); });
        }
        from = std::min<int64_t>(from, m_seenEstimate.value(id));
    }
    if (from == kNone) {
        from = -1;
    }
    int64_t newest = from;
    const auto history = m_store->estimatesSince(from, newest);
    std::vector<store::EstimateRecord> settled;
    QHash<qint64, std::vector<store::EstimateRecord>> followed;
    for (const auto& h : history) {
        if (!m_shownRuns.contains(h.runId)) {
            continue;
        }
        if (firstFresh.contains(h.runId)) {
            if (h.row > m_seenEstimate.value(h.runId)) {
                followed[h.runId].push_back(h.estimate);
                m_seenEstimate[h.runId] = h.row; // only this run's rows move its mark
            }
        } else if (m_seenEstimateAnywhere >= 0 && h.row > m_seenEstimateAnywhere && !liveRunStreaming(h.runId)) {
            settled.push_back(h.estimate);
        }
    }
    m_seenEstimateAnywhere = std::max(m_seenEstimateAnywhere, newest);
    applyHistory(settled, std::numeric_limits<qint64>::max());
    for (auto it = followed.cbegin(); it != followed.cend(); ++it) {
        applyHistory(it.value(), firstFresh.value(it.key()));
    }
}

void RunsPresenter::applyHistory(const std::vector<store::EstimateRecord>& history, qint64 firstFresh)
{
    std::vector<store::EstimateRecord> estimates;
    for (const auto& e : history) {
        if (e.candidateId >= firstFresh) {
            continue; // read just now with its latest accuracy
        }
        if (e.kind == "retrained") {
            if (const auto c = m_store->candidate(e.candidateId)) {
                tell([&](RunsView* v) { v->setRetrained(*c); });
            }
        } else {
            estimates.push_back(e);
        }
    }
    if (!estimates.empty()) {
        tell([&](RunsView* v) { v->updateEstimates(estimates); });
    }
}

// ---- the live run ----------------------------------------------------------------------------------------------

void RunsPresenter::onRunStarted(qint64 runId, const QString& name)
{
    // The previous live run leaves the views unless the user is comparing it.
    if (m_liveRun != 0 && m_shownRuns.contains(m_liveRun) && m_shownRuns.size() == 1) {
        const qint64 previous = m_liveRun;
        tell([previous](RunsView* v) { v->removeRun(previous); });
        m_shownRuns.remove(previous);
    } else if (m_liveRun == 0 || !m_shownRuns.contains(m_liveRun)) {
        clearShown();
        m_shownSweep = 0; // a sweep shown before is no longer followed
    }
    m_liveRun = runId;
    m_shownRuns.insert(runId);
    tell([&](RunsView* v) { v->setRunName(runId, name); });
    reading([this] { tell([](RunsView* v) { v->runsListChanged(false); }); });
    tell([runId](RunsView* v) { v->runsShown({ runId }, false); });
    m_historyRun = runId;
    reading([&] {
        const auto run = m_store ? m_store->run(runId) : std::nullopt;
        const QStringList names = run ? opNamesOf(*run) : QStringList();
        tell([&](RunsView* v) { v->setSearchHistory(runId, names, {}); });
    });
}

void RunsPresenter::onCandidatesAdded(qint64 runId, const std::vector<store::CandidateRecord>& candidates)
{
    if (!m_shownRuns.contains(runId)) {
        return;
    }
    tell([&](RunsView* v) { v->addCandidates(candidates); });
    for (const auto& c : candidates) {
        m_seenCandidate[runId] = std::max<qint64>(m_seenCandidate.value(runId), c.id);
    }
}

void RunsPresenter::onEstimatesUpdated(qint64 runId, const std::vector<store::EstimateRecord>& estimates)
{
    if (m_shownRuns.contains(runId)) {
        tell([&](RunsView* v) { v->updateEstimates(estimates); });
    }
}

void RunsPresenter::onEpoch(qint64 runId, const cosearch::EpochEvent& epoch)
{
    if (runId == m_liveRun && runId == m_historyRun) {
        const EpochProbabilities e { epoch.epoch, epoch.probabilities };
        tell([&](RunsView* v) { v->appendEpoch(runId, e); });
    }
}

void RunsPresenter::onRunEnded()
{
    reading([this] { tell([](RunsView* v) { v->runsListChanged(false); }); });
}

} // namespace dna::session
