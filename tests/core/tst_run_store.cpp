// The run store on both backends (the data-driven tests run on an SQLite file and on a PostgreSQL server this test
// starts): round trip, Pareto fronts, refusal of newer schemas, readers during writes, a writer killed with SIGKILL,
// trash and purge, re-estimates. SQLite alone: migrations, foreign / corrupt files, one writer, the file's lock,
// read-only media. PostgreSQL alone: two processes writing at once, a lost connection, passwords and foreign
// databases refused, the heartbeat of a live writer.
#include "store/run_store.h"

#include "../support/pg_server.h"
#include "../support/small_disk.h"

#include <sqlite3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace dna::store;

namespace {

CandidateRecord candidate(double accuracy, double fps, int epoch = 1)
{
    CandidateRecord c;
    c.epoch = epoch;
    c.genotype = "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1";
    c.accuracy = accuracy;
    c.accuracyKind = "supernet";
    c.fps = fps;
    c.latencyMs = 1000.0 / fps;
    c.energyUj = 10.0 / accuracy;
    c.edp = c.energyUj * c.latencyMs;
    c.dsp = 900;
    c.bram18 = 500;
    c.designJson = R"({"format":"dna-design"})";
    return c;
}

std::vector<LayerMappingRecord> mappings(int layers)
{
    std::vector<LayerMappingRecord> v;
    for (int i = 0; i < layers; ++i) {
        LayerMappingRecord l;
        l.layerIndex = i;
        l.name = "layer" + std::to_string(i);
        l.type = "conv";
        l.dataflow = "ws";
        l.cycles = 1000.0 * (i + 1);
        l.energyPj = { 1, 2, 3, 4, double(i) };
        l.utilization = 0.5;
        l.bound = "compute";
        l.mappingJson = "{}";
        v.push_back(l);
    }
    return v;
}

/// The database name in a URI made by PgServer (postgresql://postgres@/NAME?host=...).
std::string databaseOf(const std::string& uri)
{
    const size_t slash = uri.rfind('/', uri.find('?'));
    return uri.substr(slash + 1, uri.find('?') - slash - 1);
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void rawSql(const QString& path, const std::vector<std::string>& statements)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    for (const auto& s : statements) {
        char* err = nullptr;
        if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            qFatal("%s: %s", s.c_str(), err);
        }
    }
    sqlite3_close(db);
}

/// The DDL of a version-1 file as the first release wrote it.
std::vector<std::string> schemaV1()
{
    return {
        "CREATE TABLE runs(id INTEGER PRIMARY KEY, request TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT "
        "NULL,"
        " finished_at TEXT, seed INTEGER, app_version TEXT, objective TEXT NOT NULL DEFAULT 'fps', error TEXT)",
        "CREATE TABLE candidates(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE "
        "CASCADE, epoch INTEGER, genotype TEXT NOT NULL, accuracy REAL, accuracy_kind TEXT, fps REAL, latency_ms "
        "REAL,"
        " energy_uj REAL, edp REAL, dsp REAL, bram18 INTEGER, area_mm2 REAL, valid INTEGER NOT NULL DEFAULT 1,"
        " on_front INTEGER NOT NULL DEFAULT 0, design TEXT)",
        "CREATE INDEX candidates_run ON candidates(run_id)",
        "CREATE TABLE layer_mappings(candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
        " layer_index INTEGER NOT NULL, name TEXT, type TEXT, shape TEXT, engine INTEGER, dataflow TEXT, mapping "
        "TEXT,"
        " cycles REAL, energy_mac REAL, energy_rf REAL, energy_noc REAL, energy_gb REAL, energy_dram REAL,"
        " utilization REAL, bound TEXT, PRIMARY KEY(candidate_id, layer_index))",
        "CREATE TABLE epochs(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,"
        " train_loss REAL, val_accuracy REAL, temperature REAL, lambda REAL, seconds REAL, metrics TEXT,"
        " PRIMARY KEY(run_id, epoch))",
        "CREATE TABLE checkpoints(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT "
        "NULL, path TEXT NOT NULL, PRIMARY KEY(run_id, epoch))"
    };
}

/// Child mode: a writer that commits batches of 10 candidates and reports each commit on stdout, forever or (with
/// DNA_STORE_CHILD_BATCHES) that many batches, then marks its run complete.
int runChildWriter(const char* path)
{
    const char* limit = std::getenv("DNA_STORE_CHILD_BATCHES");
    const int batches = limit ? std::atoi(limit) : 0;
    auto store = RunStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().detail.c_str());
        return 3;
    }
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = (*store)->createRun(run);
    for (int batch = 1; batches == 0 || batch <= batches; ++batch) {
        std::vector<CandidateRecord> cs;
        std::vector<std::vector<LayerMappingRecord>> ms;
        for (int i = 0; i < 10; ++i) {
            cs.push_back(candidate(0.5 + i * 0.01, 100 + batch));
            ms.push_back(mappings(4));
        }
        (*store)->addCandidates(id, cs, ms);
        std::printf("committed %d\n", batch * 10);
        std::fflush(stdout);
        if (batches == 0) {
            usleep(20000);
        }
    }
    (*store)->setRunState(id, RunState::Complete);
    return 0;
}

} // namespace

