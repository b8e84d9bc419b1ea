// dna-cli sweep end to end: the grid's tasks (checked by hand and against the same grid from a file), clear errors,
// a local sweep into a file store (each run within its grid point's budget), a task claimed by two processes at
// once runs once; and, on a real single-node Slurm cluster with a PostgreSQL store, a sweep through sbatch and the
// resume of a sweep whose task was killed.
#include "store/run_store.h"

#include "../support/pg_server.h"
#include "../support/slurm_cluster.h"
#include "../support/synthetic_idx.h"
#include "cli_runner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <set>

#include <csignal>

using namespace dna;
using store::RunStore;

namespace {

/// Waits until `done` (a store or process-table query) holds, or `timeoutMs` passes (QTest::qWaitFor).
bool waitUntil(const std::function<bool()>& done, int timeoutMs) { return QTest::qWaitFor(done, timeoutMs); }

std::vector<store::SweepTaskRecord> tasksOf(const std::string& location, int64_t sweepId)
{
    auto s = RunStore::open(location, RunStore::Mode::ReadOnly);
    return s ? (*s)->sweepTasks(sweepId) : std::vector<store::SweepTaskRecord> {};
}

bool allComplete(const std::string& location, int64_t sweepId, size_t count)
{
    const auto tasks = tasksOf(location, sweepId);
    return tasks.size() == count && std::all_of(tasks.begin(), tasks.end(), [](const auto& t) { return t.finished(); });
}

/// Starts `dna-cli sweep --seeds SEEDS` of tiny searches (EPOCHS epochs of 2 steps) on the tiny dataset into the
/// file store `db`, two tasks at a time.
bool startLocalSweep(QProcess& sweep, const QString& seeds, int epochs, const QString& db)
{
    sweep.start(QStringLiteral(DNA_CLI_BIN),
        { QStringLiteral("sweep"), QStringLiteral("--seeds"), seeds, QStringLiteral("--epochs"),
            QString::number(epochs), QStringLiteral("--steps-per-epoch"), QStringLiteral("2"), QStringLiteral("--data"),
            qEnvironmentVariable("DNA_TEST_DATA"), QStringLiteral("--db"), db, QStringLiteral("-j"),
            QStringLiteral("2") });
    return sweep.waitForStarted();
}

/// Processes whose command line contains `text` (in one argument).
QList<pid_t> processesWith(const QByteArray& text)
{
    QList<pid_t> out;
    for (const QString& p : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const pid_t pid = p.toInt(&number);
        QFile f(QStringLiteral("/proc/") + p + QStringLiteral("/cmdline"));
        if (number && f.open(QIODevice::ReadOnly) && f.readAll().contains(text)) {
            out << pid;
        }
    }
    return out;
}

/// The pid of the process running task `index` of sweep `sweepId` (dna-cli sweep-task), 0 when none.
pid_t taskProcess(int64_t sweepId, int index)
{
    const QStringList procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& p : procs) {
        bool number = false;
        const pid_t pid = p.toInt(&number);
        QFile f(QStringLiteral("/proc/") + p + QStringLiteral("/cmdline"));
        if (!number || !f.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> args = f.readAll().split('\0');
        const auto at = [&](const char* option) {
            const int i = int(args.indexOf(QByteArray(option)));
            return i >= 0 && i + 1 < args.size() ? args[i + 1] : QByteArray();
        };
        if (args.contains("sweep-task") && at("--sweep") == QByteArray::number(qlonglong(sweepId))
            && at("--task") == QByteArray::number(index)) {
            return pid;
        }
    }
    return 0;
}

} // namespace

class TestCliSweep : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void gridExpandsToOneTaskPerPoint();
    void badSweepsAreRefusedWithTheAllowedValues();
    void localSweepIntoAFileStore();
    void killedLocalSweepLosesNothing();
    void stoppedLocalSweepCancelsItsTasksAndResumes();
    void aTaskClaimedTwiceRunsOnce();
    void slurmSweepIntoAServerStore();

