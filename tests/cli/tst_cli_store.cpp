// dna-cli runs / front / export on a real store: run listing, the front, and exports a user can check
// (Timeloop YAML whose factors multiply to the problem, CSV rows, a design file that evaluate reproduces).
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "io/json_io.h"
#include "store/run_store.h"

#include "../support/pg_server.h"
#include "../support/small_disk.h"
#include "cli_runner.h"
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace dna;

namespace {

/// Files in `dir` whose names were never asked for: temporaries an output writer left behind.
QStringList strayFiles(const QString& dir, const QStringList& expected)
{
    QStringList stray;
    for (const QString& name : QDir(dir).entryList(QDir::Files | QDir::System | QDir::Hidden)) {
        if (!expected.contains(name)) {
            stray << name;
        }
    }
    return stray;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runsAndFront();
    void exportTimeloop();
    void exportJsonAndCsv();
    void badArguments_data();
    void badArguments();
    void outputsFollowLinksAndDevices();
    void fullDiskKeepsTheOldFile();
    void readerShowsADeadWritersRunInterrupted();
    void damagedStoreIsNamedAndNeverWritten();
    void copiesRunsBetweenFilesAndServers();
    void copiesSweepsWithTheirRuns();

private:
    QTemporaryDir m_dir;
    QString m_db;
    int64_t m_run = 0;
    std::vector<int64_t> m_ids;
};

void TestCliStore::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("runs.sqlite"));
    auto s = store::RunStore::open(m_db.toStdString());
    QVERIFY(s.ok());
    store::RunInfo run;
    run.name = "cli test";
    run.requestJson = R"({"preset":"test"})";
    run.objective = "fps";
    m_run = (*s)->createRun(run);
    std::vector<store::CandidateRecord> cs;
    for (const char* net : { "alexnet", "mobilenetv2", "resnet18" }) {
        const auto d = accel::heuristicDesign(
            workload::builtinNetwork(net).value(), *accel::findPlatform("eyeriss"), accel::dataflowIndex("rs"), 2);
        const auto cost = accel::evaluateDesign(d);
        store::CandidateRecord c;
        c.genotype = net;
        c.accuracy = std::string(net) == "alexnet" ? 0.57 : std::string(net) == "resnet18" ? 0.70 : 0.72;
        c.fps = cost.fps;
        c.energyUj = cost.energyUj;
        c.valid = cost.valid();
        c.designJson = io::designToJson(d, &cost).dump();
        cs.push_back(c);
    }
    m_ids = (*s)->addCandidates(m_run, cs, {});
    (*s)->setRunState(m_run, store::RunState::Complete);
}