class TestRunStore : public QObject {
    Q_OBJECT
public:
    /// A new empty store of the row's backend: a file in this test's folder, or a new database on the server.
    std::string newStore(const char* name)
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql")) {
            const std::string uri = m_pg->createDatabase();
            if (uri.empty()) {
                qFatal("cannot create a database: %s", m_pg->error().c_str());
            }
            return uri;
        }
        return m_dir.filePath(QString::number(++m_files) + QLatin1String(name)).toStdString();
    }
    /// The rows of a test that runs on both backends.
    static void bothBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<dna::testing::PgServer>();
        QVERIFY2(m_pg->ok(), m_pg->error().c_str());
    }
    void roundTrip_data() { bothBackends(); }
    void roundTrip();
    void frontIsParetoOptimal_data() { bothBackends(); }
    void frontIsParetoOptimal();
    void migratesVersion1();
    void refusesNewerSchema_data() { bothBackends(); }
    void refusesNewerSchema();
    void refusesForeignAndCorruptFiles();
    void oneWriterAtATime();
    void theLockFollowsTheFileNotItsName();
    void closingAReaderKeepsTheWritersSqliteLocks();
    void badPathsAreRefusedBeforeAnyFile();
    void damagedFileIsNeverWritten();
    void readOnlyMediaCanBeRead();
    void readersSeeWholeBatches_data() { bothBackends(); }
    void readersSeeWholeBatches();
    void killedWriterLeavesInterruptedRun_data() { bothBackends(); }
    void killedWriterLeavesInterruptedRun();
    void deleteRemovesEverything_data() { bothBackends(); }
    void deleteRemovesEverything();
    void trashHidesAndRestoreBringsBack_data() { bothBackends(); }
    void trashHidesAndRestoreBringsBack();
    void purgeRemovesTrashedRuns_data() { bothBackends(); }
    void purgeRemovesTrashedRuns();
    void migratesVersion2();
    void migratesVersion3();
    void migratesVersion4();
    void reestimatesMoveTheFront_data() { bothBackends(); }
    void reestimatesMoveTheFront();
    // PostgreSQL only.
    void serverWritersWriteAtOnce();
    void serverLostConnectionFailsTheCall();
    void serverRefusesPasswordsAndForeignDatabases();
    void serverHeartbeatKeepsALiveRunRunning();

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<dna::testing::PgServer> m_pg;
};

void TestRunStore::roundTrip()
{
    const std::string path = newStore("runs.sqlite");
    int64_t runId = 0;
    std::vector<int64_t> ids;
    {
        auto store = RunStore::open(path);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
        QCOMPARE((*store)->schemaVersion(), RunStore::kSchemaVersion);
        RunInfo run;
        run.name = "first";
        run.requestJson = R"({"preset":"quick"})";
        run.seed = 7;
        run.appVersion = "0.1.0";
        run.objective = "fps";
        runId = (*store)->createRun(run);
        CandidateRecord retrained = candidate(0.8, 200);
        retrained.accuracyKind = "retrained";
        retrained.weightsPath = "/data/run-1-final0.weights.pt";
        ids = (*store)->addCandidates(runId, { candidate(0.9, 100), retrained }, { mappings(3), mappings(5) });
        (*store)->addEpoch(runId, { 1, 0.5, 0.88, 4.78, 0.01, 61.5, R"({"alpha":[]})" });
        (*store)->addCheckpoint(runId, 1, "/tmp/ckpt-1.pt");
        (*store)->setRunState(runId, RunState::Complete);
    }
    auto reader = RunStore::open(path, RunStore::Mode::ReadOnly);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().detail.c_str());
    const auto runs = (*reader)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].name, std::string("first"));
    QCOMPARE(runs[0].seed, int64_t(7));
    QCOMPARE(runs[0].state, RunState::Complete);
    QCOMPARE(runs[0].candidates, int64_t(2));
    QVERIFY(!runs[0].finishedAt.empty());
    const auto cs = (*reader)->candidates(runId, false, true);
    QCOMPARE(int(cs.size()), 2);
    QCOMPARE(cs[1].fps, 200.0);
    QCOMPARE(cs[1].accuracyKind, std::string("retrained"));
    QCOMPARE(cs[1].designJson, std::string(R"({"format":"dna-design"})"));
    // The weights path comes back from both queries; a candidate without weights reads as empty.
    QCOMPARE(cs[1].weightsPath, std::string("/data/run-1-final0.weights.pt"));
    QCOMPARE(cs[0].weightsPath, std::string());
    QCOMPARE((*reader)->candidate(ids[1])->weightsPath, std::string("/data/run-1-final0.weights.pt"));
    QCOMPARE(
        (*reader)->candidates(runId, false, false).at(1).weightsPath, std::string("/data/run-1-final0.weights.pt"));
    const auto ls = (*reader)->layerMappings(ids[1]);
    QCOMPARE(int(ls.size()), 5);
    QCOMPARE(ls[4].cycles, 5000.0);
    QCOMPARE(ls[4].energyPj[4], 4.0);
    const auto es = (*reader)->epochs(runId);
    QCOMPARE(int(es.size()), 1);
    QCOMPARE(es[0].seconds, 61.5);
    QCOMPARE((*reader)->checkpoints(runId).at(0).second, std::string("/tmp/ckpt-1.pt"));
}

void TestRunStore::frontIsParetoOptimal()
{
    // (accuracy, FPS): (0.90, 100) and (0.85, 150) and (0.80, 200) trade off; (0.70, 150) is dominated by
    // (0.85, 150), (0.90, 90) by (0.90, 100), (0.60, 210) is the fastest and so on the front.
    auto store = RunStore::open(newStore("f.sqlite"));
    QVERIFY(store.ok());
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = (*store)->createRun(run);
    const auto ids = (*store)->addCandidates(id,
        { candidate(0.90, 100), candidate(0.85, 150), candidate(0.80, 200), candidate(0.70, 150), candidate(0.90, 90),
            candidate(0.60, 210) },
        {});
    (*store)->updateFront(id);
    std::vector<int64_t> front;
    for (const auto& c : (*store)->candidates(id, true)) {
        front.push_back(c.id);
    }
    QCOMPARE(front, (std::vector<int64_t> { ids[0], ids[1], ids[2], ids[5] }));
    // Against energy (lower is better): energy = 10 / accuracy, so only the most accurate ones survive.
    const auto idx = paretoFront({ { 0.9, 11.1 }, { 0.8, 12.5 }, { 0.85, 11.0 } }, false);
    QCOMPARE(idx, (std::vector<size_t> { 0, 2 }));
    // Across two runs.
    RunInfo run2;
    run2.requestJson = "{}";
    const int64_t id2 = (*store)->createRun(run2);
    const auto ids2 = (*store)->addCandidates(id2, { candidate(0.95, 95), candidate(0.5, 500) }, {});
    std::vector<int64_t> across;
    for (const auto& c : (*store)->frontAcross({ id, id2 })) {
        across.push_back(c.id);
    }
    std::sort(across.begin(), across.end());
    QCOMPARE(across, (std::vector<int64_t> { ids[0], ids[1], ids[2], ids[5], ids2[0], ids2[1] }));
}

