// The GUI's export: design files that dna-cli evaluates to the same cost, byte-identical to `dna-cli export`;
// Timeloop YAML per layer; the table's CSV, field for field the CLI's; trained weights copied byte for byte (only where
// every selected candidate has them); the dialog's choices and inline errors.
#include "design_export.h"
#include "export_dialog.h"

#include "candidate_selection.h"
#include "candidate_table.h"

#include "../support/csv_reader.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "accel/platform.h"
#include "io/json_io.h"
#include "store/run_store.h"
#include "workload/network.h"

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dna;

namespace {

QString cliPath()
{
    const QByteArray dir = qgetenv("DNA_BIN_DIR");
    return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() : QString::fromLocal8Bit(dir))
        .filePath(QStringLiteral("dna-cli"));
}

QByteArray runCli(const QStringList& args, int* exitCode)
{
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(1000);
        *exitCode = -1;
        return {};
    }
    *exitCode = p.exitCode();
    if (p.exitCode() != 0) {
        qWarning("%s", p.readAllStandardError().constData());
    }
    return p.readAllStandardOutput();
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void designFileEvaluatesTheSame();
    void timeloopOneFilePerLayer();
    void errors();
    void tableCsvIsTheCliCsv();
    void dialog();
    void weights();
    void screenshot();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::RunStore> m_store;
    qint64 m_run = 0;
    qint64 m_candidate = 0;
    accel::DesignCost m_cost;
    size_t m_layers = 0;
};

void TestExport::initTestCase()
{
    QVERIFY(QFile::exists(cliPath()));
    auto net = workload::builtinNetwork("alexnet");
    QVERIFY(net.ok());
    const accel::Platform* zc706 = accel::findPlatform("zc706");
    QVERIFY(zc706);
    const accel::Design design = accel::heuristicDesign(std::move(net).value(), *zc706, accel::dataflowIndex("ws"), 1);
    m_cost = accel::evaluateDesign(design);
    QVERIFY(m_cost.valid());
    QVERIFY(m_cost.fps > 0);
    m_layers = design.network.layers.size();

    auto opened = store::RunStore::open(m_dir.filePath(QStringLiteral("runs.sqlite")).toStdString());
    QVERIFY(opened.ok());
    m_store = std::move(opened).value();
    store::RunInfo run;
    run.name = "export";
    run.requestJson = "{}";
    m_run = m_store->createRun(run);
    store::CandidateRecord c;
    c.genotype = "alexnet";
    c.accuracy = 0.57;
    c.fps = m_cost.fps;
    c.energyUj = m_cost.energyUj;
    c.designJson = io::designToJson(design, &m_cost).dump();
    m_candidate = m_store->addCandidates(m_run, { c }, {}).at(0);
    m_store->setRunState(m_run, store::RunState::Complete);
}

void TestExport::designFileEvaluatesTheSame()
{
    const QString out = m_dir.filePath(QStringLiteral("designs"));
    auto written = app::exportDesignFiles(*m_store, { m_candidate }, out);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().detail.c_str());
    QCOMPARE(written->size(), 1);
    QCOMPARE(QFileInfo(written->at(0)).fileName(), QStringLiteral("candidate-%1.json").arg(m_candidate));

    int code = 0;
    const QByteArray json = runCli(
        { QStringLiteral("evaluate"), QStringLiteral("--design"), written->at(0), QStringLiteral("--json") }, &code);
    QCOMPARE(code, 0);
    const QJsonObject total = QJsonDocument::fromJson(json).object().value(QStringLiteral("total")).toObject();
    QCOMPARE(total.value(QStringLiteral("fps")).toDouble(), m_cost.fps);
    QCOMPARE(total.value(QStringLiteral("energy_uj")).toDouble(), m_cost.energyUj);
    QCOMPARE(total.value(QStringLiteral("valid")).toBool(), true);

    // The same bytes as the command line's export of that candidate (read-only beside this writer).
    const QString cliFile = m_dir.filePath(QStringLiteral("cli.json"));
    runCli({ QStringLiteral("export"), QStringLiteral("--db"), QString::fromStdString(m_store->path()),
               QStringLiteral("--run"), QString::number(m_run), QStringLiteral("--candidate"),
               QString::number(m_candidate), QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--out"), cliFile },
        &code);
    QCOMPARE(code, 0);
    QVERIFY(!fileBytes(cliFile).isEmpty());
    QCOMPARE(fileBytes(written->at(0)), fileBytes(cliFile));
}

