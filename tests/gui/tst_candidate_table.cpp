#include "candidate_selection.h"
#include "candidate_table.h"

#include "store/export_files.h"
#include <QAbstractItemModelTester>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

#include "../support/csv_reader.h"

#include <QtTest>

#include <random>

using dna::store::CandidateRecord;
using dna::widgets::CandidateFilterProxy;
using dna::widgets::CandidateSelection;
using dna::widgets::CandidateTableModel;
using dna::widgets::CandidateTableView;

namespace {

CandidateRecord rec(qint64 id, qint64 run, double accuracy, double fps, double energyUj, bool front = false,
    const char* genotype = "fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1")
{
    CandidateRecord c;
    c.id = id;
    c.runId = run;
    c.epoch = int(id % 5);
    c.genotype = genotype;
    c.accuracy = accuracy;
    c.accuracyKind = id % 2 ? "supernet" : "retrained";
    c.fps = fps;
    c.latencyMs = 1000.0 / fps;
    c.energyUj = energyUj;
    c.edp = energyUj * c.latencyMs;
    c.dsp = double(100 + id);
    c.bram18 = 20 + id;
    c.areaMm2 = 0.1 * double(id);
    c.onFront = front;
    c.designJson = R"({"network": "large design file"})";
    return c;
}

/// Twelve candidates of two runs; the filter tests below list by hand which ids each filter keeps.
std::vector<CandidateRecord> fixture()
{
    return {
        rec(1, 1, 0.80, 9.5, 120.0, false), //
        rec(2, 1, 0.85, 10.2, 95.0, true), //
        rec(3, 1, 0.90, 100.0, 300.0, true), //
        rec(4, 1, 0.70, 250.0, 40.0, true), //
        rec(5, 1, 0.60, 20.0, 500.0, false, "fmnist:k5e6,k5e6,k5e6,k5e6,k5e6,k5e6,k5e6,k5e6"), //
        rec(6, 1, 0.88, 55.5, 80.0, false), //
        rec(7, 2, 0.91, 30.0, 200.0, true, "cifar:skip,skip"), //
        rec(8, 2, 0.75, 5.0, 60.0, false), //
        rec(9, 2, 0.95, 12.0, 900.0, true, "fmnist:skip,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,skip"), //
        rec(10, 2, 0.50, 1000.0, 10.0, true), //
        rec(11, 1, 0.83, 75.0, 150.0, false), //
        rec(12, 2, 0.86, 9.99, 99.0, false), //
    };
}

QList<qint64> proxyIds(const QAbstractItemModel& proxy)
{
    QList<qint64> ids;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        ids.append(proxy.index(r, 0).data(CandidateTableModel::IdRole).toLongLong());
    }
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestCandidateTable : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void modelAndProxyPassTheTester();
    void dropsDesignJsonAndIndexesIds();
    void formatsForReadingButSortsNumerically();
    void filtersKeepTheRowsComputedByHand_data();
    void filtersKeepTheRowsComputedByHand();
    void tableSelectionGoesToSharedSelection();
    void sharedSelectionSelectsTableRows();
    void filteringDoesNotDropTheSharedSelection();
    void doubleClickActivates();
    void comparedNumbersFitTheFirstStartWidth();
    void csvHasTheVisibleRowsWithRawValues();
    void manyRowsStayUsable();
    void proxyMatchesABruteForceOrderUnderRandomChanges_data();
    void proxyMatchesABruteForceOrderUnderRandomChanges();
};