void TestRunStore::migratesVersion1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    // A version-1 file as the first release wrote it, with a run that was still running.
    std::vector<std::string> sql = schemaV1();
    sql.insert(sql.end(),
        { "INSERT INTO runs VALUES(1, '{}', 'running', '2026-01-01T00:00:00Z', NULL, 3, '0.0.9', 'edp', '')",
            "INSERT INTO candidates(run_id, epoch, genotype, accuracy, fps, edp) VALUES(1, 2, 'fmnist:x', 0.8, 50, 9)",
            "PRAGMA user_version = 1" });
    rawSql(path, sql);
    auto readOnly = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QCOMPARE(QString::fromLatin1(readOnly.error().name()), QStringLiteral("old_schema"));
    auto store = RunStore::open(path.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    QCOMPARE((*store)->schemaVersion(), RunStore::kSchemaVersion);
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].name, std::string());
    QCOMPARE(runs[0].objective, std::string("edp"));
    QCOMPARE(runs[0].state, RunState::Interrupted); // it was running when its process ended
    QCOMPARE((*store)->recoveredRuns(), std::vector<int64_t> { 1 });
    QCOMPARE((*store)->candidates(1).at(0).edp, 9.0);
    (*store)->renameRun(1, "old run");
    QCOMPARE((*store)->run(1)->name, std::string("old run"));
}

void TestRunStore::refusesNewerSchema()
{
    const std::string location = newStore("new.sqlite");
    if (RunStore::isServerLocation(location)) {
        // A store a newer build migrated: version 99 in dna_schema. Nothing may change it, readers and writers alike.
        QVERIFY(RunStore::open(location).ok());
        const std::string db = databaseOf(location);
        QVERIFY(m_pg->exec("UPDATE dna_schema SET version = 99", db));
        for (auto mode : { RunStore::Mode::ReadWrite, RunStore::Mode::ReadOnly }) {
            auto store = RunStore::open(location, mode);
            QVERIFY(!store.ok());
            QCOMPARE(QString::fromLatin1(store.error().name()), QStringLiteral("newer_schema"));
            QVERIFY(QString::fromStdString(store.error().detail).contains(QStringLiteral("99")));
        }
        QCOMPARE(m_pg->value("SELECT version FROM dna_schema", db), std::string("99"));
        return;
    }
    const QString path = QString::fromStdString(location);
    rawSql(path, { "CREATE TABLE runs(id INTEGER PRIMARY KEY)", "PRAGMA user_version = 99" });
    const QByteArray before = digest(path);
    auto store = RunStore::open(path.toStdString());
    QVERIFY(!store.ok());
    QCOMPARE(QString::fromLatin1(store.error().name()), QStringLiteral("newer_schema"));
    QVERIFY(QString::fromStdString(store.error().detail).contains(QStringLiteral("99")));
    QCOMPARE(digest(path), before);
}

void TestRunStore::refusesForeignAndCorruptFiles()
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    const QByteArray before = digest(garbage);
    auto store = RunStore::open(garbage.toStdString());
    QVERIFY(!store.ok());
    QCOMPARE(QString::fromLatin1(store.error().name()), QStringLiteral("not_a_store"));
    QVERIFY(QString::fromStdString(store.error().detail).contains(garbage));
    QCOMPARE(digest(garbage), before);

    const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
    rawSql(foreign, { "CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)", "INSERT INTO photos VALUES(1, 'a')" });
    const QByteArray foreignBefore = digest(foreign);
    auto other = RunStore::open(foreign.toStdString());
    QCOMPARE(QString::fromLatin1(other.error().name()), QStringLiteral("not_a_store"));
    QCOMPARE(digest(foreign), foreignBefore);

    auto missing = RunStore::open(dir.filePath(QStringLiteral("none.sqlite")).toStdString(), RunStore::Mode::ReadOnly);
    QCOMPARE(QString::fromLatin1(missing.error().name()), QStringLiteral("cannot_open"));
}

void TestRunStore::oneWriterAtATime()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("w.sqlite")).toStdString();
    auto first = RunStore::open(path);
    QVERIFY(first.ok());
    auto second = RunStore::open(path);
    QVERIFY(!second.ok());
    QCOMPARE(QString::fromLatin1(second.error().name()), QStringLiteral("store_locked"));
    auto reader = RunStore::open(path, RunStore::Mode::ReadOnly);
    QVERIFY(reader.ok());
    first = dna::Error {}; // closing the writer releases the lock
    QVERIFY(RunStore::open(path).ok());
}

void TestRunStore::theLockFollowsTheFileNotItsName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    auto first = RunStore::open(path.toStdString());
    QVERIFY(first.ok());
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = (*first)->createRun(run);
    const QString symlink = dir.filePath(QStringLiteral("alias.sqlite"));
    QVERIFY(QFile::link(path, symlink));
    const QString hardlink = dir.filePath(QStringLiteral("hard.sqlite"));
    QCOMPARE(::link(path.toLocal8Bit().constData(), hardlink.toLocal8Bit().constData()), 0);
    for (const QString& other : { symlink, hardlink }) {
        auto second = RunStore::open(other.toStdString());
        QVERIFY2(!second.ok(), qPrintable(other));
        QCOMPARE(QString::fromLatin1(second.error().name()), QStringLiteral("store_locked"));
        if (other == hardlink) {
            continue; // SQLite keeps a WAL file per name: only the writer's lock is defined through a hard link
        }
        // A reader through the other name sees the live writer's run as running.
        auto reader = RunStore::open(other.toStdString(), RunStore::Mode::ReadOnly);
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().detail.c_str());
        QVERIFY((*reader)->writerAlive());
        QCOMPARE((*reader)->run(id)->state, RunState::Running);
    }
    QCOMPARE((*first)->run(id)->state, RunState::Running); // nobody marked it interrupted
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock"))); // no lock file beside the store
    first = dna::Error {};
    auto reader = RunStore::open(symlink.toStdString(), RunStore::Mode::ReadOnly);
    QVERIFY(!(*reader)->writerAlive());
    QCOMPARE((*reader)->run(id)->state, RunState::Interrupted); // its writer is gone
}

