// dna-cli search end to end on a tiny IDX dataset: JSON-line events, Ctrl-C cancels cleanly (run
// `cancelled`, candidates kept), SIGKILL leaves a store that opens with the run `interrupted`.
#include "store/run_store.h"

#include "../support/pg_server.h"

#include "../support/small_disk.h"
#include "../support/synthetic_idx.h"

#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include <csignal>

using namespace dna;
using dna::testing::writeIdx;

namespace {

struct Search {
    QProcess process;
    QList<QJsonObject> events;
    QTemporaryDir dir;
    QString db;

    /// `storeDir`: the folder of the store file; `location`: a store (a server URI) instead.
    bool start(
        const QString& storeDir = {}, const QString& location = {}, int epochs = 30, const QStringList& extra = {})
    {
        writeIdx(dir.path(), QStringLiteral("train"), 700, 1);
        writeIdx(dir.path(), QStringLiteral("t10k"), 100, 2);
        db = !location.isEmpty() ? location
                                 : (storeDir.isEmpty() ? dir.path() : storeDir) + QStringLiteral("/runs.sqlite");
        // A server store's checkpoints go to the data folder: this test's, not the user's.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DNA_CLI_BIN),
            QStringList { QStringLiteral("search"), QStringLiteral("--data"), dir.path(), QStringLiteral("--db"), db,
                QStringLiteral("--epochs"), QString::number(epochs), QStringLiteral("--steps-per-epoch"),
                QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1"),
                QStringLiteral("--json-progress") }
                + extra);
        return process.waitForStarted();
    }
    /// Reads events until one named `name` arrives (or the timeout).
    bool waitFor(const QString& name, int timeoutMs = 120000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (!process.canReadLine() && !process.waitForReadyRead(1000)) {
                if (process.state() == QProcess::NotRunning) {
                    return false;
                }
                continue;
            }
            while (process.canReadLine()) {
                const QJsonObject ev = QJsonDocument::fromJson(process.readLine()).object();
                events << ev;
                if (ev[QStringLiteral("event")].toString() == name) {
                    return true;
                }
            }
        }
        return false;
    }
};

} // namespace

class TestCliSearch : public QObject {
    Q_OBJECT
private slots:
    void ctrlCCancelsCleanly();
    void killedSearchLeavesAnInterruptedRun();
    void fullDiskFailsTheRunAndLeavesNoPartialFile();
    void killsAndFullDisksLoseNothingCommitted();
    void twoSearchesShareAServerStore();
    void hardwareStrategyIsCheckedAndRecorded();
    void badRequestsAreRefusedBeforeARun();
};

void TestCliSearch::hardwareStrategyIsCheckedAndRecorded()
{
    // A strategy that enumerates is refused before any work, naming the ones that sample.
    Search refused;
    QVERIFY(refused.start({}, {}, 2, { QStringLiteral("--hw-algo"), QStringLiteral("exhaustive") }));
    QVERIFY(refused.process.waitForFinished(60000));
    QCOMPARE(refused.process.exitCode(), 2);
    const QString err = QString::fromUtf8(refused.process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("das, random, evolution")), qPrintable(err));
    QVERIFY(!QFile::exists(refused.db));
    // Evolution instead of DAS: the run completes and its request says which strategy searched its hardware.
    Search s;
    QVERIFY(s.start({}, {}, 2, { QStringLiteral("--hw-algo"), QStringLiteral("evolution") }));
    QVERIFY2(s.waitFor(QStringLiteral("finished"), 300000), s.process.readAllStandardError().constData());
    QVERIFY(s.process.waitForFinished(30000));
    QCOMPARE(s.process.exitCode(), 0);
    auto store = store::RunStore::open(s.db.toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].state, store::RunState::Complete);
    const QJsonObject request = QJsonDocument::fromJson(QByteArray::fromStdString(runs[0].requestJson)).object();
    QCOMPARE(request[QStringLiteral("hw_algo")].toString(), QStringLiteral("evolution"));
    QVERIFY(runs[0].candidates > 0);
}

