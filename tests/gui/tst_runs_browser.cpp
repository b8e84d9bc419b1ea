// The runs browser on a real temporary store: the model's columns, undoable delete and rename written through
// the store, refusal to delete a running run, filter and the signals other views listen to.
#include "runs_browser.h"

#include "store/run_store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace dna;
using widgets::RunsBrowser;
using widgets::RunsModel;

namespace {

store::CandidateRecord candidate(double accuracy, double fps)
{
    store::CandidateRecord c;
    c.epoch = 1;
    c.genotype = "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1";
    c.accuracy = accuracy;
    c.accuracyKind = "supernet";
    c.fps = fps;
    c.latencyMs = 1000.0 / fps;
    c.energyUj = 50;
    c.edp = c.energyUj * c.latencyMs;
    c.designJson = "{}";
    return c;
}

std::vector<store::LayerMappingRecord> mappings(int layers)
{
    std::vector<store::LayerMappingRecord> v(static_cast<size_t>(layers));
    for (int i = 0; i < layers; ++i) {
        v[size_t(i)].layerIndex = i;
        v[size_t(i)].name = "layer" + std::to_string(i);
    }
    return v;
}

} // namespace

class TestRunsBrowser : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void modelColumns();
    void deleteAndUndo();
    void renameAndUndo();
    void refusesRunningRun();
    void filterAndCompare();
    void nameAndStateFitTheFirstStartWidth();
    void screenshot();

private:
    QModelIndex sourceIndex(RunsBrowser& b, qint64 runId, int column)
    {
        return b.model()->index(b.model()->rowOf(runId), column);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::RunStore> m_store;
    qint64 m_fpga = 0;
    qint64 m_asic = 0;
    std::vector<int64_t> m_fpgaIds;
};

void TestRunsBrowser::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = store::RunStore::open(m_dir->filePath(QStringLiteral("runs.sqlite")).toStdString());
    QVERIFY(opened.ok());
    m_store = std::move(opened).value();
    store::RunInfo fpga;
    fpga.name = "zc706 quick";
    fpga.objective = "fps";
    fpga.createdAt = "2026-03-01T08:00:00Z";
    fpga.requestJson = R"({"platform":"zc706","budget":{"dsp":900,"bram18":1090,"pes":0,"gb_bytes":0,"area_mm2":0},)"
                       R"("targets":{"min_fps":30,"max_fps":0,"max_energy_uj":0}})";
    m_fpga = m_store->createRun(fpga);
    // Front of (0.9, 100), (0.8, 300), (0.7, 200): the first two; best accuracy 0.9, best FPS 300.
    m_fpgaIds = m_store->addCandidates(m_fpga, { candidate(0.9, 100), candidate(0.8, 300), candidate(0.7, 200) },
        { mappings(2), mappings(3), mappings(4) });
    m_store->updateFront(m_fpga); // as every writer does after a batch: the browser reads the store's flags
    m_store->setRunState(m_fpga, store::RunState::Complete);
    store::RunInfo asic;
    asic.name = "eyeriss energy";
    asic.objective = "energy";
    asic.createdAt = "2026-03-02T08:00:00Z";
    asic.requestJson = R"({"platform":"eyeriss","budget":{"dsp":0,"bram18":0,"pes":168,"gb_bytes":110592},)"
                       R"("targets":{"max_energy_uj":40}})";
    m_asic = m_store->createRun(asic);
    auto a = candidate(0.85, 50);
    a.energyUj = 31.5;
    auto b = candidate(0.6, 50);
    b.energyUj = 12.25;
    m_store->addCandidates(m_asic, { a, b }, {});
    m_store->updateFront(m_asic);
    m_store->setRunState(m_asic, store::RunState::Cancelled);
}