void TestCliStore::runsAndFront()
{
    CliRun r = runCli({ QStringLiteral("runs"), QStringLiteral("--db"), m_db, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].toObject()[QStringLiteral("state")].toString(), QStringLiteral("complete"));
    QCOMPARE(runs[0].toObject()[QStringLiteral("candidates")].toInt(), 3);
    r = runCli({ QStringLiteral("front"), QStringLiteral("--db"), m_db, QStringLiteral("--run"), QString::number(m_run),
        QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    // MobileNetV2 is the most accurate; whatever is faster than it stays, ResNet-18 is neither.
    const QJsonArray front = QJsonDocument::fromJson(r.out).array();
    QStringList names;
    for (const auto& c : front) {
        names << c.toObject()[QStringLiteral("genotype")].toString();
    }
    QVERIFY(names.contains(QStringLiteral("mobilenetv2")));
}

void TestCliStore::exportTimeloop()
{
    const QString folder = m_dir.filePath(QStringLiteral("timeloop"));
    const CliRun r = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--candidate"), QString::number(m_ids[0]), QStringLiteral("--format"),
        QStringLiteral("timeloop"), QStringLiteral("--out"), folder });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList files = QDir(folder).entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 8); // one per AlexNet layer
    QCOMPARE(files.first(), QStringLiteral("candidate-%1_000_conv1.yaml").arg(m_ids[0]));
    for (const QString& name : files) {
        QFile f(QDir(folder).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("problem:")) && text.contains(QStringLiteral("arch:"))
            && text.contains(QStringLiteral("mapping:")));
        // Instance sizes, then the product of every dimension's factors over the four directives.
        QMap<QString, qint64> instance;
        const QString block = text.section(QStringLiteral("instance:\n"), 1).section(QStringLiteral("arch:"), 0, 0);
        for (const auto& m :
            QRegularExpression(QStringLiteral("^\\s+([GNKCPQRS]): (\\d+)$"), QRegularExpression::MultilineOption)
                .globalMatch(block)) {
            instance[m.captured(1)] = m.captured(2).toLongLong();
        }
        QCOMPARE(instance.size(), 8);
        QMap<QString, qint64> product;
        int directives = 0;
        for (const auto& line :
            QRegularExpression(QStringLiteral("factors: (.*)$"), QRegularExpression::MultilineOption)
                .globalMatch(text)) {
            ++directives;
            for (const QString& f : line.captured(1).split(QLatin1Char(' '))) {
                product[f.left(1)] = product.value(f.left(1), 1) * f.mid(1).toLongLong();
            }
        }
        QCOMPARE(directives, 4);
        for (auto it = instance.begin(); it != instance.end(); ++it) {
            QVERIFY2(product.value(it.key()) == it.value(),
                qPrintable(name + QStringLiteral(": ") + it.key() + QStringLiteral(" factors multiply to ")
                    + QString::number(product.value(it.key())) + QStringLiteral(", instance ")
                    + QString::number(it.value())));
        }
    }
    // conv2 is grouped: G = 2 groups of 48 input and 128 output channels (the heuristic's 22 x 6 filters per pass
    // overshoot 128, so the file says it pads K to the product).
    QFile conv2(QDir(folder).filePath(files[1]));
    QVERIFY(conv2.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(conv2.readAll());
    QVERIFY(text.contains(QStringLiteral("    G: 2\n")));
    QVERIFY(text.contains(QStringLiteral("    C: 48\n")));
    QVERIFY(text.contains(QStringLiteral("    K: 128\n")) || text.contains(QStringLiteral("# padded: K 128 -> ")));
    // Timeloop reads sizes as whole numbers: the global buffer in words (eyeriss: 108 KiB of 16-bit words), and the
    // DRAM bandwidth the cost model uses, in words per cycle, shared by reads and writes.
    const accel::Platform& eyeriss = *accel::findPlatform("eyeriss");
    QVERIFY(!text.contains(QStringLiteral("sizeKB")));
    const auto design
        = io::designFromJson(io::Json::parse(store::RunStore::open(m_db.toStdString(), store::RunStore::Mode::ReadOnly)
                                                 .value()
                                                 ->candidate(m_ids[0])
                                                 ->designJson));
    QVERIFY(design.ok());
    QVERIFY(text.contains(QStringLiteral("      entries: %1\n").arg(design->accelerator.engines[0].gbBytes * 8 / 16)));
    const auto dram
        = QRegularExpression(QStringLiteral("name: DRAM\n(?:      .*\n)*?      shared_bandwidth: ([0-9.]+)\n"))
              .match(text);
    QVERIFY2(dram.hasMatch(), qPrintable(text));
    QVERIFY(qAbs(dram.captured(1).toDouble() - eyeriss.dramGBps * 1e9 / (eyeriss.clockMhz * 1e6) / 2) < 1e-3);

    // A depthwise layer of MobileNetV2: one input and one output channel in each of G = channels groups.
    const QString mbFolder = m_dir.filePath(QStringLiteral("timeloop-mb"));
    const CliRun mb = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--candidate"), QString::number(m_ids[1]), QStringLiteral("--format"),
        QStringLiteral("timeloop"), QStringLiteral("--out"), mbFolder });
    QVERIFY2(mb.exitCode == 0, qPrintable(mb.err));
    int depthwise = 0;
    for (const QString& name : QDir(mbFolder).entryList({ QStringLiteral("*.yaml") }, QDir::Files)) {
        QFile f(QDir(mbFolder).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString t = QString::fromUtf8(f.readAll());
        if (!t.contains(QStringLiteral("(depthwise)"))) {
            continue;
        }
        ++depthwise;
        const auto g = QRegularExpression(QStringLiteral("\n    G: (\\d+)\n")).match(t);
        QVERIFY(g.hasMatch() && g.captured(1).toInt() > 1);
        QVERIFY(t.contains(QStringLiteral("\n    C: 1\n")) && t.contains(QStringLiteral("\n    K: 1\n")));
    }
    QCOMPARE(depthwise, 17); // MobileNetV2's inverted residual blocks
}

