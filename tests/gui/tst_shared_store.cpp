// The explorer on a shared PostgreSQL store (a server this test starts): runs another process writes appear and
// their fronts move while the window is open; runs of other writers are marked as theirs; File > Connect to
// Server builds the URIs libpq reads; a URI with a password is refused with the way to give it instead.
#include "app_identity.h"
#include "candidate_selection.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "runs_browser.h"
#include "server_dialog.h"
#include "store/run_store.h"
#include "sweeps_view.h"

#include "../support/pg_server.h"

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <set>

using dna::app::MainWindow;
using namespace dna::store;

namespace {

CandidateRecord candidate(double accuracy, double fps)
{
    CandidateRecord c;
    c.genotype = "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1";
    c.accuracy = accuracy;
    c.accuracyKind = "supernet";
    c.fps = fps;
    c.latencyMs = 1000.0 / fps;
    c.energyUj = 10;
    c.designJson = "{}";
    return c;
}

/// Child mode: another program writing a run to the store: 3 batches of 5 candidates, a pause after each, each
/// batch's candidates faster and less accurate than the last; prints "batch N" after each commit and waits for a
/// line on stdin before the next.
int runChildWriter(const char* uri)
{
    auto store = RunStore::open(uri);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().detail.c_str());
        return 3;
    }
    RunInfo run;
    run.name = "from another process";
    run.requestJson = R"({"space":"fmnist"})";
    const int64_t id = (*store)->createRun(run);
    for (int batch = 0; batch < 3; ++batch) {
        std::vector<CandidateRecord> cs;
        for (int i = 0; i < 5; ++i) {
            cs.push_back(candidate(0.9 - 0.1 * batch - 0.01 * i, 100 + 100 * batch + 10 * i));
        }
        (*store)->addCandidates(id, cs, {});
        (*store)->updateFront(id);
        std::printf("batch %d\n", batch + 1);
        std::fflush(stdout);
        char line[16];
        if (!std::fgets(line, sizeof line, stdin)) {
            break;
        }
    }
    (*store)->setRunState(id, RunState::Complete);
    return 0;
}

} // namespace

class TestSharedStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(dna::app::organizationName(), dna::app::applicationName()).clear();
        m_pg = std::make_unique<dna::testing::PgServer>();
        QVERIFY2(m_pg->ok(), m_pg->error().c_str());
    }

    void seesAnotherProcessWrite()
    {
        const std::string uri = m_pg->createDatabase();
        MainWindow w;
        QVERIFY(w.openStore(QString::fromStdString(uri)));
        QVERIFY(w.watchingStore());
        QCOMPARE(w.runsBrowser()->model()->rowCount(), 0);

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNA_GUI_CHILD_WRITER"), QString::fromStdString(uri));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        auto waitBatch = [&](int n) {
            const QByteArray want = "batch " + QByteArray::number(n);
            QByteArray got;
            while (!got.contains(want) && child.waitForReadyRead(20000)) {
                got += child.readAllStandardOutput();
            }
            return got.contains(want);
        };
        // The run appears in the runs list by itself, marked as another program's.
        QVERIFY2(waitBatch(1), child.readAllStandardError().constData());
        QTRY_COMPARE_WITH_TIMEOUT(w.runsBrowser()->model()->rowCount(), 1, 10000);
        const QModelIndex row = w.runsBrowser()->model()->index(0, 0);
        QVERIFY(!row.data(dna::widgets::RunsModel::ForeignHostRole).toString().isEmpty());
        const qint64 runId = row.data(dna::widgets::RunsModel::RunIdRole).toLongLong();
        w.showRuns({ runId });
        QCOMPARE(w.paretoPlot()->candidateCount(), 5);
        // Its next batches reach the plot while it is shown, and the plot's front is the store's.
        child.write("next\n");
        QVERIFY(waitBatch(2));
        QTRY_COMPARE_WITH_TIMEOUT(w.paretoPlot()->candidateCount(), 10, 10000);
        child.write("next\n");
        QVERIFY(waitBatch(3));
        QTRY_COMPARE_WITH_TIMEOUT(w.paretoPlot()->candidateCount(), 15, 10000);
        child.write("next\n");
        QVERIFY(child.waitForFinished(20000));
        QCOMPARE(child.exitCode(), 0);
        auto reader = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
        std::set<qint64> stored;
        for (const auto& c : reader->candidates(runId, true)) {
            stored.insert(c.id);
        }
        // Accuracy falls and FPS rises strictly from candidate to candidate: all 15 trade off.
        QCOMPARE(int(stored.size()), 15);
        QTRY_COMPARE_WITH_TIMEOUT(w.paretoPlot()->frontIds(runId).size(), 15, 10000);
        const auto shown = w.paretoPlot()->frontIds(runId);
        QCOMPARE(std::set<qint64>(shown.begin(), shown.end()), stored);
        QTRY_COMPARE_WITH_TIMEOUT(
            w.runsBrowser()->model()->index(0, 0).data(dna::widgets::RunsModel::RunningRole).toBool(), false, 10000);
    }

    void aSweepsRunsArriveColouredByItsGrid()
    {
        // A sweep another writer runs: its runs are shown coloured by the DSP budget, and a task that starts while
        // the sweep is shown joins the plot by itself, in its colour.
        const std::string uri = m_pg->createDatabase();
        auto other = RunStore::open(uri).value();
        std::vector<SweepTaskRecord> tasks(3);
        const int dsp[] = { 300, 600, 900 };
        for (int i = 0; i < 3; ++i) {
            tasks[size_t(i)].index = i;
            tasks[size_t(i)].paramsJson = "{\"dsp\": " + std::to_string(dsp[i]) + "}";
            tasks[size_t(i)].argsJson = "[]";
        }
        const int64_t sweep = other->createSweep({}, tasks);
        auto runTask = [&](int i) {
            if (!other->claimTask(sweep, i, "test")) {
                return int64_t(0);
            }
            RunInfo run;
            run.requestJson = "{}";
            const int64_t id = other->createRun(run);
            other->addCandidates(id, { candidate(0.8, 100.0 * (i + 1)), candidate(0.9, 50) }, {});
            other->updateFront(id);
            other->setTaskRun(sweep, i, id);
            other->setRunState(id, RunState::Complete);
            return id;
        };
        const int64_t first = runTask(0);
        const int64_t second = runTask(1);
        QVERIFY(first > 0 && second > 0);
        MainWindow w;
        QVERIFY(w.openStore(QString::fromStdString(uri)));
        QCOMPARE(w.sweepsView()->sweepCount(), 1);
        w.showSweep(sweep);
        QCOMPARE(w.paretoPlot()->runIds().size(), 2);
        // Colours by hand (viridis; 300 is the low end, 900 the high end at 0.9): 600 is t = 0.45.
        QCOMPARE(w.paretoPlot()->runColor(first), QColor(68, 1, 84));
        QCOMPARE(w.paretoPlot()->runColor(second), QColor(38, 132, 140));
        const int64_t third = runTask(2);
        QVERIFY(third > 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.paretoPlot()->runIds().size(), 3, 10000);
        QCOMPARE(w.paretoPlot()->runColor(first), QColor(68, 1, 84));
        QCOMPARE(w.paretoPlot()->runColor(second), QColor(38, 132, 140)); // the grid's range, not the runs', sets it
        QCOMPARE(w.paretoPlot()->runColor(third), dna::widgets::sequentialColour(0.9));
        // The summary: the best FPS of each task at any accuracy.
        const QList<QPointF> points = w.sweepsView()->summaryPoints();
        QCOMPARE(points, (QList<QPointF> { { 300, 100 }, { 600, 200 }, { 900, 300 } }));
        // A re-estimate another writer records reaches the shown run (only the new history rows are read): the
        // candidate at 50 FPS drops from 90 % to 75 %, below the one at 100 FPS and 80 %, and leaves the front.
        QCOMPARE(w.paretoPlot()->frontIds(first).size(), 2);
        const auto firstCandidates = other->candidates(first);
        const auto slow
            = std::find_if(firstCandidates.begin(), firstCandidates.end(), [](const auto& c) { return c.fps == 50; });
        QVERIFY(slow != firstCandidates.end());
        other->updateEstimates(first, { { slow->id, 1, 0.75, "supernet" } });
        QTRY_COMPARE_WITH_TIMEOUT(w.paretoPlot()->frontIds(first).size(), 1, 10000);
        QVERIFY(w.paretoPlot()->frontIds(first).front() != slow->id);
        // Showing a run by itself gives it the qualitative palette again.
        w.showRuns({ second });
        QVERIFY(w.paretoPlot()->runColor(second) != QColor(38, 132, 140));
    }

    void runsOfOtherConnectionsAreMarked()
    {
        // A run another connection of this same process writes is not the window's either.
        const std::string uri = m_pg->createDatabase();
        MainWindow w;
        QVERIFY(w.openStore(QString::fromStdString(uri)));
        auto other = RunStore::open(uri).value();
        RunInfo run;
        run.requestJson = "{}";
        other->createRun(run);
        QTRY_COMPARE_WITH_TIMEOUT(w.runsBrowser()->model()->rowCount(), 1, 10000);
        QVERIFY(
            !w.runsBrowser()->model()->index(0, 0).data(dna::widgets::RunsModel::ForeignHostRole).toString().isEmpty());
    }

    void connectDialogBuildsUris()
    {
        using dna::app::ServerDialog;
        QCOMPARE(
            ServerDialog::uriFor(QStringLiteral("db.lab.org"), 5432, QStringLiteral("runs"), QStringLiteral("alice")),
            QStringLiteral("postgresql://alice@db.lab.org:5432/runs"));
        QCOMPARE(
            ServerDialog::uriFor(QStringLiteral("/var/run/postgresql"), 5433, QStringLiteral("my runs"), QString()),
            QStringLiteral("postgresql:///my%20runs?host=/var/run/postgresql&port=5433"));
        QCOMPARE(
            ServerDialog::uriFor(QStringLiteral("10.0.0.7"), 6000, QStringLiteral("a/b"), QStringLiteral("bob@lab")),
            QStringLiteral("postgresql://bob%40lab@10.0.0.7:6000/a%2Fb"));
        // The socket form reaches this test's server.
        const std::string uri = m_pg->createDatabase();
        const QString db = QString::fromStdString(
            uri.substr(uri.rfind('/', uri.find('?')) + 1, uri.find('?') - uri.rfind('/', uri.find('?')) - 1));
        const QString sock = QString::fromStdString(uri.substr(uri.find("host=") + 5));
        auto opened = RunStore::open(ServerDialog::uriFor(sock, 5432, db, QStringLiteral("postgres")).toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().detail.c_str());
    }

    void passwordInUriIsRefused()
    {
        MainWindow w;
        QVERIFY(!w.openStore(QStringLiteral("postgresql://alice:secret@localhost/runs")));
        QVERIFY(w.errorText().contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(!w.errorText().contains(QStringLiteral("secret")));
    }

private:
    std::unique_ptr<dna::testing::PgServer> m_pg;
};

int main(int argc, char** argv)
{
    if (const char* uri = std::getenv("DNA_GUI_CHILD_WRITER")) {
        return runChildWriter(uri);
    }
    QApplication app(argc, argv);
    TestSharedStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_shared_store.moc"