void TestCliSearch::badRequestsAreRefusedBeforeARun()
{
    // A PE budget on an FPGA (sized by DSP slices and BRAM) or a DSP budget on an ASIC bounds nothing the search
    // sizes, and a space without a dataset here cannot train: refused before any work, naming what is allowed; no
    // store is written (no failed run is recorded).
    const QList<QStringList> wrong { { QStringLiteral("--platform"), QStringLiteral("zc706"), QStringLiteral("--pes"),
                                         QStringLiteral("100") },
        { QStringLiteral("--platform"), QStringLiteral("asic28"), QStringLiteral("--dsp"), QStringLiteral("100") },
        // Spaces: one this version does not know, and one with no dataset here.
        { QStringLiteral("--space"), QStringLiteral("imagenet1k") },
        { QStringLiteral("--space"), QStringLiteral("imagenet") } };
    const QStringList named { QStringLiteral("zc706 is an FPGA: its budgets are --dsp and --bram18"),
        QStringLiteral("asic28 is an ASIC: its budgets are --pes and --gb-kib"),
        QStringLiteral("--space must be one of fmnist, cifar, not 'imagenet1k'"),
        QStringLiteral("the spaces that search here are fmnist, cifar") };
    for (int i = 0; i < wrong.size(); ++i) {
        Search refused;
        QVERIFY(refused.start({}, {}, 2, wrong[i]));
        QVERIFY(refused.process.waitForFinished(60000));
        QCOMPARE(refused.process.exitCode(), 2);
        const QString err = QString::fromUtf8(refused.process.readAllStandardError());
        QVERIFY2(err.contains(named[i]), qPrintable(err));
        QVERIFY(!QFile::exists(refused.db));
    }
}

void TestCliSearch::ctrlCCancelsCleanly()
{
    Search s;
    QVERIFY(s.start());
    QVERIFY2(s.waitFor(QStringLiteral("candidate")), s.process.readAllStandardError().constData());
    QVERIFY(s.events.first()[QStringLiteral("event")].toString() == QStringLiteral("progress"));
    ::kill(pid_t(s.process.processId()), SIGINT);
    QVERIFY(s.waitFor(QStringLiteral("cancelled"), 30000));
    QVERIFY(s.process.waitForFinished(10000));
    QCOMPARE(s.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(s.process.exitCode(), 0);
    const QJsonObject last = s.events.last();
    const int64_t run = last[QStringLiteral("run")].toInteger();
    auto store = store::RunStore::open(s.db.toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    const auto info = (*store)->run(run);
    QVERIFY(info);
    QCOMPARE(info->state, store::RunState::Cancelled);
    int streamed = 0;
    for (const auto& ev : s.events) {
        streamed += ev[QStringLiteral("event")].toString() == QStringLiteral("candidate");
    }
    QCOMPARE(info->candidates, int64_t(streamed)); // every candidate announced is stored
    QCOMPARE(int64_t(last[QStringLiteral("candidates")].toInt()), info->candidates);
}

void TestCliSearch::killedSearchLeavesAnInterruptedRun()
{
    Search s;
    QVERIFY(s.start());
    QVERIFY2(s.waitFor(QStringLiteral("front")), s.process.readAllStandardError().constData());
    const int committed = s.events.last()[QStringLiteral("candidates")].toArray().size();
    // Kill right after a candidate is announced: announcements come after their batch is committed.
    QVERIFY(s.waitFor(QStringLiteral("candidate")));
    ::kill(pid_t(s.process.processId()), SIGKILL);
    QVERIFY(s.process.waitForFinished(10000));
    QCOMPARE(s.process.exitStatus(), QProcess::CrashExit);
    auto store = store::RunStore::open(s.db.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].state, store::RunState::Interrupted);
    QVERIFY(runs[0].candidates >= committed);
    for (const auto& c : (*store)->candidates(runs[0].id)) {
        if (c.valid) {
            QVERIFY(!(*store)->layerMappings(c.id).empty());
        }
    }
    int announced = 0;
    for (const auto& ev : s.events) {
        if (ev[QStringLiteral("event")].toString() != QStringLiteral("candidate")) {
            continue;
        }
        ++announced;
        const auto stored = (*store)->candidate(ev[QStringLiteral("id")].toInteger());
        QVERIFY2(stored, qPrintable(QJsonDocument(ev).toJson(QJsonDocument::Compact)));
        QCOMPARE(QString::fromStdString(stored->genotype), ev[QStringLiteral("genotype")].toString());
    }
    QVERIFY(announced > 0);
}

void TestCliSearch::fullDiskFailsTheRunAndLeavesNoPartialFile()
{
    testing::SmallDisk disk(1024);
    if (!disk.ok()) {
        QSKIP("mounting a small tmpfs needs root");
    }
    Search s;
    QVERIFY(s.start(disk.path()));
    QVERIFY(s.process.waitForFinished(120000));
    const QString err = QString::fromUtf8(s.process.readAllStandardError());
    QCOMPARE(s.process.exitStatus(), QProcess::NormalExit); // no abort
    QVERIFY2(s.process.exitCode() == 1, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("No space left")), qPrintable(err));
    // The store keeps the run, marked failed with the reason; no checkpoint or temporary is left half written.
    const QStringList files = QDir(disk.path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString& f : files) {
        QVERIFY2(f.startsWith(QStringLiteral("runs.sqlite")), qPrintable(files.join(QLatin1Char(' '))));
    }
    auto store = store::RunStore::open(s.db.toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].state, store::RunState::Failed);
    QVERIFY2(QString::fromStdString(runs[0].error).contains(QStringLiteral("No space left")), runs[0].error.c_str());
}