void TestCliStore::exportJsonAndCsv()
{
    const QString json = m_dir.filePath(QStringLiteral("d.json"));
    CliRun r = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--candidate"), QString::number(m_ids[1]), QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--out"), json });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli({ QStringLiteral("evaluate"), QStringLiteral("--design"), json, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject total = QJsonDocument::fromJson(r.out).object()[QStringLiteral("total")].toObject();
    auto s = store::RunStore::open(m_db.toStdString(), store::RunStore::Mode::ReadOnly);
    QCOMPARE(total[QStringLiteral("fps")].toDouble(), (*s)->candidate(m_ids[1])->fps);

    const QString csv = m_dir.filePath(QStringLiteral("c.csv"));
    r = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv });
    QCOMPARE(r.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4); // header + 3 candidates
    QVERIFY(lines[0].startsWith(QStringLiteral("id,run,epoch,genotype,accuracy")));
}

void TestCliStore::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("missing db") << QStringList { QStringLiteral("runs"), QStringLiteral("--db"),
        QStringLiteral("/nonexistent/x.sqlite") }
                                << "does not exist";
    QTest::addRow("no run id") << QStringList { QStringLiteral("front") } << "--run ID is required";
    QTest::addRow("unknown run") << QStringList { QStringLiteral("front"), QStringLiteral("--run"),
        QStringLiteral("999") } << "no run 999";
    QTest::addRow("empty db") << QStringList { QStringLiteral("runs"), QStringLiteral("--db"), QString() }
                              << "store path is empty";
    QTest::addRow("search into an empty db")
        << QStringList { QStringLiteral("search"), QStringLiteral("--db"), QString() } << "store path is empty";
    QTest::addRow("db is a folder") << QStringList { QStringLiteral("runs"), QStringLiteral("--db"), QDir::tempPath() }
                                    << "is a folder";
    QTest::addRow("bad format") << QStringList { QStringLiteral("export"), QStringLiteral("--run"), QStringLiteral("1"),
        QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("--out"), QStringLiteral("/tmp/x") }
                                << "json, csv or timeloop";
}

void TestCliStore::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    if (!args.contains(QStringLiteral("--db"))) {
        args << QStringLiteral("--db") << m_db;
    }
    const CliRun r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void TestCliStore::outputsFollowLinksAndDevices()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target.json"));
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QVERIFY(QFile::link(target, link));
    auto exportTo = [&](const QString& format, const QString& out) {
        return runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
            QString::number(m_run), QStringLiteral("--candidate"), QString::number(m_ids[0]),
            QStringLiteral("--format"), format, QStringLiteral("--out"), out });
    };
    // Through a symbolic link: the link stays, its target gets the design.
    CliRun r = exportTo(QStringLiteral("json"), link);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(QJsonDocument::fromJson(readAll(target)).object().contains(QStringLiteral("mappings")));
    // A device that refuses the bytes: exit 1 with the system's reason, and the device stays a device.
    r = exportTo(QStringLiteral("json"), QStringLiteral("/dev/full"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No space left")), qPrintable(r.err));
    QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile());
    r = exportTo(QStringLiteral("csv"), QStringLiteral("/dev/full"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.outText.contains(QStringLiteral("wrote")));
    // A device that takes them.
    QCOMPARE(exportTo(QStringLiteral("csv"), QStringLiteral("/dev/null")).exitCode, 0);
    // A folder is bad usage.
    r = exportTo(QStringLiteral("csv"), dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("is a folder")), qPrintable(r.err));
    QCOMPARE(strayFiles(dir.path(), { QStringLiteral("target.json"), QStringLiteral("link.json") }), QStringList());
}