void TestCandidateTable::modelAndProxyPassTheTester()
{
    CandidateTableModel model;
    CandidateFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(CandidateTableModel::FpsColumn, Qt::DescendingOrder);
    proxy.setFrontOnly(true);

    const auto all = fixture();
    model.appendCandidates({ all.begin(), all.begin() + 5 });
    model.appendCandidates({ all.begin() + 5, all.end() });
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(sorted(proxyIds(proxy)), (QList<qint64> { 2, 3, 4, 7, 9, 10 }));

    // Run 1's front becomes {1, 6}: 2, 3 and 4 leave it.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFront(1, { 1, 6 });
    QCOMPARE(changed.count(), 2); // rows 0-3 (ids 1-4) and row 5 (id 6): one signal per block of changed rows
    QCOMPARE(sorted(proxyIds(proxy)), (QList<qint64> { 1, 6, 7, 9, 10 }));
    QVERIFY(model.candidate(1)->onFront);
    QVERIFY(!model.candidate(2)->onFront);
    QVERIFY(model.candidate(7)->onFront); // run 2 untouched

    // Run 1 is in two blocks (rows 0-5 and row 10); both go.
    model.removeRun(1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(sorted(proxyIds(proxy)), (QList<qint64> { 7, 9, 10 }));
    proxy.setFrontOnly(false);
    QCOMPARE(sorted(proxyIds(proxy)), (QList<qint64> { 7, 8, 9, 10, 12 }));
    model.appendCandidates({ rec(20, 3, 0.5, 1, 1) });
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestCandidateTable::dropsDesignJsonAndIndexesIds()
{
    CandidateTableModel model;
    model.appendCandidates(fixture());
    QVERIFY(model.candidate(3));
    QVERIFY(model.candidate(3)->designJson.empty());
    QCOMPARE(model.candidate(3)->fps, 100.0);
    QCOMPARE(model.candidate(99), nullptr);
    QCOMPARE(model.rowOfId(99), -1);
    model.removeRun(1);
    // Left: 7, 8, 9, 10, 12 in arrival order.
    const QList<qint64> left { 7, 8, 9, 10, 12 };
    for (int row = 0; row < left.size(); ++row) {
        QCOMPARE(model.rowOfId(left[row]), row);
    }
    QCOMPARE(model.rowOfId(1), -1);
    // A candidate reported again is updated in place, not duplicated.
    auto again = rec(8, 2, 0.99, 5.0, 60.0, true);
    model.appendCandidates({ again, rec(30, 2, 0.1, 1, 1) });
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.candidate(8)->accuracy, 0.99);
    QCOMPARE(model.rowOfId(30), 5);
}

void TestCandidateTable::formatsForReadingButSortsNumerically()
{
    CandidateTableModel model;
    CandidateFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendCandidates(fixture());

    const int row2 = model.rowOfId(2);
    QCOMPARE(model.index(row2, CandidateTableModel::AccuracyColumn).data().toString(), QStringLiteral("85.00"));
    QCOMPARE(model.index(row2, CandidateTableModel::FpsColumn).data().toString(), QStringLiteral("10.2"));
    QCOMPARE(model.index(row2, CandidateTableModel::EnergyColumn).data().toString(), QStringLiteral("95.0"));
    QCOMPARE(model.index(row2, CandidateTableModel::AccuracyKindColumn).data().toString(), QStringLiteral("retrained"));
    // 1000 / 9.5 = 105.26 ms to three significant digits.
    QCOMPARE(
        model.index(model.rowOfId(1), CandidateTableModel::LatencyColumn).data().toString(), QStringLiteral("105"));
    QCOMPARE(model.index(model.rowOfId(3), CandidateTableModel::AreaColumn).data().toString(), QStringLiteral("0.300"));
    QCOMPARE(model.index(row2, CandidateTableModel::FpsColumn).data(CandidateTableModel::SortRole).toDouble(), 10.2);
    QCOMPARE(model.index(row2, CandidateTableModel::FpsColumn).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
        int(Qt::AlignRight));
    QVERIFY(!model.headerData(CandidateTableModel::EdpColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    // FPS ascending by hand: 5, 9.5, 9.99, 10.2, 12, 20, 30, 55.5, 75, 100, 250, 1000. As text, "10.2" and "100.0"
    // would come before "5.0" and "9.5".
    proxy.sort(CandidateTableModel::FpsColumn, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy), (QList<qint64> { 8, 1, 12, 2, 9, 5, 7, 6, 11, 3, 4, 10 }));
    proxy.sort(CandidateTableModel::AccuracyColumn, Qt::DescendingOrder);
    QCOMPARE(proxyIds(proxy), (QList<qint64> { 9, 7, 3, 6, 12, 2, 11, 1, 8, 4, 5, 10 }));
    // Ids as numbers: 10, 11, 12 after 9.
    proxy.sort(CandidateTableModel::IdColumn, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }));
}