void TestCliSearch::killsAndFullDisksLoseNothingCommitted()
{
    // Fault injection: one store, 20 searches each killed at a random moment (seeded), then the disk filled at
    // several sizes. After each: the store opens for writing (so its quick check passes), the full integrity
    // check finds nothing, every earlier run keeps its candidates, and every announced candidate is there.
    QTemporaryDir storeDir;
    QRandomGenerator rng(20261129);
    QMap<int64_t, int64_t> kept; // run -> candidates, as last seen
    auto check = [&](const Search& s) {
        auto store = store::RunStore::open(s.db.toStdString());
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
        QVERIFY((*store)->integrityCheck().empty());
        for (const auto& r : (*store)->runs()) {
            if (kept.contains(r.id)) {
                QCOMPARE(r.candidates, kept[r.id]);
            }
            QVERIFY(r.state != store::RunState::Running);
            kept[r.id] = r.candidates;
        }
        for (const auto& ev : s.events) {
            if (ev[QStringLiteral("event")].toString() == QStringLiteral("candidate")) {
                QVERIFY((*store)->candidate(ev[QStringLiteral("id")].toInteger()));
            }
        }
    };
    for (int i = 0; i < 20; ++i) {
        Search s;
        QVERIFY(s.start(storeDir.path()));
        const int killAfterMs = int(rng.bounded(200, 4000));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < killAfterMs && s.process.state() != QProcess::NotRunning) {
            s.waitFor(QStringLiteral("none"), int(killAfterMs - t.elapsed()));
        }
        ::kill(pid_t(s.process.processId()), SIGKILL);
        QVERIFY(s.process.waitForFinished(10000));
        while (s.process.canReadLine()) {
            s.events << QJsonDocument::fromJson(s.process.readLine()).object();
        }
        check(s);
        if (QTest::currentTestFailed()) {
            qWarning("after the kill at %d ms (round %d)", killAfterMs, i);
            return;
        }
    }
    QVERIFY(!kept.isEmpty()); // most kills land after the run was created
    for (int kib : { 200, 400, 800 }) {
        testing::SmallDisk disk(kib);
        if (!disk.ok()) {
            QSKIP("mounting a small tmpfs needs root");
        }
        kept.clear();
        Search s;
        QVERIFY(s.start(disk.path()));
        QVERIFY(s.waitFor(QStringLiteral("none"), 120000) == false); // reads every event until the search ends
        QVERIFY(s.process.state() == QProcess::NotRunning || s.process.waitForFinished(10000));
        QCOMPARE(s.process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(s.process.exitCode() == 1, qPrintable(QStringLiteral("%1 KiB").arg(kib)));
        auto store = store::RunStore::open(s.db.toStdString(), store::RunStore::Mode::ReadOnly);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
        QVERIFY((*store)->damage().empty());
        QVERIFY((*store)->integrityCheck().empty());
        const auto runs = (*store)->runs();
        QCOMPARE(int(runs.size()), 1);
        QVERIFY(runs[0].state == store::RunState::Failed || runs[0].state == store::RunState::Interrupted);
        for (const auto& ev : s.events) {
            if (ev[QStringLiteral("event")].toString() == QStringLiteral("candidate")) {
                QVERIFY((*store)->candidate(ev[QStringLiteral("id")].toInteger()));
            }
        }
    }
}

