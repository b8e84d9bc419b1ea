// The RunsPresenter without a single widget (this test links QtCore and dna_session only): opening a store shows its
// newest run, what each view is told and in which order, overlaid runs, a sweep's runs, another writer's rows read
// incrementally, edits in the runs list, trainings recorded, and a failed open that changes nothing. Expected values
// come from what the test wrote to the store itself.
#include "runs_presenter.h"

#include "workload/search_space.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace dna;
using session::RunsPresenter;
using session::RunsView;

namespace {

/// A view that writes down what it is told.
struct Recorder : RunsView {
    QStringList calls; // call names, in order
    store::RunStore* store = nullptr;
    std::set<qint64> candidates; // ids shown now
    QHash<qint64, double> accuracy; // latest accuracy per shown id
    QHash<qint64, double> retrained;
    QHash<qint64, QString> names;
    hwsearch::Objective objective = hwsearch::Objective::Latency;
    QList<qint64> chosen;
    QString note;
    qint64 historyRun = -1;
    QStringList opNames;
    std::vector<session::EpochProbabilities> epochs;
    std::vector<store::SweepInfo> sweeps;
    std::vector<session::SweepTaskFront> tasks;
    int listChanges = 0;

    void storeChanged(store::RunStore* s) override
    {
        calls << QStringLiteral("storeChanged");
        store = s;
    }
    void clearRuns() override
    {
        calls << QStringLiteral("clearRuns");
        candidates.clear();
        accuracy.clear();
    }
    void removeRun(qint64 runId) override
    {
        calls << QStringLiteral("removeRun %1").arg(runId);
        for (auto it = candidates.begin(); it != candidates.end();) {
            it = store && store->candidate(*it) && store->candidate(*it)->runId == runId ? candidates.erase(it)
                                                                                         : std::next(it);
        }
    }
    void setRunName(qint64 runId, const QString& name) override { names[runId] = name; }
    void addCandidates(const std::vector<store::CandidateRecord>& cs) override
    {
        calls << QStringLiteral("addCandidates %1").arg(cs.size());
        for (const auto& c : cs) {
            QVERIFY2(candidates.insert(c.id).second, "a candidate was added twice");
            accuracy[c.id] = c.accuracy;
        }
    }
    void updateEstimates(const std::vector<store::EstimateRecord>& es) override
    {
        calls << QStringLiteral("updateEstimates %1").arg(es.size());
        for (const auto& e : es) {
            accuracy[e.candidateId] = e.accuracy;
        }
    }
    void setRetrained(const store::CandidateRecord& c) override { retrained[c.id] = c.retrainedAccuracy; }
    void setObjective(hwsearch::Objective o) override { objective = o; }
    void setEmptyNote(const QString& n) override { note = n; }
    void runsShown(const QList<qint64>& runIds, bool) override
    {
        calls << QStringLiteral("runsShown");
        chosen = runIds;
    }
    void setSearchHistory(
        qint64 runId, const QStringList& names_, const std::vector<session::EpochProbabilities>& epochs_) override
    {
        historyRun = runId;
        opNames = names_;
        epochs = epochs_;
    }
    void runsListChanged(bool) override { ++listChanges; }
    void setSweeps(const std::vector<store::SweepInfo>& s) override { sweeps = s; }
    void showSelected(const session::SelectedCandidates& s) override { selected = s; }
    session::SelectedCandidates selected;
    void setSweepTasks(qint64, const std::vector<session::SweepTaskFront>& t, bool) override { tasks = t; }
};

store::CandidateRecord candidate(double accuracy, double fps, double energyUj)
{
    store::CandidateRecord c;
    c.genotype = "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1";
    c.accuracy = accuracy;
    c.accuracyKind = "supernet";
    c.fps = fps;
    c.latencyMs = 1000 / fps;
    c.energyUj = energyUj;
    c.edp = energyUj * c.latencyMs;
    return c;
}

int64_t addRun(store::RunStore& s, const std::string& name, const std::string& objective)
{
    store::RunInfo run;
    run.name = name;
    run.objective = objective;
    run.requestJson = R"({"space":"fmnist"})";
    return s.createRun(run);
}

QSet<qint64> idSet(const std::vector<int64_t>& ids) { return QSet<qint64>(ids.begin(), ids.end()); }
QSet<qint64> idSet(const std::set<qint64>& ids) { return QSet<qint64>(ids.begin(), ids.end()); }

} // namespace