void TestRunsBrowser::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestRunsBrowser::modelColumns()
{
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOf(m_fpga);
    auto at = [&](int column, int role) { return model.index(row, column).data(role); };
    QCOMPARE(at(RunsModel::NameColumn, Qt::DisplayRole).toString(), QStringLiteral("zc706 quick"));
    QCOMPARE(at(RunsModel::PlatformColumn, Qt::DisplayRole).toString(), QStringLiteral("zc706"));
    QVERIFY(at(RunsModel::BudgetColumn, Qt::DisplayRole).toString().contains(QStringLiteral("900")));
    QVERIFY(at(RunsModel::BudgetColumn, Qt::DisplayRole).toString().contains(QStringLiteral("1090")));
    QVERIFY(at(RunsModel::TargetsColumn, Qt::DisplayRole).toString().contains(QStringLiteral("30")));
    QCOMPARE(at(RunsModel::CandidatesColumn, RunsModel::SortRole).toLongLong(), 3);
    QCOMPARE(at(RunsModel::BestAccuracyColumn, RunsModel::SortRole).toDouble(), 0.9);
    QCOMPARE(at(RunsModel::BestMetricColumn, RunsModel::SortRole).toDouble(), 300.0);
    QCOMPARE(at(RunsModel::CreatedColumn, RunsModel::SortRole).toDateTime(),
        QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    QCOMPARE(at(RunsModel::StateColumn, RunsModel::SortRole).toString(), QStringLiteral("complete"));
    // The energy run: lower is better, so its best metric is the smallest energy.
    const int asicRow = model.rowOf(m_asic);
    QCOMPARE(model.index(asicRow, RunsModel::BestMetricColumn).data(RunsModel::SortRole).toDouble(), 12.25);
    QVERIFY(model.index(asicRow, RunsModel::BudgetColumn).data().toString().contains(QStringLiteral("168")));
    QCOMPARE(model.index(asicRow, RunsModel::ObjectiveColumn).data().toString(), QStringLiteral("energy"));
    QVERIFY(model.flags(model.index(asicRow, RunsModel::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(asicRow, RunsModel::StateColumn)) & Qt::ItemIsEditable));
    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestRunsBrowser::deleteAndUndo()
{
    RunsBrowser browser;
    QUndoStack undo;
    browser.setStore(m_store.get());
    browser.setUndoStack(&undo);
    QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&browser, &RunsBrowser::runsChanged);
    browser.selectRuns({ m_fpga });
    QCOMPARE(browser.selectedRunIds(), QList<qint64> { m_fpga });
    QVERIFY(browser.deleteAction()->isEnabled());
    browser.deleteAction()->trigger();

    QCOMPARE(int(m_store->runs().size()), 1);
    QCOMPARE(m_store->runs().at(0).id, m_asic);
    QCOMPARE(browser.model()->rowCount(), 1);
    QCOMPARE(browser.model()->rowOf(m_fpga), -1);
    QCOMPARE(undo.count(), 1);
    QCOMPARE(changed.count(), 1);

    undo.undo();
    QCOMPARE(int(m_store->runs().size()), 2);
    QCOMPARE(browser.model()->rowCount(), 2);
    const auto back = m_store->run(m_fpga);
    QVERIFY(back && !back->trashed);
    QCOMPARE(back->candidates, int64_t(3));
    std::vector<int64_t> ids;
    for (const auto& c : m_store->candidates(m_fpga)) {
        ids.push_back(c.id);
    }
    QCOMPARE(ids, m_fpgaIds);
    QCOMPARE(int(m_store->layerMappings(m_fpgaIds[2]).size()), 4);
    QCOMPARE(browser.model()
                 ->index(browser.model()->rowOf(m_fpga), RunsModel::CandidatesColumn)
                 .data(RunsModel::SortRole)
                 .toLongLong(),
        3);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(browser.selectedRunIds(), QList<qint64> { m_fpga }); // the restored run comes back selected

    undo.redo();
    QCOMPARE(int(m_store->runs().size()), 1);
    QCOMPARE(browser.model()->rowCount(), 1);
}

void TestRunsBrowser::renameAndUndo()
{
    RunsBrowser browser;
    QUndoStack undo;
    browser.setStore(m_store.get());
    browser.setUndoStack(&undo);
    QSignalSpy changed(&browser, &RunsBrowser::runsChanged);
    // What the inline editor does when the user commits a new name.
    QVERIFY(browser.model()->setData(
        sourceIndex(browser, m_asic, RunsModel::NameColumn), QStringLiteral("  energy baseline "), Qt::EditRole));
    QCOMPARE(m_store->run(m_asic)->name, std::string("energy baseline"));
    QCOMPARE(sourceIndex(browser, m_asic, RunsModel::NameColumn).data().toString(), QStringLiteral("energy baseline"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(undo.count(), 1);
    undo.undo();
    QCOMPARE(m_store->run(m_asic)->name, std::string("eyeriss energy"));
    QCOMPARE(sourceIndex(browser, m_asic, RunsModel::NameColumn).data().toString(), QStringLiteral("eyeriss energy"));
    // The same name again is no change and pushes nothing.
    QVERIFY(!browser.model()->setData(
        sourceIndex(browser, m_asic, RunsModel::NameColumn), QStringLiteral("eyeriss energy"), Qt::EditRole));
    QCOMPARE(undo.count(), 1);
}

void TestRunsBrowser::refusesRunningRun()
{
    store::RunInfo running;
    running.name = "still going";
    running.requestJson = "{}";
    const qint64 id = m_store->createRun(running); // state Running by default
    RunsBrowser browser;
    QUndoStack undo;
    browser.setStore(m_store.get());
    browser.setUndoStack(&undo);
    browser.selectRuns({ id, m_asic });
    browser.deleteSelected();
    QCOMPARE(int(m_store->runs().size()), 3); // nothing deleted, not even the other selected run
    QCOMPARE(undo.count(), 0);
    QVERIFY(browser.message().contains(QStringLiteral("still going")));
}

void TestRunsBrowser::filterAndCompare()
{
    RunsBrowser browser;
    browser.setStore(m_store.get());
    QSignalSpy compare(&browser, &RunsBrowser::compareRequested);
    QSignalSpy open(&browser, &RunsBrowser::runActivated);
    RunsBrowser noStore; // nothing to act on
    noStore.selectRuns({ m_fpga });
    QCOMPARE(noStore.model()->rowCount(), 0);
    QVERIFY(!noStore.deleteAction()->isEnabled());
    QVERIFY(!noStore.renameAction()->isEnabled());
    auto readOnly = store::RunStore::open(m_store->path(), store::RunStore::Mode::ReadOnly);
    QVERIFY(readOnly.ok());
    RunsBrowser reader; // a store another process writes: listed, not changed
    reader.setStore(readOnly->get());
    reader.selectRuns({ m_fpga });
    QCOMPARE(reader.model()->rowCount(), 2);
    QVERIFY(reader.openAction()->isEnabled());
    QVERIFY(!reader.deleteAction()->isEnabled());
    QVERIFY(!(reader.model()->flags(sourceIndex(reader, m_fpga, RunsModel::NameColumn)) & Qt::ItemIsEditable));
    browser.filterEdit()->setText(QStringLiteral("EYERISS"));
    QCOMPARE(browser.view()->model()->rowCount(), 1);
    QCOMPARE(browser.view()->model()->index(0, 0).data(RunsModel::RunIdRole).toLongLong(), m_asic);
    browser.filterEdit()->clear();
    QCOMPARE(browser.view()->model()->rowCount(), 2);
    browser.selectRuns({ m_fpga });
    QVERIFY(!browser.compareAction()->isEnabled());
    browser.openAction()->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toLongLong(), m_fpga);
    browser.selectRuns({ m_fpga, m_asic });
    QVERIFY(browser.compareAction()->isEnabled());
    browser.compareAction()->trigger();
    QCOMPARE(compare.count(), 1);
    auto ids = compare.at(0).at(0).value<QList<qint64>>();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<qint64> { m_fpga, m_asic }));
}