private:
    QTemporaryDir m_data;
};

void TestCliSweep::initTestCase()
{
    QVERIFY(m_data.isValid());
    testing::writeTinyDataset(m_data.path());
    qputenv("DNA_TEST_DATA", m_data.path().toUtf8());
    // Checkpoints and logs of server stores go to the data folder: this test's, not the user's.
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
}

void TestCliSweep::gridExpandsToOneTaskPerPoint()
{
    const CliRun flags = runCli({ QStringLiteral("sweep"), QStringLiteral("--grid"), QStringLiteral("dsp=300,600"),
        QStringLiteral("--grid"), QStringLiteral("lambda=0.1,0.3"), QStringLiteral("--seeds"), QStringLiteral("1-3"),
        QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--dry-run") });
    QCOMPARE(flags.exitCode, 0);
    const QStringList lines = flags.outText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 2 * 2 * 3);
    // Task 7 by hand: the last axis varies fastest, so 7 = 1*(2*3) + 0*3 + 1 -> dsp 600, lambda 0.1, seed 2.
    QCOMPARE(lines[1 + 7].simplified(), QStringLiteral("7 dna-cli search --epochs 2 --dsp 600 --lambda 0.1 --seed 2"));
    QCOMPARE(lines[1].simplified(), QStringLiteral("0 dna-cli search --epochs 2 --dsp 300 --lambda 0.1 --seed 1"));

    // The same grid from a file gives the same tasks.
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("grid.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"axes": {"dsp": [300, 600], "lambda": [0.1, 0.3]}, "seeds": "1-3", "options": {"epochs": 2}})");
    f.close();
    const CliRun file
        = runCli({ QStringLiteral("sweep"), QStringLiteral("--grid-file"), f.fileName(), QStringLiteral("--dry-run") });
    QCOMPARE(file.exitCode, 0);
    QCOMPARE(file.outText, flags.outText);

    // A Slurm dry run shows the job script and the array it would submit, without a store.
    const CliRun slurm = runCli({ QStringLiteral("sweep"), QStringLiteral("--seeds"), QStringLiteral("1-4"),
        QStringLiteral("--executor"), QStringLiteral("slurm"), QStringLiteral("-j"), QStringLiteral("2"),
        QStringLiteral("--db"), QStringLiteral("postgresql://nobody@/nowhere"), QStringLiteral("--dry-run") });
    QCOMPARE(slurm.exitCode, 0);
    QVERIFY2(slurm.outText.contains(QStringLiteral("--array=0-3%2")), qPrintable(slurm.outText));
    QVERIFY(slurm.outText.contains(QStringLiteral("sweep-task --db postgresql://nobody@/nowhere --sweep NEW")));
}

void TestCliSweep::badSweepsAreRefusedWithTheAllowedValues()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
    const CliRun unknown = runCli({ QStringLiteral("sweep"), QStringLiteral("--grid"), QStringLiteral("colour=red"),
        QStringLiteral("--db"), db });
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(
        unknown.err.contains(QStringLiteral("cannot vary 'colour'")) && unknown.err.contains(QStringLiteral("dsp")),
        qPrintable(unknown.err));
    const CliRun badValue = runCli({ QStringLiteral("sweep"), QStringLiteral("--grid"), QStringLiteral("dsp=300,lots"),
        QStringLiteral("--db"), db });
    QCOMPARE(badValue.exitCode, 2);
    QVERIFY2(badValue.err.contains(QStringLiteral("task 1 (dsp=lots)")), qPrintable(badValue.err));
    const CliRun slurmOnFile = runCli({ QStringLiteral("sweep"), QStringLiteral("--seeds"), QStringLiteral("1-2"),
        QStringLiteral("--executor"), QStringLiteral("slurm"), QStringLiteral("--db"), db });
    QCOMPARE(slurmOnFile.exitCode, 2);
    QVERIFY(slurmOnFile.err.contains(QStringLiteral("needs a server store")));
    QVERIFY(!QFile::exists(db)); // nothing recorded for a sweep that was refused
    const CliRun noSweep = runCli(
        { QStringLiteral("sweep"), QStringLiteral("--status"), QStringLiteral("9"), QStringLiteral("--db"), db });
    QCOMPARE(noSweep.exitCode, 2);
}