class TestRunsPresenter : public QObject {
    Q_OBJECT
private slots:
    void init();
    void noWidgetsAreLoaded();
    void openingShowsTheNewestRun();
    void overlaidRunsTakeTheFirstRunsObjective();
    void aSweepShowsItsRuns();
    void anotherWritersRowsArriveOnce();
    void editsInTheRunsListReachTheViews();
    void trainingsAreRecordedAndShown();
    void aFailedOpenChangesNothing();
    void theSelectionIsReadForTheDetailViews();
    void anEmptyRunSaysWhy();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    int64_t m_energyRun = 0;
    int64_t m_fpsRun = 0;
    std::vector<int64_t> m_energyIds, m_fpsIds;
};

void TestRunsPresenter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("runs.sqlite"));
    auto s = store::RunStore::open(m_path.toStdString());
    QVERIFY(s.ok());
    m_energyRun = addRun(**s, "energy run", "energy");
    m_energyIds = (*s)->addCandidates(m_energyRun,
        { candidate(0.80, 100, 5), candidate(0.85, 90, 7), candidate(0.70, 150, 4), candidate(0.75, 300, 6) }, {});
    (*s)->updateFront(m_energyRun);
    (*s)->setRunState(m_energyRun, store::RunState::Complete);
    m_fpsRun = addRun(**s, "fps run", "fps");
    m_fpsIds = (*s)->addCandidates(m_fpsRun, { candidate(0.60, 300, 9), candidate(0.75, 200, 8) }, {});
    for (int epoch = 0; epoch < 2; ++epoch) {
        store::EpochRecord e;
        e.epoch = epoch;
        // 8 layers x 7 ops, each row a distribution that moves with the epoch.
        QJsonArray layers;
        for (int l = 0; l < 8; ++l) {
            QJsonArray row;
            for (int op = 0; op < 7; ++op) {
                row.append(op == l % 7 ? 0.4 + 0.1 * epoch : (0.6 - 0.1 * epoch) / 6);
            }
            layers.append(row);
        }
        e.metricsJson = QJsonDocument(QJsonObject { { QStringLiteral("probabilities"), layers } })
                            .toJson(QJsonDocument::Compact)
                            .toStdString();
        (*s)->addEpoch(m_fpsRun, e);
    }
    (*s)->setRunState(m_fpsRun, store::RunState::Complete);
}

void TestRunsPresenter::noWidgetsAreLoaded()
{
    // The presenter's library is QtCore only: neither Qt Widgets nor Qt Gui is mapped into this process.
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(mapped.contains("libQt6Core"));
    QVERIFY(!mapped.contains("libQt6Widgets"));
    QVERIFY(!mapped.contains("libQt6Gui"));
}

