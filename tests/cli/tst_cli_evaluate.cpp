// dna-cli platforms / networks / evaluate as a script would use them: JSON output, design files that
// reproduce, and exit code 2 with a message naming the field for bad input.
#include "cli_runner.h"

#include "accel/dataflow.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <tuple>

namespace {

QJsonObject parse(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

} // namespace

class TestCliEvaluate : public QObject {
    Q_OBJECT
private slots:
    void platformsAndNetworks();
    void evaluateAlexnetOnEyeriss();
    void designFileReproduces();
    void overBudgetDesignExitsOne();
    void badInput_data();
    void badInput();
    void userPlatformFolder();
};

void TestCliEvaluate::platformsAndNetworks()
{
    CliRun r = runCli({ QStringLiteral("platforms"), QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray platforms = QJsonDocument::fromJson(r.out).array();
    QStringList names;
    for (const auto& p : platforms) {
        names << p.toObject().value(QStringLiteral("name")).toString();
    }
    QCOMPARE(names,
        (QStringList { QStringLiteral("zc706"), QStringLiteral("zcu102"), QStringLiteral("ultra96"),
            QStringLiteral("eyeriss"), QStringLiteral("asic28") }));
    // ZC706 budget as on the board: 900 DSP slices, 545 BRAM36 = 1090 BRAM18.
    QCOMPARE(platforms[0].toObject()[QStringLiteral("budget")].toObject()[QStringLiteral("dsp")].toInt(), 900);
    QCOMPARE(platforms[0].toObject()[QStringLiteral("budget")].toObject()[QStringLiteral("bram18")].toInt(), 1090);

    r = runCli({ QStringLiteral("networks") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.outText.contains(QStringLiteral("mobilenetv2")) && r.outText.contains(QStringLiteral("fmnist")));
}

void TestCliEvaluate::evaluateAlexnetOnEyeriss()
{
    const CliRun r = runCli({ QStringLiteral("evaluate"), QStringLiteral("--network"), QStringLiteral("alexnet"),
        QStringLiteral("--platform"), QStringLiteral("eyeriss"), QStringLiteral("--batch"), QStringLiteral("4"),
        QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = parse(r.outText);
    const QJsonArray layers = doc[QStringLiteral("layers")].toArray();
    QCOMPARE(layers.size(), 8);
    QCOMPARE(layers[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("conv1"));
    QCOMPARE(layers[0].toObject()[QStringLiteral("dataflow")].toString(), QStringLiteral("rs"));
    const QJsonObject total = doc[QStringLiteral("total")].toObject();
    QVERIFY(total[QStringLiteral("valid")].toBool());
    // The sum of the layer latencies is the total; FPS = batch / latency for a multi-cycle design.
    double sumMs = 0;
    for (const auto& l : layers) {
        sumMs += l.toObject()[QStringLiteral("latency_ms")].toDouble();
        const QJsonObject e = l.toObject()[QStringLiteral("energy_pj")].toObject();
        for (const char* key : { "mac", "rf", "noc", "gb", "dram" }) {
            QVERIFY(e.contains(QLatin1String(key)));
        }
    }
    QVERIFY(qAbs(sumMs - total[QStringLiteral("latency_ms")].toDouble()) < 1e-9 * sumMs);
    QVERIFY(qAbs(total[QStringLiteral("fps")].toDouble() - 4.0 / (sumMs / 1e3)) < 1e-6);
    // 168 PEs: conv1's MACs (4 x 105.4M) cannot take fewer than 4 x 105415200 / 168 cycles.
    QVERIFY(layers[0].toObject()[QStringLiteral("cycles")].toDouble() >= 4.0 * 105415200 / 168);
}

void TestCliEvaluate::designFileReproduces()
{
    QTemporaryDir dir;
    const QString design = dir.filePath(QStringLiteral("d.json"));
    const CliRun first = runCli({ QStringLiteral("evaluate"), QStringLiteral("--network"),
        QStringLiteral("mobilenetv2"), QStringLiteral("--platform"), QStringLiteral("zc706"), QStringLiteral("--json"),
        QStringLiteral("--out"), design });
    QCOMPARE(first.exitCode, 0);
    QVERIFY(QFile::exists(design));
    const CliRun again
        = runCli({ QStringLiteral("evaluate"), QStringLiteral("--design"), design, QStringLiteral("--json") });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(parse(again.outText)[QStringLiteral("total")], parse(first.outText)[QStringLiteral("total")]);
    QCOMPARE(parse(again.outText)[QStringLiteral("layers")], parse(first.outText)[QStringLiteral("layers")]);
}

void TestCliEvaluate::overBudgetDesignExitsOne()
{
    QTemporaryDir dir;
    const QString design = dir.filePath(QStringLiteral("d.json"));
    QCOMPARE(runCli({ QStringLiteral("evaluate"), QStringLiteral("--network"), QStringLiteral("alexnet"),
                        QStringLiteral("--platform"), QStringLiteral("eyeriss"), QStringLiteral("--out"), design })
                 .exitCode,
        0);
    // The same design with a 40 x 40 array: 1600 PEs on a chip whose budget is its 12 x 14 = 168.
    QFile f(design);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject doc = parse(QString::fromUtf8(f.readAll()));
    f.close();
    QJsonObject accelerator = doc[QStringLiteral("accelerator")].toObject();
    QJsonArray engines = accelerator[QStringLiteral("engines")].toArray();
    QJsonObject engine = engines[0].toObject();
    QCOMPARE(engine[QStringLiteral("rows")].toInt() * engine[QStringLiteral("cols")].toInt(), 168);
    engine[QStringLiteral("rows")] = 40;
    engine[QStringLiteral("cols")] = 40;
    engines[0] = engine;
    accelerator[QStringLiteral("engines")] = engines;
    doc[QStringLiteral("accelerator")] = accelerator;
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile g(big);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QJsonDocument(doc).toJson());
    g.close();

    // JSON: the figures all the same, marked invalid with the reason; exit 1 and a sentence on stderr.
    CliRun r = runCli({ QStringLiteral("evaluate"), QStringLiteral("--design"), big, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject total = parse(r.outText)[QStringLiteral("total")].toObject();
    QCOMPARE(total[QStringLiteral("valid")].toBool(true), false);
    QCOMPARE(total[QStringLiteral("invalid_reason")].toString(), QStringLiteral("pe_over_budget"));
    QCOMPARE(total[QStringLiteral("resources")].toObject()[QStringLiteral("pes")].toInt(), 1600);
    QVERIFY2(r.err.contains(QStringLiteral("not valid")) && r.err.contains(QStringLiteral("1600")), qPrintable(r.err));
    // The table says the same.
    r = runCli({ QStringLiteral("evaluate"), QStringLiteral("--design"), big });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.outText.contains(QStringLiteral("INVALID: pe_over_budget")), qPrintable(r.outText));
}

void TestCliEvaluate::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString ev = QStringLiteral("evaluate");
    const QString n = QStringLiteral("--network");
    const QString p = QStringLiteral("--platform");
    QTest::addRow("unknown network") << QStringList { ev, n, QStringLiteral("lenet"), p, QStringLiteral("zc706") }
                                     << "alexnet, vgg16, resnet18, mobilenetv2";
    QTest::addRow("unknown platform") << QStringList { ev, n, QStringLiteral("alexnet"), p, QStringLiteral("vu9p") }
                                      << "zc706, zcu102, ultra96, eyeriss, asic28";
    QTest::addRow("zero batch") << QStringList { ev, n, QStringLiteral("alexnet"), p, QStringLiteral("zc706"),
        QStringLiteral("--batch"), QStringLiteral("0") }
                                << "--batch must be a whole number from 1 to 4096";
    QTest::addRow("unknown dataflow") << QStringList { ev, n, QStringLiteral("alexnet"), p, QStringLiteral("zc706"),
        QStringLiteral("--dataflow"), QStringLiteral("nlr") }
                                      << QString::fromStdString(dna::accel::dataflowNames());
    QTest::addRow("missing platform") << QStringList { ev, n, QStringLiteral("alexnet") } << "--platform";
    QTest::addRow("unknown option") << QStringList { ev, QStringLiteral("--speed"), QStringLiteral("9") }
                                    << "unknown option --speed";
    QTest::addRow("missing design") << QStringList { ev, QStringLiteral("--design"),
        QStringLiteral("/nonexistent/d.json") }
                                    << "cannot open '/nonexistent/d.json'";
    QTest::addRow("malformed design") << QStringList { ev, QStringLiteral("--design"),
        QStringLiteral(DNA_TEST_DATA_DIR "/malformed_design.json") }
                                      << "not valid JSON";
    QTest::addRow("bad genotype") << QStringList { ev, n, QStringLiteral("fmnist:k3e1"), p, QStringLiteral("zc706") }
                                  << "needs 8 ops";
}

void TestCliEvaluate::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(r.outText.isEmpty());
}

void TestCliEvaluate::userPlatformFolder()
{
    // A JSON file in the user's platform folder is a platform like the presets: listed, and usable by name; a
    // broken one is skipped with a warning naming it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile board(dir.filePath(QStringLiteral("my-board.json")));
    QVERIFY(board.open(QIODevice::WriteOnly));
    board.write(R"({"name": "my-board", "description": "a half ZC706", "base": "zc706",
                    "budget": {"dsp": 450, "bram18": 545}})");
    board.close();
    QFile broken(dir.filePath(QStringLiteral("typo.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"name\": \"typo\",");
    broken.close();
    const auto run = [&](const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNA_PLATFORM_DIR"), dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DNA_CLI_BIN), args);
        p.waitForFinished(60000);
        return std::make_tuple(
            p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()));
    };
    auto [code, out, err] = run({ QStringLiteral("platforms") });
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(QStringLiteral("my-board")) && out.contains(QStringLiteral("a half ZC706")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("typo.json")) && err.contains(QStringLiteral("skipped")), qPrintable(err));
    // Half the DSPs of the zc706 preset: the default design has half the PEs (one DSP per 16-bit MAC).
    auto [code2, out2, err2] = run({ QStringLiteral("evaluate"), QStringLiteral("--network"), QStringLiteral("alexnet"),
        QStringLiteral("--platform"), QStringLiteral("my-board"), QStringLiteral("--json") });
    QVERIFY2(code2 == 0, qPrintable(err2));
    auto [code3, out3, err3] = run({ QStringLiteral("evaluate"), QStringLiteral("--network"), QStringLiteral("alexnet"),
        QStringLiteral("--platform"), QStringLiteral("zc706"), QStringLiteral("--json") });
    QCOMPARE(code3, 0);
    const auto fps = [](const QString& json) {
        return parse(json).value(QStringLiteral("total")).toObject().value(QStringLiteral("fps")).toDouble();
    };
    const double fpsHalf = fps(out2);
    const double fpsFull = fps(out3);
    QVERIFY2(fpsHalf > 0 && fpsHalf < fpsFull, qPrintable(QStringLiteral("%1 vs %2").arg(fpsHalf).arg(fpsFull)));
}

QTEST_GUILESS_MAIN(TestCliEvaluate)
#include "tst_cli_evaluate.moc"
