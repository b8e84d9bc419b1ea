// dna-cli nas / train as a script would use them: JSON with the named keys, and exit code 2 with a message
// naming the option (or the missing dataset's path and package) for bad input.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "store/run_store.h"

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(DNA_CLI_BIN), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        r.err = QStringLiteral("timeout");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool fashionMnistInstalled()
{
    return QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"));
}

const QString kSkips = QStringLiteral("fmnist:skip,skip,skip,skip,skip,skip,skip,skip");

} // namespace

class TestCliNas : public QObject {
    Q_OBJECT
private slots:
    void badInput_data();
    void badInput();
    void nasJson();
    void trainJson();
    void trainStoredCandidate();
};

void TestCliNas::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mentions");
    QTest::addRow("unknown space") << QStringList { "nas", "--space", "mnist9" }
                                   << QStringList { "--space", "fmnist, cifar or imagenet", "mnist9" };
    QTest::addRow("flops weight not a number")
        << QStringList { "nas", "--flops-weight", "heavy" } << QStringList { "--flops-weight", "heavy" };
    QTest::addRow("negative flops weight")
        << QStringList { "nas", "--flops-weight", "-1" } << QStringList { "--flops-weight" };
    QTest::addRow("zero epochs") << QStringList { "nas", "--epochs", "0" } << QStringList { "--epochs", "1 to" };
    QTest::addRow("unknown mode") << QStringList { "nas", "--mode", "darts" }
                                  << QStringList { "--mode", "top2 or soft" };
    QTest::addRow("nas without data") << QStringList { "nas", "--data", "/nonexistent/fm" }
                                      << QStringList { "/nonexistent/fm/train-images-idx3-ubyte",
                                             "apt-get install dataset-fashion-mnist" };
    QTest::addRow("unknown dataset") << QStringList { "nas", "--dataset", "svhn" }
                                     << QStringList { "svhn", "fashion-mnist, mnist, cifar10, cifar100" };
    QTest::addRow("train without genotype") << QStringList { "train" } << QStringList { "--genotype" };
    QTest::addRow("train short genotype")
        << QStringList { "train", "--genotype", "fmnist:k3e1" } << QStringList { "--genotype", "8 ops" };
    QTest::addRow("train unknown op") << QStringList { "train", "--genotype", "fmnist:k9e9,k3e1" }
                                      << QStringList { "--genotype", "k9e9" };
    QTest::addRow("train without data") << QStringList { "train", "--genotype", kSkips, "--data", "/nonexistent/fm" }
                                        << QStringList { "/nonexistent/fm", "apt-get install dataset-fashion-mnist" };
    QTest::addRow("train bad lr") << QStringList { "train", "--genotype", kSkips, "--lr", "0" }
                                  << QStringList { "--lr" };
}

void TestCliNas::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mentions);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    for (const auto& m : mentions) {
        QVERIFY2(r.err.contains(m), qPrintable(QStringLiteral("'%1' not in: %2").arg(m, r.err)));
    }
    QVERIFY(r.out.isEmpty());
}