void TestRunsPresenter::openingShowsTheNewestRun()
{
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QCOMPARE(view.calls, QStringList { QStringLiteral("storeChanged") }); // told at once: no store yet
    QVERIFY(!view.store);
    const auto opened = presenter.open(m_path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().detail.c_str());
    QVERIFY(!opened->readOnly && !opened->watched && !opened->alreadyOpen);
    QCOMPARE(view.store, presenter.store());
    QVERIFY(view.store);
    // The old (no) store's views cleared, the new store announced, then the newest run: candidates, then chosen.
    QCOMPARE(view.calls,
        (QStringList { QStringLiteral("storeChanged"), QStringLiteral("clearRuns"), QStringLiteral("storeChanged"),
            QStringLiteral("storeChanged"), QStringLiteral("clearRuns"), QStringLiteral("addCandidates 2"),
            QStringLiteral("runsShown") }));
    QCOMPARE(idSet(view.candidates), idSet(m_fpsIds));
    QCOMPARE(view.accuracy.value(m_fpsIds[1]), 0.75);
    QCOMPARE(view.objective, hwsearch::Objective::Fps);
    QCOMPARE(view.names.value(m_fpsRun), QStringLiteral("fps run"));
    QCOMPARE(view.chosen, QList<qint64> { m_fpsRun });
    QCOMPARE(presenter.shownRuns(), QList<qint64> { m_fpsRun });
    // Its search history: the fmnist space's op names and both epochs as written.
    QCOMPARE(view.historyRun, m_fpsRun);
    QCOMPARE(view.opNames.size(), int(workload::findSearchSpace("fmnist")->ops.size()));
    QCOMPARE(view.opNames.first(), QString::fromStdString(workload::findSearchSpace("fmnist")->ops[0].name));
    QCOMPARE(int(view.epochs.size()), 2);
    QCOMPARE(view.epochs[1].epoch, 1);
    QCOMPARE(int(view.epochs[1].probabilities.size()), 8);
    QCOMPARE(view.epochs[1].probabilities[3][3], 0.5);
    QCOMPARE(view.epochs[0].probabilities[3][0], 0.1);
    QVERIFY(presenter.open(m_path)->alreadyOpen); // the same file again: nothing changes
    QCOMPARE(idSet(view.candidates), idSet(m_fpsIds));
}

void TestRunsPresenter::overlaidRunsTakeTheFirstRunsObjective()
{
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    presenter.showRuns({ m_energyRun, m_fpsRun });
    QCOMPARE(view.objective, hwsearch::Objective::Energy);
    QCOMPARE(idSet(view.candidates), idSet(m_energyIds) + idSet(m_fpsIds));
    QCOMPARE(view.historyRun, qint64(0)); // several runs: no one search's history
    QVERIFY(view.epochs.empty());
    QCOMPARE(presenter.runObjective(m_energyRun, hwsearch::Objective::Fps), hwsearch::Objective::Energy);
    QCOMPARE(presenter.runObjective(m_fpsRun + 100, hwsearch::Objective::Edp), hwsearch::Objective::Edp);
}

void TestRunsPresenter::aSweepShowsItsRuns()
{
    {
        auto s = store::RunStore::open(m_path.toStdString());
        QVERIFY(s.ok());
        store::SweepInfo sweep;
        sweep.name = "dsp sweep";
        sweep.gridJson = R"({"axes":{"dsp":[300,600]}})";
        std::vector<store::SweepTaskRecord> tasks(2);
        tasks[0].index = 0;
        tasks[0].paramsJson = R"({"dsp":300})";
        tasks[1].index = 1;
        tasks[1].paramsJson = R"({"dsp":600})";
        const int64_t id = (*s)->createSweep(sweep, tasks);
        QVERIFY((*s)->claimTask(id, 0, "test:1"));
        (*s)->setTaskRun(id, 0, m_energyRun);
    }
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    QCOMPARE(int(view.sweeps.size()), 1);
    presenter.showSweep(view.sweeps[0].id);
    QCOMPARE(presenter.shownSweep(), view.sweeps[0].id);
    QCOMPARE(presenter.shownRuns(), QList<qint64> { m_energyRun });
    QCOMPARE(idSet(view.candidates), idSet(m_energyIds));
    QCOMPARE(int(view.tasks.size()), 2);
    QCOMPARE(view.tasks[0].runId, qint64(m_energyRun));
    QCOMPARE(view.tasks[0].params.at(QStringLiteral("dsp")).toInt(), 300);
    QCOMPARE(view.tasks[1].runId, qint64(0)); // queued: no run yet
    // Its front against energy: 0.70 at 4 uJ, 0.80 at 5 uJ, 0.85 at 7 uJ; 0.75 at 6 uJ is beaten by 0.80 at 5 uJ
    // (its 300 FPS do not count in an energy run).
    std::set<qint64> front;
    for (const auto& c : view.tasks[0].front) {
        front.insert(c.id);
    }
    QCOMPARE(idSet(front), (QSet<qint64> { m_energyIds[0], m_energyIds[1], m_energyIds[2] }));
    presenter.showRuns({ m_fpsRun }); // runs chosen by themselves: the sweep is no longer followed
    QCOMPARE(presenter.shownSweep(), qint64(0));
}