/// Renders the browser with a few runs; with DNA_SCREENSHOT_DIR set it leaves runs.png there to look at.
void TestRunsBrowser::nameAndStateFitTheFirstStartWidth()
{
    // The main window gives the runs dock 300 px on first start: every run's state is in view and whole, a short
    // name is whole, a long one is shortened rather than pushing the state off; a column the user drags stays.
    store::RunInfo running;
    running.name = "quick fmnist on zc706 (900 DSP, 1090 BRAM18), lambda 0.3, seed 3";
    running.requestJson = R"({"platform":"zc706","budget":{"dsp":900,"bram18":1090}})";
    m_store->createRun(running); // running: shown bold
    store::RunInfo interrupted;
    interrupted.name = "eyeriss";
    m_store->setRunState(m_store->createRun(interrupted), store::RunState::Interrupted);
    RunsBrowser browser;
    browser.setStore(m_store.get());
    browser.resize(300, 300);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTableView* table = browser.view();
    const int visible = table->viewport()->width();
    const int stateRight
        = table->columnViewportPosition(RunsModel::StateColumn) + table->columnWidth(RunsModel::StateColumn);
    QVERIFY2(
        stateRight <= visible, qPrintable(QStringLiteral("state ends at %1 px of %2").arg(stateRight).arg(visible)));
    QFont bold = table->font();
    bold.setBold(true);
    // A cell shows its text whole when the text, the style's text margin on both sides and the grid line fit.
    const int margins = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) + 1;
    const auto advance = [&](int row, int column) {
        const QModelIndex index = table->model()->index(row, column);
        return QFontMetrics(index.data(Qt::FontRole).isValid() ? bold : table->font())
                   .horizontalAdvance(index.data().toString())
            + margins;
    };
    int longRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, RunsModel::NameColumn).data().toString().startsWith(QLatin1String("quick"))) {
            longRow = row;
        }
        QVERIFY2(advance(row, RunsModel::StateColumn) <= table->columnWidth(RunsModel::StateColumn),
            qPrintable(table->model()->index(row, RunsModel::StateColumn).data().toString()));
        const QString name = table->model()->index(row, RunsModel::NameColumn).data().toString();
        if (name.size() < 20) {
            QVERIFY2(
                advance(row, RunsModel::NameColumn) <= table->columnWidth(RunsModel::NameColumn), qPrintable(name));
        }
    }
    // Wider: the long name gets the room (it is whole at 900 px); narrower again after the user sized the name
    // column: the user's width stays.
    // The filter shows its first words (above the actions here, beside them when wide).
    const int filterWords = browser.filterEdit()->fontMetrics().horizontalAdvance(QStringLiteral("Filter runs (name"));
    QVERIFY(!browser.filterBesideActions());
    QVERIFY2(browser.filterEdit()->width() >= filterWords, qPrintable(QString::number(browser.filterEdit()->width())));
    QVERIFY(longRow >= 0);
    QVERIFY(advance(longRow, RunsModel::NameColumn) > table->columnWidth(RunsModel::NameColumn));
    browser.resize(900, 300);
    QTRY_VERIFY(table->columnWidth(RunsModel::NameColumn) >= advance(longRow, RunsModel::NameColumn));
    QVERIFY(browser.filterBesideActions());
    QTRY_VERIFY(browser.filterEdit()->width() >= filterWords);
    table->horizontalHeader()->resizeSection(RunsModel::NameColumn, 123);
    browser.resize(300, 300);
    QTRY_COMPARE(table->viewport()->width(), visible);
    QCOMPARE(table->columnWidth(RunsModel::NameColumn), 123);
}