void TestCliStore::fullDiskKeepsTheOldFile()
{
    testing::SmallDisk dir(64);
    if (!dir.ok()) {
        QSKIP("mounting a small tmpfs needs root");
    }
    const QString csv = dir.filePath(QStringLiteral("c.csv"));
    const QString json = dir.filePath(QStringLiteral("d.json"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("the previous export\n");
        QFile g(json);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{}\n");
    }
    // Fill the disk to the last byte.
    {
        QFile filler(dir.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) { }
        while (filler.write("x", 1) == 1) { }
    }
    CliRun r = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv });
    const QStringList expected { QStringLiteral("c.csv"), QStringLiteral("d.json"), QStringLiteral("filler") };
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No space left")), qPrintable(r.err));
    QCOMPARE(readAll(csv), QByteArray("the previous export\n"));
    QCOMPARE(strayFiles(dir.path(), expected), QStringList());
    r = runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
        QString::number(m_run), QStringLiteral("--candidate"), QString::number(m_ids[0]), QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--out"), json });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(readAll(json), QByteArray("{}\n"));
    QCOMPARE(strayFiles(dir.path(), expected), QStringList());
}

void TestCliStore::readerShowsADeadWritersRunInterrupted()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("dead.sqlite"));
    {
        // A writer that records a running run and goes away without finishing it, as a killed search does.
        auto s = store::RunStore::open(db.toStdString());
        QVERIFY(s.ok());
        store::RunInfo run;
        run.requestJson = "{}";
        (*s)->createRun(run);
        // While it lives, a reader sees the run running.
        const CliRun live = runCli({ QStringLiteral("runs"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(live.out).array()[0].toObject()[QStringLiteral("state")].toString(),
            QStringLiteral("running"));
    }
    const CliRun r = runCli({ QStringLiteral("runs"), QStringLiteral("--db"), db, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array()[0].toObject()[QStringLiteral("state")].toString(),
        QStringLiteral("interrupted"));
}

void TestCliStore::damagedStoreIsNamedAndNeverWritten()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("damaged.sqlite"));
    QVERIFY(QFile::copy(m_db, db));
    {
        // Grow it past a few dozen pages, so that garbage in the middle lands on table pages.
        auto s = store::RunStore::open(db.toStdString());
        QVERIFY(s.ok());
        auto c = (*s)->candidates(m_run, false, true);
        for (int i = 0; i < 10; ++i) {
            (*s)->addCandidates(m_run, c, {});
        }
    }
    CliRun r = runCli({ QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--db"), db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText + r.err));
    QVERIFY(r.outText.contains(QStringLiteral(": ok")));
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() / 2 / 4096 * 4096));
        QByteArray garbage(4096, '\0');
        for (int i = 0; i < garbage.size(); ++i) {
            garbage[i] = char((i * 37 + 11) & 0xff);
        }
        f.write(garbage);
    }
    const QByteArray before = readAll(db);
    r = runCli({ QStringLiteral("runs"), QStringLiteral("--db"), db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is damaged")) && r.err.contains(db), qPrintable(r.err));
    r = runCli({ QStringLiteral("search"), QStringLiteral("--db"), db, QStringLiteral("--data"), dir.path() });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("is damaged")) && r.err.contains(QStringLiteral("nothing was written")),
        qPrintable(r.err));
    r = runCli({ QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--db"), db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.outText.contains(QStringLiteral("is damaged")), qPrintable(r.outText));
    // The count it gives is the number of problems it lists, one per line between the heading and the advice
    // (SQLite reports several in one row, under a heading of its own).
    const QStringList lines = r.outText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QRegularExpressionMatch count
        = QRegularExpression(QStringLiteral("is damaged: (\\d+) problems?$")).match(lines.first());
    QVERIFY2(count.hasMatch(), qPrintable(lines.first()));
    QCOMPARE(count.captured(1).toInt(), int(lines.size()) - 2);
    QVERIFY(!r.outText.contains(QStringLiteral("***")));
    QCOMPARE(readAll(db), before);
}

namespace {

/// Everything a store holds of a run except its ids: what a copy must keep equal.
QString runContent(const store::RunStore& s, int64_t runId)
{
    QString out;
    const auto r = *s.run(runId);
    out += QString::fromStdString(r.name + "|" + r.requestJson + "|" + store::runStateName(r.state) + "|" + r.createdAt
        + "|" + r.finishedAt + "|" + std::to_string(r.seed) + "|" + r.appVersion + "|" + r.objective + "|" + r.error
        + "|" + std::to_string(r.candidates) + "|" + std::to_string(r.trashed) + "\n");
    for (const auto& c : s.candidates(runId, false, true)) {
        out += QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|")
                   .arg(c.epoch)
                   .arg(QString::fromStdString(c.genotype))
                   .arg(c.accuracy, 0, 'g', 17)
                   .arg(QString::fromStdString(c.accuracyKind))
                   .arg(c.fps, 0, 'g', 17)
                   .arg(c.energyUj, 0, 'g', 17)
                   .arg(c.onFront)
                   .arg(c.valid)
                   .arg(c.estimateEpoch)
            + QStringLiteral("%1|%2|%3|%4\n")
                  .arg(c.retrainedAccuracy, 0, 'g', 17)
                  .arg(c.retrainedEpochs)
                  .arg(QString::fromStdString(c.weightsPath))
                  .arg(QString::fromStdString(c.designJson));
        for (const auto& e : s.estimates(c.id)) {
            out += QStringLiteral("  estimate %1 %2 %3\n")
                       .arg(e.epoch)
                       .arg(e.accuracy, 0, 'g', 17)
                       .arg(QString::fromStdString(e.kind));
        }
        for (const auto& l : s.layerMappings(c.id)) {
            out += QStringLiteral("  layer %1 %2 %3 %4 %5 %6 %7\n")
                       .arg(l.layerIndex)
                       .arg(QString::fromStdString(l.name))
                       .arg(QString::fromStdString(l.mappingJson))
                       .arg(l.cycles, 0, 'g', 17)
                       .arg(l.energyPj[0], 0, 'g', 17)
                       .arg(l.energyPj[4], 0, 'g', 17)
                       .arg(QString::fromStdString(l.bound));
        }
    }
    for (const auto& e : s.epochs(runId)) {
        out += QStringLiteral("epoch %1 %2 %3\n")
                   .arg(e.epoch)
                   .arg(e.valAccuracy, 0, 'g', 17)
                   .arg(QString::fromStdString(e.metricsJson));
    }
    for (const auto& [epoch, path] : s.checkpoints(runId)) {
        out += QStringLiteral("checkpoint %1 %2\n").arg(epoch).arg(QString::fromStdString(path));
    }
    return out;
}

} // namespace

void TestCliStore::copiesRunsBetweenFilesAndServers()
{
    // A file store with a finished run (the designs of initTestCase) and a failed, trashed one (mappings with tabs,
    // backslashes and extreme numbers, an estimate history, a retraining, an epoch, a checkpoint) goes to a
    // PostgreSQL server and back into a new file: every field comes back equal.
    dna::testing::PgServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    const QString uri = QString::fromStdString(server.createDatabase());
    const QString source = m_dir.filePath(QStringLiteral("copy-source.sqlite"));
    std::vector<int64_t> runs;
    {
        auto s = store::RunStore::open(source.toStdString()).value();
        auto from = store::RunStore::open(m_db.toStdString(), store::RunStore::Mode::ReadOnly).value();
        runs.push_back(s->copyRunFrom(*from, m_run));
        store::LayerMappingRecord l;
        l.name = "conv1\twith a tab\\and a backslash";
        l.mappingJson = R"({"gb":[1,2],"note":"line
break"})";
        l.cycles = 1.0 / 3.0;
        l.energyPj = { 1e-300, 2.5, 3, 4, 5e300 };
        l.bound = "memory";
        store::CandidateRecord c;
        c.genotype = "fmnist:k3e1";
        c.accuracy = 0.123456789012345678;
        c.accuracyKind = "supernet";
        c.estimateEpoch = 0;
        c.fps = 1234.5;
        c.designJson = "{}";
        store::RunInfo run;
        run.name = "second";
        run.requestJson = "{}";
        runs.push_back(s->createRun(run));
        const auto ids = s->addCandidates(runs[1], { c, c }, { { l }, {} });
        s->updateEstimates(runs[1], { { ids[0], 1, 0.5, "supernet" } });
        s->setRetrained(ids[1], 0.91, 4, "/data/w.pt");
        s->addEpoch(runs[1], { 0, 0.5, 0.4, 5, 0.1, 2, R"({"p":[0.5]})" });
        s->addCheckpoint(runs[1], 0, "/data/run.supernet.pt");
        s->setRunState(runs[1], store::RunState::Failed, "out of memory");
        s->trashRun(runs[1]);
    }
    CliRun r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), source,
        QStringLiteral("--to"), uri, QStringLiteral("--run"), QString::number(runs[0]), QStringLiteral("--run"),
        QString::number(runs[1]), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray copied = QJsonDocument::fromJson(r.out).object()[QStringLiteral("copied")].toArray();
    QCOMPARE(copied.size(), 2);
    const int64_t onServer[2] = { copied[0].toObject()[QStringLiteral("to")].toInteger(),
        copied[1].toObject()[QStringLiteral("to")].toInteger() };
    const QString back = m_dir.filePath(QStringLiteral("copy-back.sqlite"));
    r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), uri, QStringLiteral("--to"),
        back, QStringLiteral("--run"), QString::number(onServer[0]), QStringLiteral("--run"),
        QString::number(onServer[1]) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("copied run"));
    auto original = store::RunStore::open(source.toStdString(), store::RunStore::Mode::ReadOnly).value();
    auto shared = store::RunStore::open(uri.toStdString(), store::RunStore::Mode::ReadOnly).value();
    auto returned = store::RunStore::open(back.toStdString(), store::RunStore::Mode::ReadOnly).value();
    const auto backRuns = returned->runs(true);
    QCOMPARE(int(backRuns.size()), 2);
    for (int i = 0; i < 2; ++i) {
        const QString want = runContent(*original, runs[size_t(i)]);
        QCOMPARE(runContent(*shared, onServer[i]), want);
        QCOMPARE(runContent(*returned, backRuns[size_t(i)].id), want);
    }
    QVERIFY(runContent(*original, runs[1]).contains(QStringLiteral("with a tab")));
    QVERIFY(runContent(*original, runs[1]).contains(QStringLiteral("estimate 1 0.5")));
    // A missing end or an unreachable store: exit 2 naming the option.
    r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), source });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--to")));
    r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"),
        QString::fromStdString(server.uri("nosuchdb")), QStringLiteral("--to"), back });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--from")) && r.err.contains(QStringLiteral("nosuchdb")), qPrintable(r.err));
}