void TestCliSweep::localSweepIntoAFileStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
    const CliRun r = runCli(
        { QStringLiteral("sweep"), QStringLiteral("--grid"), QStringLiteral("dsp=120,400"), QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--steps-per-epoch"), QStringLiteral("2"), QStringLiteral("--data"),
            m_data.path(), QStringLiteral("--db"), db, QStringLiteral("-j"), QStringLiteral("2") },
        300000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.outText));
    auto opened = RunStore::open(db.toStdString(), RunStore::Mode::ReadOnly);
    QVERIFY(opened.ok());
    auto& store = **opened;
    const auto sweeps = store.sweeps();
    QCOMPARE(int(sweeps.size()), 1);
    QCOMPARE(sweeps[0].tasks, 2);
    QCOMPARE(sweeps[0].complete, 2);
    const auto tasks = store.sweepTasks(sweeps[0].id);
    const int budgets[] = { 120, 400 };
    std::set<int64_t> runs;
    for (const auto& t : tasks) {
        QCOMPARE(QString::fromStdString(t.state), QStringLiteral("complete"));
        QCOMPARE(t.attempts, 1);
        runs.insert(t.runId);
        const auto run = store.run(t.runId);
        QVERIFY(run && run->candidates > 0);
        const auto request = QJsonDocument::fromJson(QByteArray::fromStdString(run->requestJson)).object();
        QCOMPARE(request[QStringLiteral("budget")].toObject()[QStringLiteral("dsp")].toInt(), budgets[t.index]);
        // The grid point's budget holds for every design the task found.
        for (const auto& c : store.candidates(t.runId)) {
            if (c.valid) {
                QVERIFY2(c.dsp <= budgets[t.index], qPrintable(QString::number(c.dsp)));
            }
        }
    }
    QCOMPARE(int(runs.size()), 2);
    // The tasks' own files were merged and removed; their checkpoints stay beside the store.
    QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*task*.sqlite*") }, QDir::Files).size(), 0);

    const CliRun status = runCli({ QStringLiteral("sweep"), QStringLiteral("--status"), QString::number(sweeps[0].id),
        QStringLiteral("--json"), QStringLiteral("--db"), db });
    QCOMPARE(status.exitCode, 0);
    const auto json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json[QStringLiteral("counts")].toObject()[QStringLiteral("complete")].toInt(), 2);
    const auto first = json[QStringLiteral("tasks")].toArray()[0].toObject();
    QCOMPARE(first[QStringLiteral("params")].toObject()[QStringLiteral("dsp")].toInt(), 120);
    QCOMPARE(first[QStringLiteral("front")].toArray().size(), int(store.candidates(tasks[0].runId, true).size()));
    // Nothing left to resume.
    const CliRun resume = runCli({ QStringLiteral("sweep"), QStringLiteral("--resume"), QString::number(sweeps[0].id),
        QStringLiteral("--db"), db });
    QCOMPARE(resume.exitCode, 0);
    QVERIFY(resume.outText.contains(QStringLiteral("nothing to resume")));
}