void TestExport::timeloopOneFilePerLayer()
{
    const QString out = m_dir.filePath(QStringLiteral("timeloop"));
    auto written = app::exportTimeloop(*m_store, { m_candidate }, out);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().detail.c_str());
    QCOMPARE(m_layers, size_t(8)); // AlexNet: conv1-5, fc6-8
    QCOMPARE(written->size(), 8);
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 8);
    QCOMPARE(QFileInfo(written->at(0)).fileName(), QStringLiteral("candidate-%1_000_conv1.yaml").arg(m_candidate));
    QCOMPARE(QFileInfo(written->at(7)).fileName(), QStringLiteral("candidate-%1_007_fc8.yaml").arg(m_candidate));

    // Each file is what `dna-cli export --format timeloop` writes for that layer.
    const QString cliDir = m_dir.filePath(QStringLiteral("cli-timeloop"));
    int code = 0;
    runCli({ QStringLiteral("export"), QStringLiteral("--db"), QString::fromStdString(m_store->path()),
               QStringLiteral("--run"), QString::number(m_run), QStringLiteral("--candidate"),
               QString::number(m_candidate), QStringLiteral("--format"), QStringLiteral("timeloop"),
               QStringLiteral("--out"), cliDir },
        &code);
    QCOMPARE(code, 0);
    // The same names and the same bytes.
    QCOMPARE(QDir(cliDir).entryList(QDir::Files, QDir::Name), QDir(out).entryList(QDir::Files, QDir::Name));
    for (const QString& path : *written) {
        QCOMPARE(fileBytes(QDir(cliDir).filePath(QFileInfo(path).fileName())), fileBytes(path));
    }
    QVERIFY(fileBytes(written->at(7)).contains("fc8"));
}

void TestExport::errors()
{
    const QString out = m_dir.filePath(QStringLiteral("errors"));
    auto none = app::exportDesignFiles(*m_store, {}, out);
    QVERIFY(!none.ok());
    QCOMPARE(QString::fromLatin1(none.error().name()), QStringLiteral("no_candidates"));
    // A good candidate then a missing one: the error, and nothing written for the good one either.
    auto missing = app::exportTimeloop(*m_store, { m_candidate, m_candidate + 1000 }, out);
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromLatin1(missing.error().name()), QStringLiteral("no_candidate"));
    QVERIFY(QString::fromStdString(missing.error().detail).contains(QString::number(m_candidate + 1000)));
    QVERIFY(!QDir(out).exists());
    // A stored design that is not a design.
    store::CandidateRecord broken;
    broken.genotype = "x";
    broken.designJson = R"({"format":"something else"})";
    const qint64 brokenId = m_store->addCandidates(m_run, { broken }, {}).at(0);
    auto bad = app::exportDesignFiles(*m_store, { brokenId }, out);
    QCOMPARE(QString::fromLatin1(bad.error().name()), QStringLiteral("bad_design"));
    QVERIFY(!QFile::exists(QDir(out).filePath(QStringLiteral("candidate-%1.json").arg(brokenId))));
}