void TestRunStore::closingAReaderKeepsTheWritersSqliteLocks()
{
    // A WAL connection holds a POSIX read lock on the file's shared-lock bytes for as long as it is open, and
    // closing any descriptor of a file drops every POSIX lock the process holds on it. A reader of the store in
    // the same process (the explorer beside its own writer) must not take the writer's lock away when it closes.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("l.sqlite"));
    auto writer = RunStore::open(path.toStdString());
    QVERIFY(writer.ok());
    RunInfo run;
    run.requestJson = "{}";
    (*writer)->createRun(run);
    QCOMPARE(int((*writer)->runs().size()), 1);
    struct stat st { };
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
    const QString inode = QStringLiteral(":%1 ").arg(quint64(st.st_ino));
    auto posixLocks = [&] {
        QFile locks(QStringLiteral("/proc/locks"));
        int n = 0;
        if (locks.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : locks.readAll().split('\n')) {
                const QString l = QString::fromLatin1(line);
                n += l.contains(QStringLiteral("POSIX")) && l.contains(QStringLiteral(" %1 ").arg(::getpid()))
                    && l.contains(inode);
            }
        }
        return n;
    };
    const int before = posixLocks();
    QVERIFY2(before > 0, "the writer's connection holds its shared lock");
    {
        auto reader = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
        QVERIFY(reader.ok());
        QCOMPARE(int((*reader)->runs().size()), 1);
    }
    QCOMPARE(posixLocks(), before);
}

void TestRunStore::badPathsAreRefusedBeforeAnyFile()
{
    QTemporaryDir dir;
    auto empty = RunStore::open("");
    QCOMPARE(QString::fromLatin1(empty.error().name()), QStringLiteral("bad_path"));
    auto folder = RunStore::open(dir.path().toStdString());
    QCOMPARE(QString::fromLatin1(folder.error().name()), QStringLiteral("bad_path"));
    QVERIFY(QString::fromStdString(folder.error().detail).contains(QStringLiteral("is a folder")));
    auto device = RunStore::open("/dev/null", RunStore::Mode::ReadOnly);
    QCOMPARE(QString::fromLatin1(device.error().name()), QStringLiteral("bad_path"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
}

void TestRunStore::damagedFileIsNeverWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.sqlite"));
    {
        auto w = RunStore::open(path.toStdString());
        RunInfo run;
        run.requestJson = "{}";
        const int64_t id = (*w)->createRun(run);
        for (int b = 0; b < 20; ++b) {
            std::vector<CandidateRecord> cs(20, candidate(0.8, 100));
            std::vector<std::vector<LayerMappingRecord>> ms(20, mappings(6));
            (*w)->addCandidates(id, cs, ms);
        }
    } // closing checkpoints the WAL into the file
    const qint64 size = QFileInfo(path).size();
    QVERIFY2(size > 64 * 4096, qPrintable(QString::number(size)));
    {
        // 4 KiB of garbage over one page in the middle, as a failing disk or a stray write leaves it.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek((size / 2) / 4096 * 4096));
        QByteArray garbage(4096, '\0');
        for (int i = 0; i < garbage.size(); ++i) {
            garbage[i] = char((i * 131 + 17) & 0xff);
        }
        QCOMPARE(f.write(garbage), qint64(garbage.size()));
    }
    const QByteArray before = digest(path);
    auto writer = RunStore::open(path.toStdString());
    QVERIFY(!writer.ok());
    QCOMPARE(QString::fromLatin1(writer.error().name()), QStringLiteral("damaged_store"));
    QVERIFY(QString::fromStdString(writer.error().detail).contains(path));
    QCOMPARE(digest(path), before);
    // Readers open it to save what is readable, and are told.
    auto reader = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().detail.c_str());
    QVERIFY(!(*reader)->damage().empty());
    QVERIFY(!(*reader)->integrityCheck().empty());
    QCOMPARE(digest(path), before);
}

void TestRunStore::readOnlyMediaCanBeRead()
{
    dna::testing::SmallDisk dir(4096);
    if (!dir.ok()) {
        QSKIP("mounting a tmpfs needs root");
    }
    const QString path = dir.filePath(QStringLiteral("ro.sqlite"));
    {
        auto w = RunStore::open(path.toStdString());
        RunInfo run;
        run.requestJson = "{}";
        run.state = RunState::Complete;
        const int64_t id = (*w)->createRun(run);
        (*w)->addCandidates(id, { candidate(0.8, 100), candidate(0.9, 50) }, { mappings(2), mappings(2) });
    }
    QVERIFY(dir.makeReadOnly());
    auto reader = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().detail.c_str());
    QCOMPARE(int((*reader)->runs().size()), 1);
    QCOMPARE(int((*reader)->candidates((*reader)->runs()[0].id).size()), 2);
}

void TestRunStore::readersSeeWholeBatches()
{
    const std::string path = newStore("c.sqlite");
    int64_t runId = 0;
    {
        auto w = RunStore::open(path);
        RunInfo run;
        run.requestJson = "{}";
        runId = (*w)->createRun(run);
    }
    std::atomic<bool> done { false };
    std::thread writer([&] {
        auto w = RunStore::open(path);
        for (int b = 0; b < 40; ++b) {
            std::vector<CandidateRecord> cs(25, candidate(0.8, 100));
            (*w)->addCandidates(runId, cs, std::vector<std::vector<LayerMappingRecord>>(25, mappings(2)));
        }
        done = true;
    });
    auto reader = RunStore::open(path, RunStore::Mode::ReadOnly);
    QVERIFY(reader.ok());
    int reads = 0;
    while (!done) {
        const auto n = (*reader)->candidates(runId).size();
        QVERIFY2(n % 25 == 0, qPrintable(QString::number(n)));
        ++reads;
    }
    writer.join();
    QCOMPARE(int((*reader)->candidates(runId).size()), 1000);
    QVERIFY(reads > 0);
}