void TestCliSweep::killedLocalSweepLosesNothing()
{
    // The sweep process on a file store is killed while its two tasks search (each into a file of its own); the
    // searches run on to their end. --resume moves their runs into the store instead of running them again.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
    QProcess sweep;
    QVERIFY(startLocalSweep(sweep, QStringLiteral("1-2"), 2, db));
    const QByteArray scratch = QFileInfo(db).absolutePath().toUtf8() + "/runs-sweep1-task";
    QVERIFY(waitUntil([&] { return processesWith(scratch).size() == 2; }, 60000));
    ::kill(pid_t(sweep.processId()), SIGKILL);
    QVERIFY(sweep.waitForFinished(10000));
    QVERIFY(waitUntil([&] { return processesWith(scratch).isEmpty(); }, 300000));
    {
        const auto tasks = tasksOf(db.toStdString(), 1);
        QCOMPARE(int(tasks.size()), 2);
        QCOMPARE(QString::fromStdString(tasks[0].state), QStringLiteral("claimed"));
    }
    const CliRun resume = runCli(
        { QStringLiteral("sweep"), QStringLiteral("--resume"), QStringLiteral("1"), QStringLiteral("--db"), db },
        300000);
    QVERIFY2(resume.exitCode == 0, qPrintable(resume.err + resume.outText));
    QCOMPARE(resume.err.count(QStringLiteral("kept the run")), 2);
    QVERIFY(resume.outText.contains(QStringLiteral("nothing to resume")));
    auto store = RunStore::open(db.toStdString(), RunStore::Mode::ReadOnly).value();
    QCOMPARE(int(store->runs().size()), 2);
    for (const auto& t : store->sweepTasks(1)) {
        QCOMPARE(QString::fromStdString(t.state), QStringLiteral("complete"));
        QCOMPARE(t.attempts, 1);
        QVERIFY(store->run(t.runId)->candidates > 0);
    }
    QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*task*.sqlite*") }, QDir::Files).size(), 0);
}

void TestCliSweep::stoppedLocalSweepCancelsItsTasksAndResumes()
{
    // SIGTERM to the sweep process alone (as a session manager or a scheduler would send): its running searches
    // are cancelled (runs kept as cancelled), none is started; --resume runs those tasks again, to completion.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
    QProcess sweep;
    QVERIFY(startLocalSweep(sweep, QStringLiteral("1-3"), 8, db));
    const QByteArray scratch = QFileInfo(db).absolutePath().toUtf8() + "/runs-sweep1-task";
    // Both searches under way: each has a run with candidates in its own file.
    QVERIFY(waitUntil(
        [&] {
            const QStringList files = QDir(dir.path()).entryList({ QStringLiteral("runs-sweep1-task*.sqlite") });
            int searching = 0;
            for (const QString& f : files) {
                auto s = RunStore::open(dir.filePath(f).toStdString(), RunStore::Mode::ReadOnly);
                searching += s && (*s)->runs().size() == 1 && (*s)->runs()[0].candidates > 0 ? 1 : 0;
            }
            return searching == 2;
        },
        120000));
    ::kill(pid_t(sweep.processId()), SIGTERM);
    QVERIFY(sweep.waitForFinished(120000));
    QCOMPARE(sweep.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sweep.exitCode(), 1); // unfinished tasks
    QVERIFY(processesWith(scratch).isEmpty());
    {
        const auto tasks = tasksOf(db.toStdString(), 1);
        QCOMPARE(QString::fromStdString(tasks[0].state), QStringLiteral("cancelled"));
        QCOMPARE(QString::fromStdString(tasks[1].state), QStringLiteral("cancelled"));
        QCOMPARE(QString::fromStdString(tasks[2].state), QStringLiteral("queued")); // never started
    }
    // A resume runs the tasks as recorded: a search option beside it is refused, nothing runs.
    const CliRun resume = runCli({ QStringLiteral("sweep"), QStringLiteral("--resume"), QStringLiteral("1"),
        QStringLiteral("--db"), db, QStringLiteral("--epochs"), QStringLiteral("3") });
    QCOMPARE(resume.exitCode, 2);
    QVERIFY2(resume.err.contains(QStringLiteral("--epochs")), qPrintable(resume.err));
    QCOMPARE(QString::fromStdString(tasksOf(db.toStdString(), 1)[2].state), QStringLiteral("queued"));
    const CliRun resumed = runCli({ QStringLiteral("sweep"), QStringLiteral("--resume"), QStringLiteral("1"),
                                      QStringLiteral("--db"), db, QStringLiteral("-j"), QStringLiteral("2") },
        600000);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.outText));
    auto store = RunStore::open(db.toStdString(), RunStore::Mode::ReadOnly).value();
    const auto tasks = store->sweepTasks(1);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(QString::fromStdString(tasks[size_t(i)].state), QStringLiteral("complete"));
        QCOMPARE(tasks[size_t(i)].previousRuns.size(), size_t(i < 2 ? 1 : 0));
        if (i < 2) {
            QCOMPARE(store->run(tasks[size_t(i)].previousRuns[0])->state, store::RunState::Cancelled);
        }
    }
}