void TestCliSearch::twoSearchesShareAServerStore()
{
    // Two `dna-cli search --db postgresql://...` at once into one database: both runs complete, each with every
    // candidate it announced, its own checkpoint recorded (distinct files that exist) and its host.
    dna::testing::PgServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    const QString uri = QString::fromStdString(server.createDatabase());
    Search a;
    Search b;
    QVERIFY(a.start({}, uri, 2));
    QVERIFY(b.start({}, uri, 2));
    QVERIFY2(a.waitFor(QStringLiteral("finished"), 300000), a.process.readAllStandardError().constData());
    QVERIFY2(b.waitFor(QStringLiteral("finished"), 300000), b.process.readAllStandardError().constData());
    QVERIFY(a.process.waitForFinished(30000) && b.process.waitForFinished(30000));
    QCOMPARE(a.process.exitCode(), 0);
    QCOMPARE(b.process.exitCode(), 0);
    auto store = dna::store::RunStore::open(uri.toStdString(), dna::store::RunStore::Mode::ReadOnly).value();
    const auto runs = store->runs();
    QCOMPARE(int(runs.size()), 2);
    std::set<std::string> checkpoints;
    for (Search* s : { &a, &b }) {
        std::set<qint64> announced;
        qint64 runId = 0;
        for (const auto& ev : s->events) {
            if (ev[QStringLiteral("event")].toString() == QStringLiteral("candidate")) {
                announced.insert(ev[QStringLiteral("id")].toInteger());
                runId = ev[QStringLiteral("run")].toInteger();
            }
        }
        QVERIFY(!announced.empty());
        const auto run = store->run(runId);
        QVERIFY(run);
        QCOMPARE(run->state, dna::store::RunState::Complete);
        QVERIFY(!run->writerHost.empty());
        std::set<qint64> stored;
        for (const auto& c : store->candidates(runId)) {
            stored.insert(c.id);
        }
        QCOMPARE(stored, announced);
        const auto ckpt = store->checkpoints(runId);
        QCOMPARE(int(ckpt.size()), 1);
        QVERIFY2(QFileInfo::exists(QString::fromStdString(ckpt[0].second)), ckpt[0].second.c_str());
        QVERIFY(QString::fromStdString(ckpt[0].second).startsWith(s->dir.path() + QStringLiteral("/DnaExplorer/")));
        checkpoints.insert(ckpt[0].second);
    }
    QCOMPARE(int(checkpoints.size()), 2);
}

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