void TestRunStore::killedWriterLeavesInterruptedRun()
{
    const QString path = QString::fromStdString(newStore("k.sqlite"));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DNA_STORE_CHILD"), path);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    int committed = 0;
    while (committed < 50 && child.waitForReadyRead(10000)) {
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            if (line.startsWith("committed ")) {
                committed = line.mid(10).toInt();
            }
        }
    }
    QVERIFY2(committed >= 50, child.readAllStandardError().constData());
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    if (RunStore::isServerLocation(path.toStdString())) {
        // A server store cannot know at once: the run reads `running` until its heartbeat is stale, then
        // interrupted, to readers first and then in the store itself (a live writer's heartbeat marks it).
        auto reader = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
        QVERIFY(reader.ok());
        QCOMPARE((*reader)->runs().at(0).state, RunState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(
            (*reader)->runs().at(0).state, RunState::Interrupted, (RunStore::kStaleSeconds + 10) * 1000);
        QVERIFY(QString::fromStdString((*reader)->runs().at(0).error).contains(QStringLiteral("no heartbeat")));
    }
    auto store = RunStore::open(path.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    QCOMPARE(int((*store)->recoveredRuns().size()), 1);
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].state, RunState::Interrupted);
    QVERIFY(runs[0].candidates >= committed); // everything the child reported committed is there
    QCOMPARE(runs[0].candidates % 10, int64_t(0)); // and only whole batches
    for (const auto& c : (*store)->candidates(runs[0].id)) {
        QCOMPARE(int((*store)->layerMappings(c.id).size()), 4);
    }
}

void TestRunStore::deleteRemovesEverything()
{
    auto store = RunStore::open(newStore("d.sqlite"));
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = (*store)->createRun(run);
    const auto ids = (*store)->addCandidates(id, { candidate(0.8, 100) }, { mappings(3) });
    (*store)->addEpoch(id, { 1, 0, 0, 0, 0, 0, "" });
    (*store)->deleteRun(id);
    QVERIFY((*store)->runs().empty());
    QVERIFY(!(*store)->candidate(ids[0]));
    QVERIFY((*store)->layerMappings(ids[0]).empty());
    QVERIFY((*store)->epochs(id).empty());
}

void TestRunStore::trashHidesAndRestoreBringsBack()
{
    const std::string location = newStore("t.sqlite");
    auto store = RunStore::open(location);
    QVERIFY(store.ok());
    RunInfo run;
    run.requestJson = "{}";
    run.name = "keep";
    const int64_t keep = (*store)->createRun(run);
    run.name = "trash me";
    const int64_t id = (*store)->createRun(run);
    // Most accurate (0.99) and fastest (900 FPS) of all: both are on the joint front while the run is visible.
    const auto ids = (*store)->addCandidates(id, { candidate(0.99, 50), candidate(0.4, 900), candidate(0.3, 10) },
        { mappings(3), mappings(2), mappings(1) });
    (*store)->addCandidates(keep, { candidate(0.8, 100) }, { mappings(1) });
    (*store)->addEpoch(id, { 1, 0.5, 0.7, 1, 0, 2, "" });
    QCOMPARE(int((*store)->frontAcross({ keep, id }).size()), 3);

    (*store)->trashRun(id);
    const auto visible = (*store)->runs();
    QCOMPARE(int(visible.size()), 1);
    QCOMPARE(visible[0].id, keep);
    QCOMPARE(int((*store)->runs(true).size()), 2);
    QVERIFY((*store)->run(id)->trashed);
    QVERIFY(!(*store)->run(keep)->trashed);
    // Only the kept run's single candidate is left on the joint front.
    const auto front = (*store)->frontAcross({ keep, id });
    QCOMPARE(int(front.size()), 1);
    QCOMPARE(front[0].runId, keep);
    QCOMPARE(int((*store)->frontAcross({ keep, id }, true).size()), 3);
    // A reader (a second process) sees the same.
    auto reader = RunStore::open(location, RunStore::Mode::ReadOnly);
    QVERIFY(reader.ok());
    QCOMPARE(int((*reader)->runs().size()), 1);

    (*store)->restoreRun(id);
    const auto back = (*store)->runs();
    QCOMPARE(int(back.size()), 2);
    QCOMPARE(back[1].id, id);
    QCOMPARE(back[1].name, std::string("trash me"));
    QCOMPARE(back[1].candidates, int64_t(3));
    QVERIFY(!back[1].trashed);
    std::vector<int64_t> after;
    for (const auto& c : (*store)->candidates(id)) {
        after.push_back(c.id);
    }
    QCOMPARE(after, ids);
    QCOMPARE(int((*store)->layerMappings(ids[0]).size()), 3);
    QCOMPARE(int((*store)->layerMappings(ids[2]).size()), 1);
    QCOMPARE(int((*store)->epochs(id).size()), 1);
}

void TestRunStore::purgeRemovesTrashedRuns()
{
    auto store = RunStore::open(newStore("p.sqlite"));
    QVERIFY(store.ok());
    RunInfo run;
    run.requestJson = "{}";
    const int64_t keep = (*store)->createRun(run);
    const int64_t gone = (*store)->createRun(run);
    const auto keptIds = (*store)->addCandidates(keep, { candidate(0.8, 100) }, { mappings(2) });
    const auto goneIds = (*store)->addCandidates(gone, { candidate(0.7, 100) }, { mappings(2) });
    (*store)->addEpoch(gone, { 1, 0, 0, 0, 0, 0, "" });
    QCOMPARE((*store)->purgeTrash(), 0); // nothing trashed yet
    (*store)->trashRun(gone);
    QCOMPARE((*store)->purgeTrash(), 1);
    QCOMPARE(int((*store)->runs(true).size()), 1);
    QVERIFY(!(*store)->run(gone));
    QVERIFY(!(*store)->candidate(goneIds[0]));
    QVERIFY((*store)->layerMappings(goneIds[0]).empty());
    QVERIFY((*store)->epochs(gone).empty());
    QVERIFY((*store)->candidate(keptIds[0]));
    QCOMPARE(int((*store)->layerMappings(keptIds[0]).size()), 2);
}