void TestRunsPresenter::anotherWritersRowsArriveOnce()
{
    // Another writer holds the file: the presenter opens it read-only and follows it.
    auto writer = store::RunStore::open(m_path.toStdString());
    QVERIFY(writer.ok());
    const int64_t live = addRun(**writer, "live elsewhere", "fps");
    const auto first = (*writer)->addCandidates(live, { candidate(0.5, 100, 5), candidate(0.6, 90, 6) }, {});

    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    const auto opened = presenter.open(m_path);
    QVERIFY(opened.ok());
    QVERIFY(opened->readOnly && opened->watched);
    QVERIFY(presenter.watching());
    QCOMPARE(presenter.shownRuns(), QList<qint64> { live });
    QCOMPARE(idSet(view.candidates), idSet(first));

    const auto more
        = (*writer)->addCandidates(live, { candidate(0.7, 80, 7), candidate(0.4, 400, 3), candidate(0.55, 95, 5) }, {});
    (*writer)->updateEstimates(live, { { first[0], 1, 0.65, "supernet" } });
    view.calls.clear();
    presenter.refresh();
    QCOMPARE(idSet(view.candidates), idSet(first) + idSet(more));
    QVERIFY(view.calls.contains(QStringLiteral("addCandidates 3"))); // only the new ones
    QVERIFY(view.calls.contains(QStringLiteral("updateEstimates 1")));
    QCOMPARE(view.accuracy.value(first[0]), 0.65);
    QVERIFY(view.listChanges > 0);

    // Nothing new: nothing told twice (Recorder fails on a duplicate id).
    view.calls.clear();
    presenter.refresh();
    QVERIFY(!view.calls.join(QLatin1Char(' ')).contains(QStringLiteral("addCandidates")));

    // The run ends with a last batch; a training from scratch elsewhere arrives as a retrained marker.
    const auto last = (*writer)->addCandidates(live, { candidate(0.9, 50, 9) }, {});
    (*writer)->setRunState(live, store::RunState::Complete);
    QVERIFY((*writer)->setRetrained(first[1], 0.88, 4, "/nowhere/w.pt"));
    presenter.refresh();
    QVERIFY(view.candidates.count(last[0]));
    QCOMPARE(view.retrained.value(first[1]), 0.88);
    QCOMPARE(int(view.candidates.size()), 6);
}

void TestRunsPresenter::editsInTheRunsListReachTheViews()
{
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    presenter.showRuns({ m_energyRun, m_fpsRun });
    presenter.store()->trashRun(m_energyRun);
    presenter.store()->renameRun(m_fpsRun, "renamed");
    view.calls.clear();
    presenter.runsEdited();
    QCOMPARE(view.calls, QStringList { QStringLiteral("removeRun %1").arg(m_energyRun) });
    QCOMPARE(presenter.shownRuns(), QList<qint64> { m_fpsRun });
    QCOMPARE(view.names.value(m_fpsRun), QStringLiteral("renamed"));
    QCOMPARE(idSet(view.candidates), idSet(m_fpsIds));
}

void TestRunsPresenter::trainingsAreRecordedAndShown()
{
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    QVERIFY(!presenter.recordRetrained(m_fpsIds[0], 0.9125, 4, QStringLiteral("/tmp/w.pt")));
    QCOMPARE(view.retrained.value(m_fpsIds[0]), 0.9125);
    const auto stored = presenter.store()->candidate(m_fpsIds[0]);
    QCOMPARE(stored->retrainedAccuracy, 0.9125);
    QCOMPARE(stored->retrainedEpochs, 4);
    // A candidate of a run not shown: recorded, not told.
    QVERIFY(!presenter.recordRetrained(m_energyIds[0], 0.8, 2, {}));
    QVERIFY(!view.retrained.contains(m_energyIds[0]));
    QCOMPARE(presenter.store()->candidate(m_energyIds[0])->retrainedAccuracy, 0.8);
    const auto missing = presenter.recordRetrained(m_fpsIds[1] + 1000, 0.5, 1, {});
    QVERIFY(missing);
    QCOMPARE(missing->code, ErrorCode::NoCandidate);
}

