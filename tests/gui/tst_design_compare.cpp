#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "design_compare.h"
#include "io/json_io.h"

#include <qcustomplot.h>

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QtTest>

#include <map>

using dna::widgets::DesignCompare;
using namespace dna;

namespace {

accel::Design fmnistDesign(const std::vector<int>& ops, const char* dataflow)
{
    auto net = workload::networkFromOps("fmnist", ops);
    if (!net) {
        qFatal("fmnist network: %s", net.error().detail.c_str());
    }
    return accel::heuristicDesign(net.value(), *accel::findPlatform("zc706"), accel::dataflowIndex(dataflow), 1);
}

store::CandidateRecord record(const accel::Design& d, int64_t id)
{
    const accel::DesignCost cost = accel::evaluateDesign(d);
    store::CandidateRecord c;
    c.id = id;
    c.genotype = d.network.label();
    c.designJson = io::designToJson(d, &cost).dump();
    return c;
}

double cell(const QStandardItemModel* model, int row, int column)
{
    return model->index(row, column).data(DesignCompare::SortRole).toDouble();
}

bool relativelyEqual(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); }

} // namespace

class TestDesignCompare : public QObject {
    Q_OBJECT

private slots:
    void emptyStateShowsHint()
    {
        DesignCompare compare;
        QCOMPARE(compare.tableModel()->rowCount(), 0);
        QVERIFY(!compare.placeholderText().isEmpty());
        QVERIFY(compare.errorText().isEmpty());
    }

    void ratiosAreBOverA_data()
    {
        QTest::addColumn<QString>("dataflowA");
        QTest::addColumn<QString>("dataflowB");
        QTest::addRow("rs vs ws") << QStringLiteral("rs") << QStringLiteral("ws");
        QTest::addRow("os vs rs") << QStringLiteral("os") << QStringLiteral("rs");
    }