void TestCandidateTable::filtersKeepTheRowsComputedByHand_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addRow("front only") << 0 << QList<qint64> { 2, 3, 4, 7, 9, 10 };
    QTest::addRow("accuracy >= 85 %%") << 1 << QList<qint64> { 2, 3, 6, 7, 9, 12 };
    QTest::addRow("10 <= FPS <= 100") << 2 << QList<qint64> { 2, 3, 5, 6, 7, 9, 11 };
    QTest::addRow("energy <= 100 uJ") << 3 << QList<qint64> { 2, 4, 6, 8, 10, 12 };
    QTest::addRow("genotype K5E6,k5e6") << 4 << QList<qint64> { 5 };
    QTest::addRow("genotype cifar") << 5 << QList<qint64> { 7 };
    QTest::addRow("run 2") << 6 << QList<qint64> { 7, 8, 9, 10, 12 };
    QTest::addRow("front, run 1, accuracy >= 80 %%") << 7 << QList<qint64> { 2, 3 };
}

void TestCandidateTable::filtersKeepTheRowsComputedByHand()
{
    QFETCH(int, filter);
    QFETCH(QList<qint64>, expected);
    CandidateTableModel model;
    CandidateFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendCandidates(fixture());
    switch (filter) {
    case 0:
        proxy.setFrontOnly(true);
        break;
    case 1:
        proxy.setMinAccuracy(0.85);
        break;
    case 2:
        proxy.setFpsRange(10, 100);
        break;
    case 3:
        proxy.setMaxEnergyUj(100);
        break;
    case 4:
        proxy.setGenotypeFilter(QStringLiteral("K5E6,k5e6"));
        break;
    case 5:
        proxy.setGenotypeFilter(QStringLiteral("cifar"));
        break;
    case 6:
        proxy.setVisibleRuns({ 2 });
        break;
    case 7:
        proxy.setFrontOnly(true);
        proxy.setVisibleRuns({ 1 });
        proxy.setMinAccuracy(0.80);
        break;
    }
    QCOMPARE(sorted(proxyIds(proxy)), expected);
}