void TestCliSweep::aTaskClaimedTwiceRunsOnce()
{
    testing::PgServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    const std::string uri = server.createDatabase();
    int64_t sweepId = 0;
    {
        auto store = RunStore::open(uri).value();
        store::SweepTaskRecord t;
        t.paramsJson = R"({"seed": 5})";
        t.argsJson = QJsonDocument(QJsonArray { QStringLiteral("--data"), m_data.path(), QStringLiteral("--epochs"),
                                       QStringLiteral("1"), QStringLiteral("--steps-per-epoch"), QStringLiteral("2"),
                                       QStringLiteral("--seed"), QStringLiteral("5") })
                         .toJson(QJsonDocument::Compact)
                         .toStdString();
        sweepId = store->createSweep({}, { t });
    }
    const QStringList args { QStringLiteral("sweep-task"), QStringLiteral("--db"), QString::fromStdString(uri),
        QStringLiteral("--sweep"), QString::number(sweepId), QStringLiteral("--task"), QStringLiteral("0"),
        QStringLiteral("--threads"), QStringLiteral("1") };
    QProcess a, b;
    a.start(QStringLiteral(DNA_CLI_BIN), args);
    b.start(QStringLiteral(DNA_CLI_BIN), args);
    QVERIFY(a.waitForFinished(300000) && b.waitForFinished(300000));
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);
    const QString said = QString::fromUtf8(a.readAllStandardOutput() + b.readAllStandardOutput());
    QCOMPARE(said.count(QStringLiteral("not running it twice")), 1);
    auto store = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
    QCOMPARE(int(store->runs().size()), 1);
    const auto tasks = store->sweepTasks(sweepId);
    QCOMPARE(QString::fromStdString(tasks[0].state), QStringLiteral("complete"));
    QCOMPARE(tasks[0].runId, store->runs()[0].id);
    QCOMPARE(store->runs()[0].seed, int64_t(5));
    // Started again once done (a resubmitted array task): still one run.
    const CliRun again = runCli(args);
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.outText.contains(QStringLiteral("not running it twice")));
    QCOMPARE(int(store->runs().size()), 1);
}