    void ratiosAreBOverA()
    {
        QFETCH(QString, dataflowA);
        QFETCH(QString, dataflowB);
        const std::vector<int> ops { 1, 5, 6, 0, 4, 6, 2, 3 };
        const accel::Design a = fmnistDesign(ops, qPrintable(dataflowA));
        const accel::Design b = fmnistDesign(ops, qPrintable(dataflowB));
        DesignCompare compare;
        QAbstractItemModelTester tester(compare.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        QVERIFY2(compare.setDesigns(record(a, 1), record(b, 2), &error), qPrintable(error));

        const accel::DesignCost ca = accel::evaluateDesign(a);
        const accel::DesignCost cb = accel::evaluateDesign(b);
        const QStandardItemModel* model = compare.tableModel();
        const int layers = int(a.network.layers.size());
        QCOMPARE(model->rowCount(), layers + 1); // + total
        bool someRatioDiffers = false;
        for (int i = 0; i < layers; ++i) {
            const auto& la = ca.layers[size_t(i)];
            const auto& lb = cb.layers[size_t(i)];
            // Same platform, so the latency ratio is the cycle ratio; energies are per inference at batch 1.
            QVERIFY(relativelyEqual(cell(model, i, DesignCompare::LatencyRatio), lb.cycles / la.cycles));
            QVERIFY(
                relativelyEqual(cell(model, i, DesignCompare::EnergyRatio), lb.energyPj.total() / la.energyPj.total()));
            QVERIFY(relativelyEqual(cell(model, i, DesignCompare::EnergyA), la.energyPj.total() * 1e-6));
            QVERIFY(relativelyEqual(cell(model, i, DesignCompare::LatencyB), lb.cycles / 200e6 * 1e3));
            QCOMPARE(model->index(i, DesignCompare::Layer).data(DesignCompare::ShapeDiffersRole).toBool(), false);
            someRatioDiffers = someRatioDiffers || std::abs(cell(model, i, DesignCompare::LatencyRatio) - 1) > 0.01;
        }
        QVERIFY(someRatioDiffers);
        QVERIFY(relativelyEqual(cell(model, layers, DesignCompare::LatencyRatio), cb.latencyMs / ca.latencyMs));
        QVERIFY(relativelyEqual(cell(model, layers, DesignCompare::EnergyRatio), cb.energyUj / ca.energyUj));
        QCOMPARE(model->index(layers, DesignCompare::Layer).data().toString(), QStringLiteral("Total"));
    }

    void differentNetworksMarkShapeChanges()
    {
        // Slot 2 is skip in A and k3e6 in B; every other slot is the same op. So B has A's layers plus
        // layer2.expand/dw/project, and the rows are B's layers in order, matched to A's by name.
        const accel::Design a = fmnistDesign({ 1, 5, 6, 0, 4, 6, 2, 3 }, "rs");
        const accel::Design b = fmnistDesign({ 1, 5, 2, 0, 4, 6, 2, 3 }, "rs");
        DesignCompare compare;
        QAbstractItemModelTester tester(compare.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        compare.setDesigns(a, QStringLiteral("A"), b, QStringLiteral("B"));
        const size_t na = a.network.layers.size();
        const size_t nb = b.network.layers.size();
        QCOMPARE(nb, na + 3);
        std::map<std::string, size_t> inA;
        for (size_t i = 0; i < na; ++i) {
            inA[a.network.layers[i].name] = i;
        }
        const QStandardItemModel* model = compare.tableModel();
        QCOMPARE(model->rowCount(), int(nb) + 1);
        const accel::DesignCost ca = accel::evaluateDesign(a);
        const accel::DesignCost cb = accel::evaluateDesign(b);
        int missing = 0;
        for (size_t i = 0; i < nb; ++i) {
            const auto& lb = b.network.layers[i];
            QCOMPARE(model->index(int(i), DesignCompare::Layer).data().toString().remove(QStringLiteral("≠ ")),
                QString::fromStdString(lb.name));
            const auto found = inA.find(lb.name);
            bool differs = found == inA.end();
            if (!differs) {
                const auto& la = a.network.layers[found->second];
                differs = la.dims != lb.dims || la.type != lb.type || la.strideY != lb.strideY;
                // Matched rows compare the same layer: the ratio is B's cost over A's cost of that layer.
                QVERIFY(relativelyEqual(cell(model, int(i), DesignCompare::EnergyRatio),
                    cb.layers[i].energyPj.total() / ca.layers[found->second].energyPj.total()));
            } else {
                ++missing;
                QVERIFY(lb.name.rfind("layer2.", 0) == 0);
                // Missing in A: no ratio.
                QVERIFY(!model->index(int(i), DesignCompare::LatencyRatio).data(DesignCompare::SortRole).isValid());
            }
            QCOMPARE(
                model->index(int(i), DesignCompare::Layer).data(DesignCompare::ShapeDiffersRole).toBool(), differs);
        }
        QCOMPARE(missing, 3);
        // The bars: A has one per layer of A, B one per layer of B, each at its row.
        QCOMPARE(compare.latencyBars(false)->data()->size(), int(na));
        QCOMPARE(compare.latencyBars(true)->data()->size(), int(nb));
        QCOMPARE(compare.energyBars(false)->data()->size(), int(na));
        QCOMPARE(compare.energyBars(true)->data()->size(), int(nb));
        for (size_t i = 0; i < nb; ++i) {
            QCOMPARE(compare.latencyBars(true)->data()->at(int(i))->key, double(i));
            QVERIFY(relativelyEqual(
                compare.energyBars(true)->data()->at(int(i))->value, cb.layers[i].energyPj.total() * 1e-6));
        }
    }

    void malformedDesignShowsInlineError()
    {
        const accel::Design a = fmnistDesign({ 1, 5, 6, 0, 4, 6, 2, 3 }, "rs");
        DesignCompare compare;
        store::CandidateRecord bad;
        bad.id = 99;
        bad.designJson = "[1, 2";
        QString error;
        QVERIFY(!compare.setDesigns(record(a, 1), bad, &error));
        QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
        QCOMPARE(compare.errorText(), error);
        QCOMPARE(compare.tableModel()->rowCount(), 0);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("DNA_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            QSKIP("set DNA_SCREENSHOT_DIR to write screenshots");
        }
        const accel::Design a = fmnistDesign({ 1, 5, 6, 0, 4, 6, 2, 3 }, "rs");
        const accel::Design b = fmnistDesign({ 1, 5, 2, 0, 4, 6, 2, 3 }, "ws");
        DesignCompare compare;
        compare.resize(760, 900);
        compare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&compare));
        QVERIFY(compare.setDesigns(record(a, 7), record(b, 12)));
        QCoreApplication::processEvents();
        QVERIFY(compare.grab().save(dir + QStringLiteral("/compare.png")));
    }
};

QTEST_MAIN(TestDesignCompare)
#include "tst_design_compare.moc"