void TestRunStore::migratesVersion2()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
    // A version-2 file: version 1 plus run names and the front index, with a complete run and a mapping.
    std::vector<std::string> sql = schemaV1();
    sql.insert(sql.end(),
        { "ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX candidates_front ON candidates(run_id, on_front)",
            "INSERT INTO runs(id, request, state, created_at, finished_at, seed, app_version, objective, error, name)"
            " VALUES(4, '{\"platform\":\"zc706\"}', 'complete', '2026-02-01T10:00:00Z', '2026-02-01T11:00:00Z', 5,"
            " '0.1.0', 'energy', '', 'named run')",
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, fps, energy_uj, on_front, design)"
            " VALUES(17, 4, 3, 'fmnist:y', 0.91, 120, 33, 1, '{}')",
            "INSERT INTO layer_mappings(candidate_id, layer_index, name, cycles) VALUES(17, 0, 'stem', 4321)",
            "PRAGMA user_version = 2" });
    rawSql(path, sql);
    auto readOnly = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QCOMPARE(QString::fromLatin1(readOnly.error().name()), QStringLiteral("old_schema"));
    auto store = RunStore::open(path.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    QCOMPARE((*store)->schemaVersion(), RunStore::kSchemaVersion);
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 1);
    QCOMPARE(runs[0].id, int64_t(4));
    QCOMPARE(runs[0].name, std::string("named run"));
    QCOMPARE(runs[0].state, RunState::Complete);
    QCOMPARE(runs[0].objective, std::string("energy"));
    QCOMPARE(runs[0].requestJson, std::string(R"({"platform":"zc706"})"));
    QCOMPARE(runs[0].candidates, int64_t(1));
    QVERIFY(!runs[0].trashed);
    QVERIFY((*store)->recoveredRuns().empty());
    const auto c = (*store)->candidate(17);
    QVERIFY(c);
    QCOMPARE(c->accuracy, 0.91);
    QCOMPARE(c->energyUj, 33.0);
    QVERIFY(c->onFront);
    QCOMPARE((*store)->layerMappings(17).at(0).cycles, 4321.0);
    (*store)->trashRun(4);
    QVERIFY((*store)->runs().empty());
}

void TestRunStore::migratesVersion3()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    // A version-3 file: version 2 plus the trash flag, with a trashed run and a live one, candidates and a mapping.
    std::vector<std::string> sql = schemaV1();
    sql.insert(sql.end(),
        { "ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX candidates_front ON candidates(run_id, on_front)",
            "ALTER TABLE runs ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0",
            "INSERT INTO runs(id, request, state, created_at, finished_at, seed, app_version, objective, error, name,"
            " trashed) VALUES(2, '{\"preset\":\"paper\"}', 'complete', '2026-03-01T10:00:00Z',"
            " '2026-03-01T12:00:00Z', 9, '0.2.0', 'latency', '', 'paper run', 0)",
            "INSERT INTO runs(id, request, state, created_at, seed, objective, error, name, trashed)"
            " VALUES(3, '{}', 'cancelled', '2026-03-02T10:00:00Z', 1, 'fps', '', 'binned', 1)",
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, accuracy_kind, fps, latency_ms, on_front,"
            " design) VALUES(40, 2, 12, 'fmnist:z', 0.87, 'retrained', 250, 4, 1, '{\"format\":\"dna-design\"}')",
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, fps) VALUES(41, 3, 1, 'fmnist:w', 0.5, 9)",
            "INSERT INTO layer_mappings(candidate_id, layer_index, name, cycles) VALUES(40, 0, 'stem', 777)",
            "INSERT INTO epochs(run_id, epoch, train_loss) VALUES(2, 0, 1.25)",
            "INSERT INTO checkpoints(run_id, epoch, path) VALUES(2, 0, '/data/run-2.supernet.pt')",
            "PRAGMA user_version = 3" });
    rawSql(path, sql);
    auto readOnly = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QCOMPARE(QString::fromLatin1(readOnly.error().name()), QStringLiteral("old_schema"));
    auto store = RunStore::open(path.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    QCOMPARE((*store)->schemaVersion(), RunStore::kSchemaVersion);
    const auto runs = (*store)->runs(true);
    QCOMPARE(int(runs.size()), 2);
    QCOMPARE(runs[0].name, std::string("paper run"));
    QCOMPARE(runs[0].objective, std::string("latency"));
    QCOMPARE(runs[0].requestJson, std::string(R"({"preset":"paper"})"));
    QVERIFY(!runs[0].trashed);
    QVERIFY(runs[1].trashed);
    QCOMPARE(int((*store)->runs().size()), 1);
    const auto c = (*store)->candidate(40);
    QVERIFY(c);
    QCOMPARE(c->accuracy, 0.87);
    QCOMPARE(c->accuracyKind, std::string("retrained"));
    QCOMPARE(c->latencyMs, 4.0);
    QVERIFY(c->onFront);
    QCOMPARE(c->designJson, std::string(R"({"format":"dna-design"})"));
    QCOMPARE(c->weightsPath, std::string()); // the new column's default
    QCOMPARE((*store)->candidate(41)->fps, 9.0);
    QCOMPARE((*store)->layerMappings(40).at(0).cycles, 777.0);
    QCOMPARE((*store)->epochs(2).at(0).trainLoss, 1.25);
    QCOMPARE((*store)->checkpoints(2).at(0).second, std::string("/data/run-2.supernet.pt"));
    // The migrated file takes weights paths for new candidates; a reader then opens it without complaint.
    CandidateRecord added = candidate(0.9, 300);
    added.weightsPath = "/data/run-2-final1.weights.pt";
    const int64_t addedId = (*store)->addCandidates(2, { added }, {}).at(0);
    store->reset();
    auto reader = RunStore::open(path.toStdString(), RunStore::Mode::ReadOnly);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().detail.c_str());
    QCOMPARE((*reader)->candidate(addedId)->weightsPath, std::string("/data/run-2-final1.weights.pt"));
}