void TestCliNas::nasJson()
{
    if (!fashionMnistInstalled()) {
        QSKIP("dataset-fashion-mnist is not installed");
    }
    const Run r = runCli({ QStringLiteral("nas"), QStringLiteral("--space"), QStringLiteral("fmnist"),
        QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--max-steps"), QStringLiteral("3"),
        QStringLiteral("--top-k"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("1"),
        QStringLiteral("--flops-weight"), QStringLiteral("0.5"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(doc.value(QStringLiteral("genotype")).toString().startsWith(QStringLiteral("fmnist:")));
    QCOMPARE(doc.value(QStringLiteral("genotype")).toString().count(QLatin1Char(',')), 7);
    const double flops = doc.value(QStringLiteral("flops")).toDouble();
    // Between the all-skip network and the all-k5e6 one, and consistent with mflops. By hand (MACs; FLOPs = 2x):
    // stem 14*14*16*9 = 28,224, head 64*256*4*4 = 262,144, classifier 2,560. All-skip adds the 1x1 projections
    // 16*24*49 + 24*32*49 + 32*48*16 + 48*64*16 = 130,176: 423,104 MACs. All-k5e6 (mid = 6 x in) adds, per slot,
    // expand + 5x5 depthwise + project: 1,072,512 + 531,552 + 515,088 + 571,536 + 837,312 + 525,312 + 557,568
    // + 631,296 = 5,242,176: 5,535,104 MACs.
    QVERIFY2(flops >= 2 * 423104 && flops <= 2 * 5535104, qPrintable(QString::number(flops)));
    QVERIFY(qAbs(flops - 1e6 * doc.value(QStringLiteral("mflops")).toDouble()) < 1);
    const double acc = doc.value(QStringLiteral("accuracy")).toDouble(-1);
    QVERIFY(acc >= 0 && acc <= 1);
    QCOMPARE(doc.value(QStringLiteral("history")).toArray().size(), 2);
}

void TestCliNas::trainJson()
{
    if (!fashionMnistInstalled()) {
        QSKIP("dataset-fashion-mnist is not installed");
    }
    const Run r = runCli({ QStringLiteral("train"), QStringLiteral("--genotype"), kSkips, QStringLiteral("--epochs"),
        QStringLiteral("1"), QStringLiteral("--max-steps"), QStringLiteral("20"), QStringLiteral("--threads"),
        QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("genotype")).toString(), kSkips);
    const double acc = doc.value(QStringLiteral("accuracy")).toDouble(-1);
    QVERIFY2(acc > 0 && acc <= 1, qPrintable(QString::number(acc)));
    QCOMPARE(doc.value(QStringLiteral("accuracy_kind")).toString(), QStringLiteral("test"));
    QVERIFY(doc.value(QStringLiteral("parameters")).toInt() > 0);
}

void TestCliNas::trainStoredCandidate()
{
    // dna-cli train --db S --run R --candidate C: the stored candidate's network trained, the result recorded on
    // it beside its estimate; bad references exit 2 naming what is missing, before any training.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    int64_t id = 0;
    {
        auto store = dna::store::RunStore::open(path.toStdString()).value();
        dna::store::RunInfo run;
        run.requestJson = "{}";
        const int64_t runId = store->createRun(run);
        dna::store::CandidateRecord c;
        c.genotype = kSkips.toStdString();
        c.accuracy = 0.33;
        c.accuracyKind = "supernet";
        c.estimateEpoch = 1;
        c.fps = 100;
        id = store->addCandidates(runId, { c }, {}).at(0);
    }
    const Run missing = runCli({ QStringLiteral("train"), QStringLiteral("--db"), path, QStringLiteral("--run"),
        QStringLiteral("1"), QStringLiteral("--candidate"), QStringLiteral("999") });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("no candidate 999")), qPrintable(missing.err));
    const Run half = runCli(
        { QStringLiteral("train"), QStringLiteral("--db"), path, QStringLiteral("--run"), QStringLiteral("1") });
    QCOMPARE(half.exitCode, 2);
    QVERIFY2(half.err.contains(QStringLiteral("--candidate")), qPrintable(half.err));
    if (!fashionMnistInstalled()) {
        QSKIP("dataset-fashion-mnist is not installed");
    }
    const Run r = runCli({ QStringLiteral("train"), QStringLiteral("--db"), path, QStringLiteral("--run"),
        QStringLiteral("1"), QStringLiteral("--candidate"), QString::number(id), QStringLiteral("--epochs"),
        QStringLiteral("1"), QStringLiteral("--max-steps"), QStringLiteral("10"), QStringLiteral("--threads"),
        QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("candidate")).toInteger(), id);
    const QString weights = doc.value(QStringLiteral("weights")).toString();
    QVERIFY2(QFileInfo::exists(weights), qPrintable(weights));
    QVERIFY(weights.startsWith(dir.path()));
    auto reader = dna::store::RunStore::open(path.toStdString(), dna::store::RunStore::Mode::ReadOnly).value();
    const auto c = reader->candidate(id);
    QCOMPARE(c->retrainedAccuracy, doc.value(QStringLiteral("accuracy")).toDouble());
    QCOMPARE(c->retrainedEpochs, 1);
    QCOMPARE(QString::fromStdString(c->weightsPath), weights);
    QCOMPARE(c->accuracy, 0.33);
}

QTEST_GUILESS_MAIN(TestCliNas)
#include "tst_cli_nas.moc"