void TestExport::tableCsvIsTheCliCsv()
{
    // A second candidate whose genotype needs quoting; the table shows both, the CLI writes every column.
    store::CandidateRecord quoted = *m_store->candidate(m_candidate);
    quoted.genotype = "alexnet, \"a\" copy";
    quoted.accuracy = 0.1 + 0.2; // 0.30000000000000004: only the shortest exact text reads it back
    quoted.retrainedAccuracy = 0.875;
    quoted.retrainedEpochs = 4;
    const qint64 second = m_store->addCandidates(m_run, { quoted }, {}).at(0);
    widgets::CandidateTableView table;
    table.model()->appendCandidates(m_store->candidates(m_run));
    table.tableView()->horizontalHeader()->hideSection(widgets::CandidateTableModel::DspColumn);
    app::ExportDialog dlg(m_store.get(), {}, &table);
    QCOMPARE(dlg.kind(), app::ExportDialog::Kind::TableCsv);
    const QString viaTable = m_dir.filePath(QStringLiteral("table.csv"));
    dlg.setDestination(viaTable);
    QVERIFY2(dlg.exportNow(), qPrintable(dlg.errorText()));

    const QString viaCli = m_dir.filePath(QStringLiteral("cli.csv"));
    int code = 0;
    runCli({ QStringLiteral("export"), QStringLiteral("--db"), QString::fromStdString(m_store->path()),
               QStringLiteral("--run"), QString::number(m_run), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--out"), viaCli },
        &code);
    QCOMPARE(code, 0);
    const QList<QStringList> shown = dna::testing::parseCsv(QString::fromUtf8(fileBytes(viaTable)));
    const QList<QStringList> all = dna::testing::parseCsv(QString::fromUtf8(fileBytes(viaCli)));
    QCOMPARE(shown.size(), all.size());
    QVERIFY(!shown[0].contains(QStringLiteral("dsp"))); // a hidden column is not written
    QVERIFY(all[0].contains(QStringLiteral("dsp")));
    // Every field the table wrote is the CLI's field of the same column and candidate, text for text.
    const int shownId = shown[0].indexOf(QStringLiteral("id"));
    const int allId = all[0].indexOf(QStringLiteral("id"));
    for (int r = 1; r < shown.size(); ++r) {
        const auto cliRow = std::find_if(
            all.begin() + 1, all.end(), [&](const QStringList& row) { return row[allId] == shown[r][shownId]; });
        QVERIFY(cliRow != all.end());
        for (int c = 0; c < shown[0].size(); ++c) {
            QCOMPARE(shown[r][c], cliRow->at(all[0].indexOf(shown[0][c])));
        }
    }
    const auto secondRow = std::find_if(
        all.begin() + 1, all.end(), [&](const QStringList& row) { return row[allId] == QString::number(second); });
    QVERIFY(secondRow != all.end());
    QCOMPARE(secondRow->at(all[0].indexOf(QStringLiteral("genotype"))), QStringLiteral("alexnet, \"a\" copy"));
    QCOMPARE(secondRow->at(all[0].indexOf(QStringLiteral("accuracy"))), QStringLiteral("0.30000000000000004"));
    QCOMPARE(secondRow->at(all[0].indexOf(QStringLiteral("retrained_accuracy"))), QStringLiteral("0.875"));
    QCOMPARE(secondRow->at(all[0].indexOf(QStringLiteral("retrained_epochs"))), QStringLiteral("4"));
}

void TestExport::dialog()
{
    widgets::CandidateTableView table;
    app::ExportDialog dlg(m_store.get(), { m_candidate }, &table);
    QVERIFY(!dlg.isKindEnabled(app::ExportDialog::Kind::Weights)); // not a retrained design: no weights
    QVERIFY(!dlg.findChildren<QRadioButton*>().isEmpty());
    QCOMPARE(dlg.kind(), app::ExportDialog::Kind::DesignJson);
    const QString out = m_dir.filePath(QStringLiteral("dialog"));
    dlg.setDestination(out);
    QVERIFY(dlg.exportNow());
    QCOMPARE(dlg.result(), int(QDialog::Accepted));
    QCOMPARE(
        dlg.writtenFiles(), QStringList { QDir(out).filePath(QStringLiteral("candidate-%1.json").arg(m_candidate)) });

    // Without candidates only the table can be exported; an unwritable path stays in the dialog with an error.
    app::ExportDialog tableOnly(m_store.get(), {}, &table);
    QVERIFY(!tableOnly.isKindEnabled(app::ExportDialog::Kind::DesignJson));
    QCOMPARE(tableOnly.kind(), app::ExportDialog::Kind::TableCsv);
    QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    tableOnly.setDestination(m_dir.filePath(QStringLiteral("blocker/t.csv"))); // a file where a folder must be
    QVERIFY(!tableOnly.exportNow());
    QVERIFY(!tableOnly.errorText().isEmpty());
    QVERIFY(!tableOnly.isVisible() || tableOnly.result() != QDialog::Accepted);
}

void TestExport::weights()
{
    // A retrained candidate with a weights file of 2.5 MiB (more than one copy chunk) of a known byte pattern,
    // one whose recorded file was deleted, and m_candidate without weights.
    QTemporaryDir weightsDir;
    const QString source = weightsDir.filePath(QStringLiteral("run-1-final0.weights.pt"));
    QByteArray bytes((5 << 20) / 2, Qt::Uninitialized);
    for (int i = 0; i < bytes.size(); ++i) {
        bytes[i] = char((i * 131 + i / 7) & 0xff);
    }
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), qint64(bytes.size()));
    }
    store::CandidateRecord retrained;
    retrained.genotype = "alexnet";
    retrained.accuracyKind = "retrained";
    retrained.designJson = m_store->candidate(m_candidate)->designJson;
    retrained.weightsPath = source.toStdString();
    store::CandidateRecord gone = retrained;
    gone.weightsPath = weightsDir.filePath(QStringLiteral("deleted.weights.pt")).toStdString();
    const auto ids = m_store->addCandidates(m_run, { retrained, gone }, {});
    const qint64 withWeights = ids.at(0);
    const qint64 goneWeights = ids.at(1);

    QVERIFY(app::trainedWeightsAvailable(*m_store, { withWeights }));
    QVERIFY(!app::trainedWeightsAvailable(*m_store, { m_candidate }));
    QVERIFY(!app::trainedWeightsAvailable(*m_store, { withWeights, m_candidate }));
    QVERIFY(!app::trainedWeightsAvailable(*m_store, { goneWeights }));
    QVERIFY(!app::trainedWeightsAvailable(*m_store, {}));
    QCOMPARE(app::candidatesWithoutWeights(*m_store, { m_candidate, withWeights, goneWeights }),
        (QList<qint64> { m_candidate, goneWeights }));

    const QString out = m_dir.filePath(QStringLiteral("weights"));
    auto written = app::exportWeights(*m_store, { withWeights }, out);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().detail.c_str());
    QCOMPARE(*written, QStringList { QDir(out).filePath(QStringLiteral("candidate-%1.weights.pt").arg(withWeights)) });
    QCOMPARE(fileBytes(written->at(0)), bytes);

    // One candidate without weights: a clear error naming it, and nothing written, not even the good one's.
    const QString none = m_dir.filePath(QStringLiteral("weights-none"));
    auto missing = app::exportWeights(*m_store, { withWeights, m_candidate }, none);
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromLatin1(missing.error().name()), QStringLiteral("no_weights"));
    QVERIFY(QString::fromStdString(missing.error().detail).contains(QString::number(m_candidate)));
    QVERIFY(!QDir(none).exists());
    auto deleted = app::exportWeights(*m_store, { goneWeights }, none);
    QCOMPARE(QString::fromLatin1(deleted.error().name()), QStringLiteral("weights_missing"));
    QVERIFY(QString::fromStdString(deleted.error().detail).contains(QStringLiteral("deleted.weights.pt")));
    QVERIFY(!QDir(none).exists());

    // The dialog: Weights enabled for the retrained candidate, and its export writes the copy.
    widgets::CandidateTableView table;
    app::ExportDialog dlg(m_store.get(), { withWeights }, &table);
    QVERIFY(dlg.isKindEnabled(app::ExportDialog::Kind::Weights));
    QVERIFY(dlg.weightsUnavailableReason().isEmpty());
    dlg.setKind(app::ExportDialog::Kind::Weights);
    QCOMPARE(dlg.kind(), app::ExportDialog::Kind::Weights);
    const QString viaDialog = m_dir.filePath(QStringLiteral("weights-dialog"));
    dlg.setDestination(viaDialog);
    QVERIFY2(dlg.exportNow(), qPrintable(dlg.errorText()));
    QCOMPARE(dlg.writtenFiles().size(), 1);
    QCOMPARE(fileBytes(dlg.writtenFiles().at(0)), bytes);

    // Mixed selection: Weights disabled; the radio button's tooltip names the candidate without weights.
    app::ExportDialog mixed(m_store.get(), { withWeights, m_candidate }, &table);
    QVERIFY(!mixed.isKindEnabled(app::ExportDialog::Kind::Weights));
    mixed.setKind(app::ExportDialog::Kind::Weights);
    QCOMPARE(mixed.kind(), app::ExportDialog::Kind::DesignJson); // the disabled choice is not taken
    QRadioButton* weightsButton = nullptr;
    for (auto* b : mixed.findChildren<QRadioButton*>()) {
        if (!b->isEnabled()) {
            weightsButton = b;
        }
    }
    QVERIFY(weightsButton);
    QVERIFY(weightsButton->toolTip().contains(QStringLiteral("candidate %1.").arg(m_candidate)));
    QCOMPARE(weightsButton->toolTip(), mixed.weightsUnavailableReason());
    const QByteArray shots = qgetenv("DNA_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        mixed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mixed));
        QVERIFY(mixed.grab().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("export_weights.png"))));
    }
}

/// With DNA_SCREENSHOT_DIR set, leaves export.png there: two candidates selected, after an export that failed.
void TestExport::screenshot()
{
    widgets::CandidateTableView table;
    table.model()->appendCandidates(m_store->candidates(m_run));
    app::ExportDialog dlg(m_store.get(), { m_candidate, m_candidate + 1000 }, &table);
    dlg.setKind(app::ExportDialog::Kind::TimeloopYaml);
    dlg.setDestination(m_dir.filePath(QStringLiteral("shot")));
    QVERIFY(!dlg.exportNow()); // the second candidate does not exist
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    const QImage image = dlg.grab().toImage();
    QVERIFY(!image.isNull());
    const QByteArray dir = qgetenv("DNA_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(image.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("export.png"))));
    }
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