void TestRunStore::migratesVersion4()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
    // A version-4 file: version 3 plus weights paths, with a supernet estimate found at epoch 2 and a retrained one.
    std::vector<std::string> sql = schemaV1();
    sql.insert(sql.end(),
        { "ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX candidates_front ON candidates(run_id, on_front)",
            "ALTER TABLE runs ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE candidates ADD COLUMN weights_path TEXT NOT NULL DEFAULT ''",
            "INSERT INTO runs(id, request, state, created_at, seed, objective, error, name)"
            " VALUES(1, '{}', 'complete', '2026-05-01T10:00:00Z', 1, 'fps', '', 'quick')",
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, accuracy_kind, fps, on_front)"
            " VALUES(7, 1, 2, 'fmnist:a', 0.61, 'supernet', 900, 1)",
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, accuracy_kind, fps, on_front, weights_path)"
            " VALUES(8, 1, 4, 'fmnist:b', 0.89, 'retrained', 400, 1, '/w/run-1-final0.weights.pt')",
            // A final network of a quick run: stored with epoch = the epoch count (4), estimated after epoch 3.
            "INSERT INTO candidates(id, run_id, epoch, genotype, accuracy, accuracy_kind, fps)"
            " VALUES(9, 1, 4, 'fmnist:c', 0.66, 'supernet', 700)",
            "INSERT INTO epochs(run_id, epoch, train_loss) VALUES(1, 3, 0.5)", "PRAGMA user_version = 4" });
    rawSql(path, sql);
    auto store = RunStore::open(path.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().detail.c_str());
    QCOMPARE((*store)->schemaVersion(), RunStore::kSchemaVersion);
    const auto estimate = (*store)->candidate(7);
    QCOMPARE(estimate->estimateEpoch, 2); // taken at the end of the epoch it was found in
    QCOMPARE(estimate->accuracy, 0.61);
    QCOMPARE((*store)->candidate(8)->estimateEpoch, -1);
    QCOMPARE((*store)->candidate(9)->estimateEpoch, 3); // the run's last epoch, not the epoch count
    QCOMPARE((*store)->candidate(8)->weightsPath, std::string("/w/run-1-final0.weights.pt"));
    const auto history = (*store)->estimates(7);
    QCOMPARE(int(history.size()), 1);
    QCOMPARE(history[0].epoch, 2);
    QCOMPARE(history[0].accuracy, 0.61);
    QCOMPARE(history[0].kind, std::string("supernet"));
    QCOMPARE((*store)->estimates(8).at(0).kind, std::string("retrained"));
}

void TestRunStore::reestimatesMoveTheFront()
{
    auto store = RunStore::open(newStore("s.sqlite")).value();
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = store->createRun(run);
    const int64_t other = store->createRun(run);
    // Epoch 0: A (50 %, 100 FPS) and B (60 %, 50 FPS) on the front, C (40 %, 80 FPS) dominated by A.
    std::vector<CandidateRecord> cs { candidate(0.5, 100, 0), candidate(0.6, 50, 0), candidate(0.4, 80, 0) };
    for (auto& c : cs) {
        c.estimateEpoch = 0;
    }
    const auto ids = store->addCandidates(id, cs, {});
    store->updateFront(id);
    auto onFront = [&] {
        std::vector<int64_t> front;
        for (const auto& c : store->candidates(id, true)) {
            front.push_back(c.id);
        }
        return front;
    };
    QCOMPARE(onFront(), (std::vector<int64_t> { ids[0], ids[1] }));
    // Epoch 1 weights: C rises to 70 %, B falls to 55 %: C now dominates B, A keeps the highest FPS.
    store->updateEstimates(
        id, { { ids[2], 1, 0.7, "supernet" }, { ids[1], 1, 0.55, "supernet" }, { ids[0], 1, 0.5, "supernet" } });
    QCOMPARE(store->candidate(ids[2])->accuracy, 0.7);
    QCOMPARE(store->candidate(ids[2])->estimateEpoch, 1);
    QCOMPARE(onFront(), (std::vector<int64_t> { ids[0], ids[2] }));
    store->updateEstimates(other, { { ids[0], 2, 0.1, "supernet" } }); // not a candidate of `other`: ignored
    QCOMPARE(store->candidate(ids[0])->accuracy, 0.5);
    QCOMPARE(store->candidate(ids[0])->estimateEpoch, 1);
    const auto history = store->estimates(ids[2]);
    QCOMPARE(int(history.size()), 2);
    QCOMPARE(history[0].accuracy, 0.4);
    QCOMPARE(history[0].epoch, 0);
    QCOMPARE(history[1].accuracy, 0.7);
    QCOMPARE(history[1].epoch, 1);
    QCOMPARE(int(store->estimates(ids[0]).size()), 2); // the ignored one left no trace
}

void TestRunStore::serverWritersWriteAtOnce()
{
    // Two processes write 30 batches of 10 candidates each into one database at the same time; each gets its own
    // run, nothing is lost, no id is shared, and both runs end complete.
    const std::string uri = m_pg->createDatabase();
    QVERIFY(RunStore::open(uri).ok()); // creates the schema once, so the children race on writes only
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < 2; ++i) {
        auto child = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNA_STORE_CHILD"), QString::fromStdString(uri));
        env.insert(QStringLiteral("DNA_STORE_CHILD_BATCHES"), QStringLiteral("30"));
        child->setProcessEnvironment(env);
        child->start(QCoreApplication::applicationFilePath(), {});
        children.push_back(std::move(child));
    }
    for (auto& child : children) {
        QVERIFY(child->waitForFinished(60000));
        QVERIFY2(child->exitCode() == 0, child->readAllStandardError().constData());
    }
    auto store = RunStore::open(uri, RunStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    const auto runs = (*store)->runs();
    QCOMPARE(int(runs.size()), 2);
    std::set<int64_t> ids;
    for (const auto& r : runs) {
        QCOMPARE(r.state, RunState::Complete);
        QCOMPARE(r.candidates, int64_t(300));
        QVERIFY(!r.writerHost.empty());
        QVERIFY(!r.writtenHere); // written by the children, not by this store object
        for (const auto& c : (*store)->candidates(r.id)) {
            ids.insert(c.id);
        }
    }
    QCOMPARE(int(ids.size()), 600);
    QCOMPARE(m_pg->value("SELECT count(*) FROM layer_mappings", databaseOf(uri)), std::string("2400"));
}