void TestCandidateTable::tableSelectionGoesToSharedSelection()
{
    CandidateTableView view;
    CandidateSelection selection;
    view.setSelectionModel(&selection);
    view.model()->appendCandidates(fixture());
    view.proxy()->sort(CandidateTableModel::FpsColumn, Qt::AscendingOrder); // 8, 1, 12, 2, 9, ...
    QSignalSpy spy(&selection, &CandidateSelection::changed);

    // A click on the third row, then Ctrl+click on the fifth.
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.tableView();
    auto clickRow = [table](int row, Qt::KeyboardModifiers mods) {
        const QRect cell = table->visualRect(table->model()->index(row, CandidateTableModel::GenotypeColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, mods, cell.center());
    };
    clickRow(2, Qt::NoModifier);
    QCOMPARE(selection.ids(), (QList<qint64> { 12 }));
    clickRow(4, Qt::ControlModifier);
    QCOMPARE(selection.ids(), (QList<qint64> { 12, 9 }));
    QCOMPARE(selection.current(), 9);
    QCOMPARE(spy.count(), 2); // one change per click, no echo back from the table
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
}

void TestCandidateTable::sharedSelectionSelectsTableRows()
{
    CandidateTableView view;
    CandidateSelection selection;
    view.setSelectionModel(&selection);
    view.model()->appendCandidates(fixture());
    view.proxy()->sort(CandidateTableModel::AccuracyColumn, Qt::DescendingOrder); // 9, 7, 3, 6, 12, 2, ...
    QSignalSpy spy(&selection, &CandidateSelection::changed);

    selection.select({ 2, 7 });
    QCOMPARE(spy.count(), 1);
    QCOMPARE(selection.ids(), (QList<qint64> { 2, 7 })); // the table did not rewrite it
    QList<int> rows;
    for (const QModelIndex& index : view.tableView()->selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, (QList<int> { 1, 5 })); // 7 is second by accuracy, 2 sixth
    QCOMPARE(view.tableView()->currentIndex().row(), 1); // current() = 7

    selection.clear();
    QVERIFY(view.tableView()->selectionModel()->selectedRows().isEmpty());
}

void TestCandidateTable::filteringDoesNotDropTheSharedSelection()
{
    CandidateTableView view;
    CandidateSelection selection;
    view.setSelectionModel(&selection);
    view.model()->appendCandidates(fixture());
    selection.select({ 1, 2 }); // 1 is not on the front, 2 is
    view.proxy()->setFrontOnly(true);
    QCOMPARE(selection.ids(), (QList<qint64> { 1, 2 }));
    QCOMPARE(view.tableView()->selectionModel()->selectedRows().size(), 1);
    view.proxy()->setFrontOnly(false);
    QCOMPARE(view.tableView()->selectionModel()->selectedRows().size(), 2); // 1 is back, and selected again
    view.model()->removeRun(1);
    QCOMPARE(selection.ids(), (QList<qint64> { 1, 2 }));
}

void TestCandidateTable::doubleClickActivates()
{
    CandidateTableView view;
    view.model()->appendCandidates(fixture());
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &CandidateTableView::activated);
    QTableView* table = view.tableView();
    const QRect cell = table->visualRect(table->model()->index(3, CandidateTableModel::FpsColumn));
    // A double-click follows a press on the same cell, as with a real mouse.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), 4); // sorted by id: the fourth row is candidate 4
}

void TestCandidateTable::comparedNumbersFitTheFirstStartWidth()
{
    // The main window gives the candidates dock 500 px on first start (a 1366 x 768 screen leaves it no more): the
    // accuracy, the retrained accuracy and FPS are in view there without scrolling, the wide accuracy kind and
    // genotype after them.
    CandidateTableView view;
    auto candidates = fixture();
    candidates.push_back(rec(13, 2, 0.87, 195312.5, 18.0, true)); // a real front's frame rate, bold
    view.model()->appendCandidates(candidates);
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.tableView();
    QCOMPARE(table->horizontalScrollBar()->value(), 0);
    const int visible = table->viewport()->width();
    for (int column :
        { CandidateTableModel::AccuracyColumn, CandidateTableModel::RetrainedColumn, CandidateTableModel::FpsColumn }) {
        const int right = table->columnViewportPosition(column) + table->columnWidth(column);
        QVERIFY2(right <= visible,
            qPrintable(QStringLiteral("column %1 ends at %2 px of %3").arg(column).arg(right).arg(visible)));
    }
    // Every frame rate is shown whole, not elided: its text (bold, as on the front) and the cell's margins fit.
    QFont bold = table->font();
    bold.setBold(true);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString text = table->model()->index(row, CandidateTableModel::FpsColumn).data().toString();
        QVERIFY2(QFontMetrics(bold).horizontalAdvance(text) + 8 <= table->columnWidth(CandidateTableModel::FpsColumn),
            qPrintable(text));
    }
    const QHeaderView* header = table->horizontalHeader();
    QVERIFY(header->visualIndex(CandidateTableModel::AccuracyKindColumn)
        > header->visualIndex(CandidateTableModel::FpsColumn));
    QCOMPARE(header->visualIndex(CandidateTableModel::GenotypeColumn), CandidateTableModel::ColumnCount - 1);
}