void TestRunsBrowser::screenshot()
{
    store::RunInfo running;
    running.name = "paper cifar on zcu102";
    running.objective = "latency";
    running.requestJson = R"({"platform":"zcu102","budget":{"dsp":2520,"bram18":1824}})";
    const qint64 id = m_store->createRun(running);
    m_store->addCandidates(id, { candidate(0.91, 80), candidate(0.88, 160) }, {});
    store::RunInfo failed;
    failed.name = "asic28 edp";
    failed.objective = "edp";
    failed.requestJson = R"({"platform":"asic28","budget":{"pes":256,"gb_bytes":131072,"area_mm2":4.5}})";
    m_store->setRunState(m_store->createRun(failed), store::RunState::Failed, "nan_loss: the loss became NaN");
    RunsBrowser browser;
    browser.resize(1180, 300);
    browser.setStore(m_store.get());
    browser.selectRuns({ m_fpga, m_asic });
    browser.selectRuns({ id });
    browser.deleteSelected(); // refused: shows the inline message
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    const QImage image = browser.grab().toImage();
    QVERIFY(!image.isNull());
    const QByteArray dir = qgetenv("DNA_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(image.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("runs.png"))));
    }
}

QTEST_MAIN(TestRunsBrowser)
#include "tst_runs_browser.moc"