void TestCliSweep::slurmSweepIntoAServerStore()
{
    testing::PgServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    testing::SlurmCluster cluster;
    QVERIFY2(cluster.ok(), cluster.error().c_str());
    const std::string uri = server.createDatabase();
    const QString db = QString::fromStdString(uri);
    auto sweepOf = [&](const CliRun& r) {
        const qsizetype at = r.outText.indexOf(QStringLiteral("sweep "));
        return at < 0 ? 0 : r.outText.mid(at + 6).section(QLatin1Char(':'), 0, 0).toLongLong();
    };

    // 1. Four tiny searches through sbatch, two at a time: four complete runs, one per task.
    const CliRun first = runCli({ QStringLiteral("sweep"), QStringLiteral("--grid"), QStringLiteral("dsp=150,600"),
        QStringLiteral("--seeds"), QStringLiteral("1-2"), QStringLiteral("--epochs"), QStringLiteral("1"),
        QStringLiteral("--steps-per-epoch"), QStringLiteral("2"), QStringLiteral("--data"), m_data.path(),
        QStringLiteral("--db"), db, QStringLiteral("--executor"), QStringLiteral("slurm"), QStringLiteral("-j"),
        QStringLiteral("2"), QStringLiteral("--script-dir"), QString::fromStdString(cluster.folder()) });
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.outText));
    const int64_t s1 = sweepOf(first);
    QVERIFY2(s1 > 0, qPrintable(first.outText));
    QVERIFY2(waitUntil([&] { return allComplete(uri, s1, 4); }, 300000),
        qPrintable(runCli(
            { QStringLiteral("sweep"), QStringLiteral("--status"), QString::number(s1), QStringLiteral("--db"), db })
                       .outText));
    {
        auto store = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
        std::set<int64_t> runs;
        for (const auto& t : store->sweepTasks(s1)) {
            QCOMPARE(t.attempts, 1);
            runs.insert(t.runId);
            QCOMPARE(store->run(t.runId)->state, store::RunState::Complete);
        }
        QCOMPARE(int(runs.size()), 4);
        QCOMPARE(int(store->runs().size()), 4);
    }

    // 2. A sweep whose task 1 is killed (SIGKILL, as a node failure would): the task shows interrupted once its
    // heartbeat is stale, --resume runs only it, and no task ran twice.
    const CliRun second = runCli({ QStringLiteral("sweep"), QStringLiteral("--seeds"), QStringLiteral("1-2"),
        QStringLiteral("--epochs"), QStringLiteral("12"), QStringLiteral("--steps-per-epoch"), QStringLiteral("2"),
        QStringLiteral("--data"), m_data.path(), QStringLiteral("--db"), db, QStringLiteral("--executor"),
        QStringLiteral("slurm"), QStringLiteral("--script-dir"), QString::fromStdString(cluster.folder()) });
    QVERIFY2(second.exitCode == 0, qPrintable(second.err + second.outText));
    const int64_t s2 = sweepOf(second);
    pid_t victim = 0;
    int64_t killedRun = 0;
    QVERIFY(waitUntil(
        [&] {
            const auto tasks = tasksOf(uri, s2);
            if (tasks.size() != 2 || tasks[1].state != "running") {
                return false;
            }
            auto store = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
            killedRun = tasks[1].runId;
            return store->candidates(killedRun).size() > 0 && (victim = taskProcess(s2, 1)) > 0;
        },
        300000));
    QCOMPARE(::kill(victim, SIGKILL), 0);
    QVERIFY(waitUntil(
        [&] {
            const auto tasks = tasksOf(uri, s2);
            return tasks[0].finished() && tasks[1].state == "interrupted";
        },
        300000));
    const CliRun resume = runCli({ QStringLiteral("sweep"), QStringLiteral("--resume"), QString::number(s2),
        QStringLiteral("--db"), db, QStringLiteral("--executor"), QStringLiteral("slurm"),
        QStringLiteral("--script-dir"), QString::fromStdString(cluster.folder()) });
    QVERIFY2(resume.exitCode == 0, qPrintable(resume.err + resume.outText));
    QVERIFY2(resume.err.contains(QStringLiteral("resuming 1 tasks (1)")), qPrintable(resume.err));
    QVERIFY(waitUntil([&] { return allComplete(uri, s2, 2); }, 300000));
    auto store = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
    const auto tasks = store->sweepTasks(s2);
    QCOMPARE(tasks[0].attempts, 1);
    QCOMPARE(tasks[0].previousRuns.size(), size_t(0));
    QCOMPARE(tasks[1].attempts, 2);
    QCOMPARE(tasks[1].previousRuns, std::vector<int64_t> { killedRun });
    QVERIFY(tasks[1].runId != killedRun);
    QCOMPARE(store->run(killedRun)->state, store::RunState::Interrupted);
    QCOMPARE(int(store->runs().size()), 4 + 3); // the first sweep's four, this one's two and the killed attempt
}

QTEST_GUILESS_MAIN(TestCliSweep)
#include "tst_cli_sweep.moc"