void TestCliStore::copiesSweepsWithTheirRuns()
{
    // A sweep of three tasks in a file store: task 0 finished (its run complete, after an attempt whose run was
    // interrupted), task 1's run interrupted (its writer is gone), task 2 queued. Copied whole to a server, and
    // with one run listed to a new file: the tasks point at the copies of their runs, a task whose run stayed
    // behind is queued.
    dna::testing::PgServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    const QString uri = QString::fromStdString(server.createDatabase());
    const QString source = m_dir.filePath(QStringLiteral("sweep-source.sqlite"));
    int64_t sweepId = 0;
    std::vector<int64_t> runs;
    {
        auto s = store::RunStore::open(source.toStdString()).value();
        auto from = store::RunStore::open(m_db.toStdString(), store::RunStore::Mode::ReadOnly).value();
        std::vector<store::SweepTaskRecord> tasks(3);
        for (int i = 0; i < 3; ++i) {
            tasks[size_t(i)].index = i;
            tasks[size_t(i)].paramsJson = "{\"dsp\": " + std::to_string(300 * (i + 1)) + "}";
            tasks[size_t(i)].argsJson = "[\"--dsp\", \"" + std::to_string(300 * (i + 1)) + "\"]";
        }
        store::SweepInfo info;
        info.name = "dsp grid";
        info.command = "dna-cli sweep --grid dsp=300,600,900";
        info.gridJson = R"({"axes": {"dsp": [300, 600, 900]}})";
        sweepId = s->createSweep(info, tasks);
        s->setSweepJob(sweepId, "local", "4242");
        for (int i = 0; i < 3; ++i) {
            runs.push_back(s->copyRunFrom(*from, m_run)); // complete runs with three candidates
        }
        QVERIFY(s->claimTask(sweepId, 0, "node1:10"));
        s->setTaskRun(sweepId, 0, runs[0]);
        s->setRunState(runs[0], store::RunState::Interrupted);
        QCOMPARE(s->requeueUnfinished(sweepId), (std::vector<int> { 0, 1, 2 }));
        QVERIFY(s->claimTask(sweepId, 0, "node2:20"));
        s->setTaskRun(sweepId, 0, runs[1]); // complete
        QVERIFY(s->claimTask(sweepId, 1, "node3:30"));
        store::RunInfo running;
        running.requestJson = "{}";
        runs.push_back(s->createRun(running)); // runs[3]: interrupted once this writer closes the store
        s->setTaskRun(sweepId, 1, runs[3]);
    }
    CliRun r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), source,
        QStringLiteral("--to"), uri, QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    std::map<int64_t, int64_t> to;
    for (const auto& c : report[QStringLiteral("copied")].toArray()) {
        to[c.toObject()[QStringLiteral("from")].toInteger()] = c.toObject()[QStringLiteral("to")].toInteger();
    }
    QCOMPARE(int(to.size()), 4);
    QCOMPARE(report[QStringLiteral("skipped_running")].toInt(), 0);
    const QJsonArray sweeps = report[QStringLiteral("sweeps")].toArray();
    QCOMPARE(sweeps.size(), 1);
    QCOMPARE(sweeps[0].toObject()[QStringLiteral("tasks_with_runs")].toInt(), 2);
    {
        auto shared = store::RunStore::open(uri.toStdString(), store::RunStore::Mode::ReadOnly).value();
        const int64_t copy = sweeps[0].toObject()[QStringLiteral("to")].toInteger();
        const auto w = shared->sweep(copy);
        QVERIFY(w);
        QCOMPARE(w->name, std::string("dsp grid"));
        QCOMPARE(w->command, std::string("dna-cli sweep --grid dsp=300,600,900"));
        QCOMPARE(w->gridJson, std::string(R"({"axes": {"dsp": [300, 600, 900]}})"));
        QCOMPARE(w->job, std::string("4242"));
        QCOMPARE(w->tasks, 3);
        QCOMPARE(w->complete, 1);
        const auto tasks = shared->sweepTasks(copy);
        QCOMPARE(int(tasks.size()), 3);
        QCOMPARE(tasks[0].state, std::string("complete"));
        QCOMPARE(tasks[0].runId, to.at(runs[1]));
        QCOMPARE(tasks[0].previousRuns, (std::vector<int64_t> { to.at(runs[0]) }));
        QCOMPARE(tasks[0].attempts, 2);
        QCOMPARE(tasks[0].claim, std::string("node2:20"));
        QCOMPARE(tasks[0].argsJson, std::string(R"(["--dsp", "300"])"));
        QCOMPARE(tasks[1].state, std::string("interrupted"));
        QCOMPARE(tasks[1].runId, to.at(runs[3]));
        QCOMPARE(tasks[1].claim, std::string("node3:30"));
        QCOMPARE(tasks[1].attempts, 1);
        QCOMPARE(tasks[2].state, std::string("queued"));
        QCOMPARE(tasks[2].paramsJson, std::string(R"({"dsp": 900})"));
    }
    // Only the interrupted attempt's run: the sweep goes along with task 0 queued (its latest run stayed behind) and
    // that run as its earlier attempt.
    const QString subset = m_dir.filePath(QStringLiteral("sweep-subset.sqlite"));
    r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), source,
        QStringLiteral("--to"), subset, QStringLiteral("--run"), QString::number(runs[0]) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("copied sweep"), r.out.constData());
    auto copy = store::RunStore::open(subset.toStdString(), store::RunStore::Mode::ReadOnly).value();
    QCOMPARE(int(copy->sweeps().size()), 1);
    const auto tasks = copy->sweepTasks(copy->sweeps()[0].id);
    QCOMPARE(tasks[0].state, std::string("queued"));
    QCOMPARE(tasks[0].previousRuns, (std::vector<int64_t> { copy->runs(true)[0].id }));
    // A run outside every sweep takes no sweep along.
    const QString none = m_dir.filePath(QStringLiteral("sweep-none.sqlite"));
    r = runCli({ QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), source,
        QStringLiteral("--to"), none, QStringLiteral("--run"), QString::number(runs[2]) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(store::RunStore::open(none.toStdString(), store::RunStore::Mode::ReadOnly).value()->sweeps().empty());
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