void TestRunsPresenter::aFailedOpenChangesNothing()
{
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    const QString notAStore = m_dir->filePath(QStringLiteral("notes.txt"));
    {
        QFile f(notAStore);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    view.calls.clear();
    const auto failed = presenter.open(notAStore);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::NotAStore);
    QVERIFY(view.calls.isEmpty()); // nothing cleared, nothing told
    QCOMPARE(presenter.location(), QFileInfo(m_path).absoluteFilePath());
    QCOMPARE(idSet(view.candidates), idSet(m_fpsIds));
    QFile f(notAStore);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray(4096, 'x')); // left as it was
}

void TestRunsPresenter::theSelectionIsReadForTheDetailViews()
{
    {
        auto s = store::RunStore::open(m_path.toStdString());
        QVERIFY(s.ok());
        store::LayerMappingRecord l;
        l.name = "stem";
        l.cycles = 1234;
        l.bound = "compute";
        store::LayerMappingRecord second = l;
        second.layerIndex = 1;
        second.name = "fc";
        m_fpsIds.push_back((*s)->addCandidates(m_fpsRun, { candidate(0.7, 250, 8) }, { { l, second } }).at(0));
    }
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    presenter.selectionChanged({ m_energyIds[1], m_fpsIds[2] });
    QVERIFY(view.selected.current && view.selected.previous);
    QCOMPARE(view.selected.current->id, m_fpsIds[2]); // the last selected is the current one
    QCOMPARE(view.selected.current->accuracy, 0.7);
    QCOMPARE(view.selected.previous->id, m_energyIds[1]);
    QCOMPARE(int(view.selected.currentLayers.size()), 2);
    QCOMPARE(view.selected.currentLayers[1].name, std::string("fc"));
    QCOMPARE(view.selected.currentLayers[1].cycles, 1234.0);
    presenter.selectionChanged({ m_fpsIds[0] });
    QCOMPARE(view.selected.current->id, m_fpsIds[0]);
    QVERIFY(!view.selected.previous);
    QVERIFY(view.selected.currentLayers.empty());
    presenter.selectionChanged({});
    QVERIFY(!view.selected.current && !view.selected.previous);
}

QTEST_GUILESS_MAIN(TestRunsPresenter)
void TestRunsPresenter::anEmptyRunSaysWhy()
{
    int64_t failed = 0, noValid = 0, stopped = 0;
    {
        auto s = store::RunStore::open(m_path.toStdString());
        QVERIFY(s.ok());
        failed = addRun(**s, "failed run", "fps");
        (*s)->setRunState(failed, store::RunState::Failed, "space 'imagenet' has no dataset here");
        noValid = addRun(**s, "over budget", "fps");
        store::CandidateRecord invalid = candidate(0.5, 1, 1);
        invalid.valid = false;
        invalid.fps = 0;
        (*s)->addCandidates(noValid, { invalid, invalid }, {});
        (*s)->setRunState(noValid, store::RunState::Complete);
        stopped = addRun(**s, "stopped", "fps");
        (*s)->setRunState(stopped, store::RunState::Cancelled);
    }
    RunsPresenter presenter;
    Recorder view;
    presenter.addView(&view);
    QVERIFY(presenter.open(m_path).ok());
    presenter.showRuns({ failed });
    QCOMPARE(view.note, QStringLiteral("Run %1 failed: space 'imagenet' has no dataset here").arg(failed));
    presenter.showRuns({ noValid });
    QVERIFY2(
        view.note.startsWith(QStringLiteral("Run %1: none of its candidates has a valid accelerator").arg(noValid)),
        qPrintable(view.note));
    presenter.showRuns({ stopped });
    QCOMPARE(
        view.note, QStringLiteral("Run %1 stopped before its first epoch ended: it has no candidates").arg(stopped));
    presenter.showRuns({ m_fpsRun }); // candidates to plot: the usual text
    QVERIFY(view.note.isEmpty());
    presenter.showRuns({ failed });
    presenter.showRuns({ m_fpsRun, failed }); // several runs: the usual text
    QVERIFY(view.note.isEmpty());
}

#include "tst_runs_presenter.moc"