void TestCandidateTable::csvHasTheVisibleRowsWithRawValues()
{
    CandidateTableView view;
    auto all = fixture();
    all[2].genotype = "fmnist:a \"quoted\", comma"; // forces RFC 4180 quoting
    view.model()->appendCandidates(all);
    view.proxy()->setMinAccuracy(0.85); // 2, 3, 6, 7, 9, 12
    view.tableView()->sortByColumn(CandidateTableModel::FpsColumn, Qt::DescendingOrder); // 3, 6, 7, 9, 2, 12
    view.tableView()->horizontalHeader()->hideSection(CandidateTableModel::DspColumn);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("candidates.csv"));
    QString error;
    QVERIFY2(view.writeCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = dna::testing::parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 1 + 6);
    const QStringList header = rows[0];
    QCOMPARE(header,
        QString::fromLatin1("run,id,epoch,accuracy,retrained_accuracy,fps,latency_ms,energy_uj,edp,"
                            "bram18,area_mm2,on_front,accuracy_kind,genotype")
            .split(QLatin1Char(',')));
    QList<qint64> ids;
    for (int r = 1; r < rows.size(); ++r) {
        const QStringList& f = rows[r];
        QCOMPARE(f.size(), header.size());
        const qint64 id = f[1].toLongLong();
        ids.append(id);
        const CandidateRecord& c = all[size_t(id - 1)];
        QCOMPARE(f[0].toLongLong(), c.runId);
        QCOMPARE(f[2].toInt(), c.epoch);
        QCOMPARE(f[13], QString::fromStdString(c.genotype)); // the genotype is the table's last column
        QCOMPARE(f[3].toDouble(), c.accuracy); // exact: raw, shortest round-trip text
        QCOMPARE(f[4], QString()); // not trained from scratch
        QCOMPARE(f[5].toDouble(), c.fps);
        QCOMPARE(f[6].toDouble(), c.latencyMs);
        QCOMPARE(f[7].toDouble(), c.energyUj);
        QCOMPARE(f[8].toDouble(), c.edp);
        QCOMPARE(f[9].toLongLong(), c.bram18);
        QCOMPARE(f[10].toDouble(), c.areaMm2);
        QCOMPARE(f[11], c.onFront ? QStringLiteral("1") : QStringLiteral("0"));
        QCOMPARE(f[12], QString::fromStdString(c.accuracyKind)); // the wide kind just before the genotype
    }
    QCOMPARE(ids, (QList<qint64> { 3, 6, 7, 9, 2, 12 }));
    // Every column of the table is a column of core's CSV, so the two never drift apart.
    for (int column = 0; column < CandidateTableModel::ColumnCount; ++column) {
        QVERIFY2(dna::store::candidateColumn(CandidateTableModel::csvKey(column).toStdString()),
            qPrintable(CandidateTableModel::csvKey(column)));
    }

    QVERIFY(!view.writeCsv(dir.filePath(QStringLiteral("no/such/folder/x.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("no/such/folder")));
}

void TestCandidateTable::manyRowsStayUsable()
{
    // 50k rows arriving in 100 batches with a sorted, filtered view and a selection: must complete (no timing
    // assert) and end with every row in place.
    CandidateTableView view;
    CandidateSelection selection;
    view.setSelectionModel(&selection);
    view.tableView()->sortByColumn(CandidateTableModel::FpsColumn, Qt::DescendingOrder);
    view.proxy()->setMinAccuracy(0.5);
    qint64 id = 1;
    for (int batch = 0; batch < 100; ++batch) {
        std::vector<CandidateRecord> records;
        for (int i = 0; i < 500; ++i, ++id) {
            records.push_back(rec(id, 1 + batch % 3, double(id % 100) / 100.0, 1.0 + double(id % 997), 10.0));
        }
        view.model()->appendCandidates(records);
        if (batch == 10) {
            selection.select({ 77, 5050 });
        }
    }
    QCOMPARE(view.model()->rowCount(), 50000);
    QCOMPARE(view.proxy()->rowCount(), 25000); // id % 100 in 50..99
    QCOMPARE(selection.ids(), (QList<qint64> { 77, 5050 }));
    QCOMPARE(view.tableView()->selectionModel()->selectedRows().size(), 2);
    QCOMPARE(view.tableView()->currentIndex().data(CandidateTableModel::IdRole).toLongLong(), 5050);

    if (const QString dir = qEnvironmentVariable("DNA_SCREENSHOT_DIR"); !dir.isEmpty()) {
        CandidateTableView shot;
        std::vector<CandidateRecord> records;
        const char* ops[] = { "k3e1", "k3e3", "k3e6", "k5e1", "k5e3", "k5e6", "skip" };
        for (qint64 i = 1; i <= 50; ++i) {
            std::string genotype = "fmnist:";
            for (int layer = 0; layer < 8; ++layer) {
                genotype += std::string(layer ? "," : "") + ops[(i * 7 + layer * (i % 5 + 1)) % 7];
            }
            auto c = rec(100 + i, 1 + i / 25, 0.70 + 0.005 * double((i * 37) % 50), 5.0 + double((i * 53) % 400) * 1.7,
                5.0 + double((i * 29) % 90) * 3.3, i % 7 == 0, genotype.c_str());
            c.valid = i % 13 != 0;
            records.push_back(c);
        }
        shot.model()->appendCandidates(records);
        shot.resize(1440, 560);
        shot.tableView()->selectRow(3);
        shot.tableView()->selectionModel()->select(
            shot.proxy()->index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        shot.grab().save(dir + QStringLiteral("/table.png"));
    }
}

void TestCandidateTable::proxyMatchesABruteForceOrderUnderRandomChanges_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 6; ++seed) {
        QTest::addRow("seed %d", seed) << seed;
    }
}

void TestCandidateTable::proxyMatchesABruteForceOrderUnderRandomChanges()
{
    // Appends, re-estimates, front changes, removed runs, filters and sorts in random order; after each, the table
    // must list exactly what filtering every row and stable-sorting by the column's raw value gives (computed here
    // from the records, not through the proxy), and the table's selection must be the shared one's shown rows.
    QFETCH(int, seed);
    std::mt19937 rng { unsigned(seed) };
    auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    CandidateTableView view;
    CandidateSelection selection;
    view.setSelectionModel(&selection);
    QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    CandidateTableModel* model = view.model();
    CandidateFilterProxy* proxy = view.proxy();
    qint64 nextId = 1;
    double minAccuracy = -1;
    bool frontOnly = false;
    QSet<qint64> runs;
    int sortColumn = CandidateTableModel::IdColumn;
    Qt::SortOrder order = Qt::AscendingOrder;

    auto expected = [&] {
        std::vector<int> rows;
        for (int r = 0; r < model->rowCount(); ++r) {
            const CandidateRecord& c = model->record(r);
            if (c.accuracy >= minAccuracy && (!frontOnly || c.onFront) && (runs.isEmpty() || runs.contains(c.runId))) {
                rows.push_back(r);
            }
        }
        auto key = [&](int r) { return CandidateTableModel::rawValue(model->record(r), sortColumn); };
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            const QVariant ka = key(a);
            const QVariant kb = key(b);
            if (ka.typeId() == QMetaType::QString) {
                return order == Qt::AscendingOrder ? ka.toString() < kb.toString() : kb.toString() < ka.toString();
            }
            // An empty retrained accuracy (not trained) counts as lowest.
            const double da = ka.isValid() ? ka.toDouble() : -1e300;
            const double db = kb.isValid() ? kb.toDouble() : -1e300;
            return order == Qt::AscendingOrder ? da < db : db < da;
        });
        QList<qint64> ids;
        for (int r : rows) {
            ids.append(model->record(r).id);
        }
        return ids;
    };
    auto selectedIds = [&] {
        QList<qint64> ids;
        for (const QModelIndex& i : view.tableView()->selectionModel()->selectedRows()) {
            ids.append(i.data(CandidateTableModel::IdRole).toLongLong());
        }
        return sorted(ids);
    };

    for (int step = 0; step < 300; ++step) {
        const int op = uniform(0, 99);
        std::vector<qint64> ids;
        for (int r = 0; r < model->rowCount(); ++r) {
            ids.push_back(model->record(r).id);
        }
        auto someIds = [&](int count) {
            QList<qint64> some;
            for (int i = 0; i < count && !ids.empty(); ++i) {
                some.append(ids[size_t(uniform(0, int(ids.size()) - 1))]);
            }
            return some;
        };
        if (op < 40 || ids.empty()) { // a batch arrives; values on a coarse grid, so ties are common
            std::vector<CandidateRecord> batch;
            const int count = uniform(1, 40);
            for (int i = 0; i < count; ++i) {
                auto c = rec(nextId++, uniform(1, 4), 0.5 + 0.05 * uniform(0, 9), 10.0 * uniform(1, 20),
                    5.0 * uniform(1, 20), uniform(0, 3) == 0);
                c.retrainedAccuracy = uniform(0, 4) == 0 ? 0.8 + 0.01 * uniform(0, 9) : -1;
                batch.push_back(c);
            }
            model->appendCandidates(batch);
        } else if (op < 55) { // re-estimates
            std::vector<dna::store::EstimateRecord> estimates;
            for (qint64 id : someIds(uniform(1, 30))) {
                dna::store::EstimateRecord e;
                e.candidateId = id;
                e.accuracy = 0.5 + 0.05 * uniform(0, 9);
                e.kind = "supernet";
                e.epoch = uniform(0, 8);
                estimates.push_back(e);
            }
            model->updateEstimates(estimates);
        } else if (op < 65) { // a run's front moves
            const QList<qint64> front = someIds(uniform(0, 20));
            model->setFront(uniform(1, 4), QSet<qint64>(front.begin(), front.end()));
        } else if (op < 68) {
            model->removeRun(uniform(1, 4));
        } else if (op < 76) {
            minAccuracy = uniform(0, 2) == 0 ? -1 : 0.5 + 0.05 * uniform(0, 9);
            proxy->setMinAccuracy(minAccuracy);
        } else if (op < 80) {
            frontOnly = !frontOnly;
            proxy->setFrontOnly(frontOnly);
        } else if (op < 84) {
            runs.clear();
            for (int run = 1; run <= 4; ++run) {
                if (uniform(0, 1)) {
                    runs.insert(run);
                }
            }
            proxy->setVisibleRuns(runs);
        } else if (op < 94) {
            sortColumn = uniform(0, CandidateTableModel::ColumnCount - 1);
            order = uniform(0, 1) ? Qt::AscendingOrder : Qt::DescendingOrder;
            view.tableView()->sortByColumn(sortColumn, order);
        } else {
            selection.select(someIds(uniform(0, 5)));
        }
        const QList<qint64> want = expected();
        QVERIFY2(proxyIds(*proxy) == want,
            qPrintable(QStringLiteral("step %1, change %2, sorted by column %3").arg(step).arg(op).arg(sortColumn)));
        QList<qint64> wanted;
        const QList<qint64> shownIds = proxyIds(*proxy);
        const QSet<qint64> shown(shownIds.begin(), shownIds.end());
        for (qint64 id : selection.ids()) {
            if (shown.contains(id) && !wanted.contains(id)) {
                wanted.append(id);
            }
        }
        QCOMPARE(selectedIds(), sorted(wanted));
        for (int r = 0; r < proxy->rowCount(); r += 7) {
            const QModelIndex p = proxy->index(r, CandidateTableModel::FpsColumn);
            QCOMPARE(proxy->mapFromSource(proxy->mapToSource(p)), p);
        }
    }
}

QTEST_MAIN(TestCandidateTable)
#include "tst_candidate_table.moc"