void TestRunStore::serverLostConnectionFailsTheCall()
{
    // The server ends the writer's sessions between two batches (as a restart or a network cut would): the next
    // batch fails with a message naming the store, and nothing of it is in the store.
    const std::string uri = m_pg->createDatabase();
    auto store = RunStore::open(uri).value();
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = store->createRun(run);
    store->addCandidates(id, { candidate(0.8, 100), candidate(0.7, 200) }, { mappings(3), mappings(3) });
    QVERIFY(m_pg->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseOf(uri)
        + "' AND pid <> pg_backend_pid()"));
    QString message;
    try {
        store->addCandidates(id, { candidate(0.9, 300) }, { mappings(3) });
    } catch (const std::exception& e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(message.contains(QStringLiteral("lost the connection to store")), qPrintable(message));
    QVERIFY(message.contains(QString::fromStdString(store->path())));
    auto reader = RunStore::open(uri, RunStore::Mode::ReadOnly).value();
    QCOMPARE(int(reader->candidates(id).size()), 2);
    QCOMPARE(m_pg->value("SELECT count(*) FROM layer_mappings", databaseOf(uri)), std::string("6"));
    // The writer lives on but can record nothing more: its run becomes failed with the reason (its heartbeat
    // thread, on a connection of its own, says so), rather than `running` for as long as the process lives.
    QTRY_COMPARE_WITH_TIMEOUT(reader->run(id)->state, RunState::Failed, 4 * RunStore::kHeartbeatSeconds * 1000);
    QVERIFY(QString::fromStdString(reader->run(id)->error).contains(QStringLiteral("lost its connection")));
}

void TestRunStore::serverRefusesPasswordsAndForeignDatabases()
{
    // A password in the URI is refused before connecting, and never echoed.
    auto withPassword = RunStore::open("postgresql://alice:s3cret@db.example.org/runs");
    QVERIFY(!withPassword.ok());
    QCOMPARE(QString::fromLatin1(withPassword.error().name()), QStringLiteral("bad_path"));
    QVERIFY(!QString::fromStdString(withPassword.error().detail).contains(QStringLiteral("s3cret")));
    QVERIFY(QString::fromStdString(withPassword.error().detail).contains(QStringLiteral("PGPASSWORD")));
    auto inQuery = RunStore::open("postgres:///runs?host=/tmp&password=s3cret");
    QVERIFY(!inQuery.ok());
    QCOMPARE(QString::fromLatin1(inQuery.error().name()), QStringLiteral("bad_path"));
    // A database with other tables in it is left alone.
    const std::string uri = m_pg->createDatabase();
    QVERIFY(m_pg->exec("CREATE TABLE invoices(id INTEGER)", databaseOf(uri)));
    auto foreign = RunStore::open(uri);
    QVERIFY(!foreign.ok());
    QCOMPARE(QString::fromLatin1(foreign.error().name()), QStringLiteral("not_a_store"));
    QCOMPARE(m_pg->value("SELECT to_regclass('runs') IS NULL", databaseOf(uri)), std::string("t"));
    // A database that does not exist: the server's reason and the store's name.
    auto missing = RunStore::open(m_pg->uri("nosuchdb"));
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromLatin1(missing.error().name()), QStringLiteral("cannot_open"));
    QVERIFY2(QString::fromStdString(missing.error().detail).contains(QStringLiteral("nosuchdb")),
        missing.error().detail.c_str());
    // An empty database has nothing to read yet.
    auto empty = RunStore::open(m_pg->createDatabase(), RunStore::Mode::ReadOnly);
    QVERIFY(!empty.ok());
    QCOMPARE(QString::fromLatin1(empty.error().name()), QStringLiteral("cannot_open"));
}

void TestRunStore::serverHeartbeatKeepsALiveRunRunning()
{
    // A writer that is alive but idle for longer than the stale age keeps its run `running`: its heartbeat thread
    // refreshes it. A second writer opening meanwhile recovers nothing.
    const std::string uri = m_pg->createDatabase();
    auto store = RunStore::open(uri).value();
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = store->createRun(run);
    QVERIFY(store->run(id)->writtenHere);
    const std::string db = databaseOf(uri);
    const std::string first = m_pg->value("SELECT heartbeat_at FROM runs", db);
    // Wait until the heartbeat has moved past the stale age from the run's start.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pg->value("SELECT heartbeat_at > now() - interval '" + std::to_string(RunStore::kStaleSeconds)
                + " seconds' AND (SELECT created_at FROM runs) < to_char(now() at time zone 'utc' - interval '"
                + std::to_string(RunStore::kStaleSeconds + 1)
                + " seconds', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM runs",
            db)
            == "t",
        (RunStore::kStaleSeconds + 10) * 1000);
    QVERIFY(m_pg->value("SELECT heartbeat_at FROM runs", db) != first);
    auto other = RunStore::open(uri).value();
    QVERIFY(other->recoveredRuns().empty());
    QCOMPARE(other->run(id)->state, RunState::Running);
    QVERIFY(!other->run(id)->writtenHere);
    store->setRunState(id, RunState::Complete);
    QCOMPARE(other->run(id)->state, RunState::Complete);
}

int main(int argc, char** argv)
{
    if (const char* path = std::getenv("DNA_STORE_CHILD")) {
        return runChildWriter(path);
    }
    QCoreApplication app(argc, argv);
    TestRunStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_run_store.moc"
