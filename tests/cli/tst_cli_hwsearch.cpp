// dna-cli hwsearch as a script uses it: the JSON report, a design file that `evaluate --design` reproduces
// exactly, and exit 2 for bad knobs.
#include "cli_runner.h"

#include "hwsearch/objective.h"
#include "hwsearch/strategy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

} // namespace

class TestCliHwSearch : public QObject {
    Q_OBJECT
private slots:
    void searchWritesAReproducibleDesign();
    void badKnobs_data();
    void badKnobs();
    void helpListsTheStrategies();
};

void TestCliHwSearch::searchWritesAReproducibleDesign()
{
    QTemporaryDir dir;
    const QString design = dir.filePath(QStringLiteral("best.json"));
    const CliRun search = runCli({ QStringLiteral("hwsearch"), QStringLiteral("--network"), QStringLiteral("alexnet"),
        QStringLiteral("--platform"), QStringLiteral("eyeriss"), QStringLiteral("--objective"), QStringLiteral("edp"),
        QStringLiteral("--iters"), QStringLiteral("3000"), QStringLiteral("--fix"), QStringLiteral("dataflow=rs"),
        QStringLiteral("--json"), QStringLiteral("--out"), design });
    QVERIFY2(search.exitCode == 0, qPrintable(search.err));
    const QJsonObject doc = QJsonDocument::fromJson(search.out).object();
    const QJsonObject s = doc[QStringLiteral("search")].toObject();
    QCOMPARE(s[QStringLiteral("algo")].toString(), QStringLiteral("das"));
    QVERIFY(s[QStringLiteral("evaluations")].toInt() >= 3000);
    QVERIFY(s[QStringLiteral("trace")].toArray().size() >= 1);
    QVERIFY(s.contains(QStringLiteral("seconds")) && s.contains(QStringLiteral("valid")));
    for (const auto& e : doc[QStringLiteral("accelerator")].toObject()[QStringLiteral("engines")].toArray()) {
        QCOMPARE(e.toObject()[QStringLiteral("dataflow")].toString(), QStringLiteral("rs"));
    }
    // The search's best cost is the design's EDP.
    const QJsonObject total = doc[QStringLiteral("total")].toObject();
    QCOMPARE(s[QStringLiteral("best_cost")].toDouble(), total[QStringLiteral("edp")].toDouble());

    const CliRun again
        = runCli({ QStringLiteral("evaluate"), QStringLiteral("--design"), design, QStringLiteral("--json") });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    const QJsonObject re = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(re[QStringLiteral("total")], doc[QStringLiteral("total")]);
    QCOMPARE(re[QStringLiteral("layers")], doc[QStringLiteral("layers")]);
}

void TestCliHwSearch::badKnobs_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown knob") << QStringList { QStringLiteral("--fix"), QStringLiteral("flux=9") }
                                  << "no knob 'flux'";
    QTest::addRow("bad choice") << QStringList { QStringLiteral("--fix"), QStringLiteral("chunks=9") } << "1, 2, 3, 4";
    QTest::addRow("chunks without pipelined")
        << QStringList { QStringLiteral("--fix"), QStringLiteral("chunks=2") } << "add --fix micro_arch=pipelined";
    QTest::addRow("chunks with multi-cycle") << QStringList { QStringLiteral("--fix"), QStringLiteral("chunks=2"),
        QStringLiteral("--fix"), QStringLiteral("micro_arch=multi-cycle") }
                                             << "only a pipelined accelerator has chunks";
    QTest::addRow("knob fixed twice") << QStringList { QStringLiteral("--fix"), QStringLiteral("dataflow=rs"),
        QStringLiteral("--fix"), QStringLiteral("dataflow=ws") }
                                      << "is given twice (rs and ws)";
    QTest::addRow("no equals") << QStringList { QStringLiteral("--fix"), QStringLiteral("chunks") } << "KNOB=VALUE";
    QTest::addRow("bad algo") << QStringList { QStringLiteral("--algo"), QStringLiteral("annealing") }
                              << QString::fromStdString(dna::hwsearch::strategyIds(", ", " or "));
    QTest::addRow("bad objective") << QStringList { QStringLiteral("--objective"), QStringLiteral("area") }
                                   << QString::fromStdString(dna::hwsearch::objectiveNames(", "));
    QTest::addRow("zero iters") << QStringList { QStringLiteral("--iters"), QStringLiteral("0") } << "--iters must be";
    QTest::addRow("exhaustive too large")
        << QStringList { QStringLiteral("--algo"), QStringLiteral("exhaustive") } << "enumerates at most";
}

void TestCliHwSearch::badKnobs()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, mentions);
    const CliRun r = runCli(QStringList { QStringLiteral("hwsearch"), QStringLiteral("--network"),
                                QStringLiteral("alexnet"), QStringLiteral("--platform"), QStringLiteral("zc706") }
        + extra);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void TestCliHwSearch::helpListsTheStrategies()
{
    // The help text comes from the strategies' table: each with its one-line description, in the --algo list too.
    const CliRun r = runCli({ QStringLiteral("hwsearch"), QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    const QString help = r.out + r.err;
    QVERIFY2(help.contains(QStringLiteral("[--algo das|random|evolution|exhaustive]")), qPrintable(help));
    for (const char* line : { "das: DNA's differentiable search", "random: uniform random samples",
             "evolution: regularized evolution", "exhaustive: every point of the space" }) {
        QVERIFY2(help.contains(QString::fromLatin1(line)), line);
    }
}

QTEST_GUILESS_MAIN(TestCliHwSearch)
#include "tst_cli_hwsearch.moc"
