#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "cosearch/store_recorder.h"
#include "io/json_io.h"
#include "io/timeloop_export.h"
#include "layer_mapping_model.h"
#include "mapping_inspector.h"

#include <qcustomplot.h>

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QTabWidget>
#include <QtTest>

using dna::widgets::LayerMappingModel;
using dna::widgets::MappingInspector;
using namespace dna;

namespace {

// fmnist genotype with expand, depthwise and skip layers (k3e3, k5e6, skip, k3e1, k5e3, skip, k3e6, k5e1).
const std::vector<int> kOps { 1, 5, 6, 0, 4, 6, 2, 3 };

accel::Design fmnistDesign(const std::vector<int>& ops, const char* dataflow)
{
    auto net = workload::networkFromOps("fmnist", ops);
    if (!net) {
        qFatal("fmnist network: %s", net.error().detail.c_str());
    }
    const accel::Platform* zc706 = accel::findPlatform("zc706");
    return accel::heuristicDesign(net.value(), *zc706, accel::dataflowIndex(dataflow), 1);
}

store::CandidateRecord record(const accel::Design& d, int64_t id)
{
    const accel::DesignCost cost = accel::evaluateDesign(d);
    store::CandidateRecord c;
    c.id = id;
    c.genotype = d.network.label();
    c.fps = cost.fps;
    c.latencyMs = cost.latencyMs;
    c.energyUj = cost.energyUj;
    c.designJson = io::designToJson(d, &cost).dump();
    return c;
}

// One loop of a nest: level (DRAM, GB, SY spatial rows, SX spatial columns, RF), dimension letter, trip count.
using Loop = std::tuple<QString, QChar, int>;

QList<Loop> expectedLoops(const accel::Mapping& m)
{
    QList<Loop> loops;
    const std::pair<QString, const std::array<int, workload::kDims>*> levels[] = { { QStringLiteral("DRAM"), &m.dram },
        { QStringLiteral("GB"), &m.gb }, { QStringLiteral("SY"), &m.spatialRow },
        { QStringLiteral("SX"), &m.spatialCol }, { QStringLiteral("RF"), &m.rf } };
    for (const auto& [level, factors] : levels) {
        for (int d = 0; d < workload::kDims; ++d) {
            if ((*factors)[size_t(d)] > 1) {
                loops << Loop { level, QLatin1Char(workload::kDimNames[size_t(d)]), (*factors)[size_t(d)] };
            }
        }
    }
    std::sort(loops.begin(), loops.end());
    return loops;
}

QList<Loop> parsedLoops(const QString& text)
{
    static const QRegularExpression loopLine(
        QStringLiteral(R"(^\|\s+for (\w) in \[0:(\d+)\)(?: \(Spatial-([XY])\))?$)"));
    QList<Loop> loops;
    QString level;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QStringLiteral("DRAM "))) {
            level = QStringLiteral("DRAM");
        } else if (line.startsWith(QStringLiteral("GlobalBuffer "))) {
            level = QStringLiteral("GB");
        } else if (line.startsWith(QStringLiteral("RegisterFile "))) {
            level = QStringLiteral("RF");
        } else if (const auto match = loopLine.match(line); match.hasMatch()) {
            const QString spatial = match.captured(3);
            loops << Loop { spatial.isEmpty() ? level : QStringLiteral("S") + spatial, match.captured(1).at(0),
                match.captured(2).toInt() };
        } else if (!line.contains(QStringLiteral("<< Compute >>"))) {
            qWarning() << "unexpected loop-nest line" << line;
            loops << Loop { QStringLiteral("?"), QLatin1Char('?'), 0 };
        }
    }
    std::sort(loops.begin(), loops.end());
    return loops;
}

QTabWidget* tabsOf(MappingInspector& inspector) { return inspector.findChild<QTabWidget*>(); }

} // namespace

class TestMappingInspector : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_design = fmnistDesign(kOps, "rs");
        m_cost = accel::evaluateDesign(m_design);
        QVERIFY2(m_cost.valid(), m_cost.invalidDetail.c_str());
    }

    void emptyStateShowsHint()
    {
        MappingInspector inspector;
        QCOMPARE(inspector.layerModel()->rowCount(), 0);
        QCOMPARE(inspector.placeholderText(), QStringLiteral("Select a candidate to see how each layer is mapped"));
        QCOMPARE(inspector.selectedLayer(), -1);
        QVERIFY(inspector.errorText().isEmpty());
    }

    void candidateFillsOneRowPerLayer()
    {
        MappingInspector inspector;
        QAbstractItemModelTester tester(inspector.layerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        QVERIFY2(inspector.setCandidate(record(m_design, 7), &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        // The network straight from the genotype, not through the design file.
        const auto net = workload::networkFromOps("fmnist", kOps).value();
        const LayerMappingModel* model = inspector.layerModel();
        QCOMPARE(model->rowCount(), int(net.layers.size()));
        for (int i = 0; i < model->rowCount(); ++i) {
            QCOMPARE(model->index(i, LayerMappingModel::Name).data().toString(),
                QString::fromStdString(net.layers[size_t(i)].name));
        }
        // A depthwise layer is typed as such and shows its channel count as G.
        const auto dw = std::find_if(net.layers.begin(), net.layers.end(),
            [](const workload::Layer& l) { return l.type == workload::LayerType::Depthwise; });
        QVERIFY(dw != net.layers.end());
        const int dwRow = int(dw - net.layers.begin());
        QCOMPARE(model->index(dwRow, LayerMappingModel::Type).data().toString(), QStringLiteral("depthwise"));
        QVERIFY(model->index(dwRow, LayerMappingModel::Shape)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("G%1 ").arg(dw->dims[workload::G])));
        // Latency shares add up to the whole network.
        double share = 0;
        for (int i = 0; i < model->rowCount(); ++i) {
            share += model->index(i, LayerMappingModel::LatencyShare).data(LayerMappingModel::SortRole).toDouble();
        }
        QCOMPARE(share, 100.0);
        QCOMPARE(inspector.selectedLayer(), 0);
        inspector.clear();
        QCOMPARE(model->rowCount(), 0);
    }

    void loopNestListsNonUnitLoops_data()
    {
        QTest::addColumn<int>("layer");
        for (size_t i = 0; i < m_design.network.layers.size(); ++i) {
            QTest::addRow("%s", m_design.network.layers[i].name.c_str()) << int(i);
        }
    }

    void loopNestListsNonUnitLoops()
    {
        QFETCH(int, layer);
        MappingInspector inspector;
        inspector.setDesign(m_design, QStringLiteral("test"));
        inspector.selectLayer(layer);
        QCOMPARE(inspector.selectedLayer(), layer);
        const QList<Loop> expected = expectedLoops(m_design.mappings[size_t(layer)]);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(parsedLoops(inspector.loopNestText()), expected);
    }

    void loopNestCoversSpatialLoops()
    {
        // Some layer of the design must unroll over both rows and columns, or the test above proves little.
        bool rows = false, cols = false;
        for (const auto& m : m_design.mappings) {
            rows = rows || *std::max_element(m.spatialRow.begin(), m.spatialRow.end()) > 1;
            cols = cols || *std::max_element(m.spatialCol.begin(), m.spatialCol.end()) > 1;
        }
        QVERIFY(rows);
        QVERIFY(cols);
    }

    void energyStacksSumToLayerEnergy()
    {
        MappingInspector inspector;
        inspector.setDesign(m_design, QStringLiteral("test"));
        const QList<QCPBars*> stack = inspector.energyBars();
        QCOMPARE(stack.size(), 5);
        const double scale = inspector.layerModel()->energyScalePj();
        for (size_t i = 0; i < m_cost.layers.size(); ++i) {
            double sum = 0;
            for (QCPBars* bars : stack) {
                QCOMPARE(bars->data()->size(), int(m_cost.layers.size()));
                QCOMPARE(bars->data()->at(int(i))->key, double(i));
                sum += bars->data()->at(int(i))->value;
            }
            const double total = m_cost.layers[i].energyPj.total();
            QVERIFY2(std::abs(sum * scale - total) <= 1e-9 * total, qPrintable(QString::number(i)));
            // The top of the stack is DRAM.
            QVERIFY(
                std::abs(stack[4]->data()->at(int(i))->value * scale - m_cost.layers[i].energyPj.dram) <= 1e-9 * total);
        }
        // Stacked, not overlapping: each segment sits on the one below.
        for (int c = 1; c < stack.size(); ++c) {
            QCOMPARE(stack[c]->barBelow(), stack[c - 1]);
        }
    }

    void latencyBarsShowCyclesByBound()
    {
        MappingInspector inspector;
        inspector.setDesign(m_design, QStringLiteral("test"));
        const QList<QCPBars*> series = inspector.latencyBars();
        QCOMPARE(series.size(), 3);
        // Every layer has exactly one bar, in the series of its bound, as tall as its cycles at the clock.
        const double clockHz = m_design.platform.clockMhz * 1e6;
        QMap<int, std::pair<int, double>> bars; // layer -> (series, ms)
        for (int b = 0; b < series.size(); ++b) {
            for (auto it = series[b]->data()->constBegin(); it != series[b]->data()->constEnd(); ++it) {
                QVERIFY(!bars.contains(int(it->key)));
                bars.insert(int(it->key), { b, it->value * inspector.latencyUnitMs() });
            }
        }
        QCOMPARE(bars.size(), int(m_cost.layers.size()));
        for (size_t i = 0; i < m_cost.layers.size(); ++i) {
            QCOMPARE(bars[int(i)].first, int(m_cost.layers[i].bound));
            QCOMPARE(bars[int(i)].second, m_cost.layers[i].cycles / clockHz * 1e3);
        }
    }

    void storedFiguresThatDifferAreNoted()
    {
        cosearch::CandidateEvent ev;
        ev.design = m_design;
        ev.cost = accel::evaluateDesign(m_design);
        const auto stored = cosearch::layerMappingRecords(ev); // what the store records for this candidate
        MappingInspector inspector;
        QVERIFY(inspector.setCandidate(record(m_design, 7), nullptr, stored));
        QCOMPARE(inspector.storedNoteText(), QString());
        // A store written when the cost model gave layer 1 other cycles: the note names the layer and the figure.
        auto older = stored;
        older[1].cycles += 100;
        QVERIFY(inspector.setCandidate(record(m_design, 7), nullptr, older));
        QVERIFY2(inspector.storedNoteText().contains(QStringLiteral("layer 1 (%1): cycles stored %2")
                                                         .arg(QString::fromStdString(m_design.network.layers[1].name))
                                                         .arg(stored[1].cycles + 100)),
            qPrintable(inspector.storedNoteText()));
        // Another candidate, or none, drops the note.
        QVERIFY(inspector.setCandidate(record(m_design, 8)));
        QCOMPARE(inspector.storedNoteText(), QString());
        QVERIFY(inspector.setCandidate(record(m_design, 7), nullptr, older));
        inspector.clear();
        QCOMPARE(inspector.storedNoteText(), QString());
    }

    void malformedDesignShowsInlineError_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("not json") << QStringLiteral("{\"network\": ") << QStringLiteral("not valid JSON");
        io::Json j = io::designToJson(m_design, nullptr);
        j.erase("mappings");
        QTest::addRow("no mappings") << QString::fromStdString(j.dump()) << QStringLiteral("mappings");
        j = io::designToJson(m_design, nullptr);
        j["mappings"].erase(0);
        QTest::addRow("one mapping short")
            << QString::fromStdString(j.dump()) << QStringLiteral("one mapping per layer");
    }

    void malformedDesignShowsInlineError()
    {
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        MappingInspector inspector;
        QAbstractItemModelTester tester(inspector.layerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspector.setDesign(m_design, QStringLiteral("good"));
        QVERIFY(inspector.layerModel()->rowCount() > 0);
        store::CandidateRecord bad;
        bad.id = 42;
        bad.designJson = json.toStdString();
        QString error;
        QVERIFY(!inspector.setCandidate(bad, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("42")));
        QCOMPARE(inspector.errorText(), error);
        QCOMPARE(inspector.layerModel()->rowCount(), 0);
        QVERIFY(inspector.loopNestText().isEmpty());
    }

    void clickingABarSelectsItsLayer()
    {
        MappingInspector inspector;
        inspector.resize(520, 900);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.setDesign(m_design, QStringLiteral("test"));
        QTabWidget* tabs = tabsOf(inspector);
        QVERIFY(tabs);
        QSignalSpy selected(&inspector, &MappingInspector::layerSelected);
        for (QCustomPlot* plot : { inspector.energyPlot(), inspector.latencyPlot() }) {
            tabs->setCurrentWidget(plot);
            plot->replot();
            const int layer = int(m_design.network.layers.size()) - 2;
            const QPoint at(int(plot->xAxis->coordToPixel(layer)), plot->axisRect()->bottom() - 3);
            QTest::mouseClick(plot, Qt::LeftButton, {}, at);
            QCOMPARE(inspector.selectedLayer(), layer);
            QCOMPARE(selected.last().at(0).toInt(), layer);
            QCOMPARE(inspector.loopNestText(), QString::fromStdString(io::loopNestText(m_design, size_t(layer))));
            inspector.selectLayer(0);
        }
    }

    void sortingKeepsSelectionOnTheLayer()
    {
        MappingInspector inspector;
        inspector.setDesign(m_design, QStringLiteral("test"));
        auto* table = inspector.findChild<QTableView*>();
        QVERIFY(table);
        inspector.selectLayer(3);
        table->sortByColumn(LayerMappingModel::Cycles, Qt::DescendingOrder);
        QCOMPARE(inspector.selectedLayer(), 3);
        // Sorted by the number, not the text: the first row has the most cycles.
        const auto first = table->model()->index(0, LayerMappingModel::Cycles).data(LayerMappingModel::SortRole);
        double most = 0;
        for (const auto& lc : m_cost.layers) {
            most = std::max(most, lc.cycles);
        }
        QCOMPARE(first.toDouble(), most);
    }

    void multiEngineDesignShowsEachLayersEngine()
    {
        // Two chunks with separate depthwise engines, pipelined: four engines of different shapes and dataflows.
        accel::Design d = m_design;
        d.accelerator.arch = accel::MicroArch::Pipelined;
        d.accelerator.separateDepthwise = true;
        d.accelerator.chunkStarts = { 0, 10 };
        accel::Engine standard = m_design.accelerator.engines[0];
        standard.rows = 16;
        standard.cols = 16;
        accel::Engine depthwise = standard;
        depthwise.rows = 8;
        depthwise.cols = 12;
        depthwise.dataflow = accel::dataflowIndex("os");
        d.accelerator.engines = { standard, depthwise, standard, depthwise };
        const std::vector<int> engineOf = d.accelerator.assignEngines(d.network);
        for (size_t i = 0; i < d.network.layers.size(); ++i) {
            d.mappings[i] = accel::heuristicMapping(d.network.layers[i], d.accelerator.engines[size_t(engineOf[i])],
                d.platform, d.accelerator.doubleBuffer);
        }
        MappingInspector inspector;
        inspector.setDesign(d, QStringLiteral("four engines"));
        const LayerMappingModel* model = inspector.layerModel();
        for (size_t i = 0; i < d.network.layers.size(); ++i) {
            const int e = engineOf[i];
            QCOMPARE(model->index(int(i), LayerMappingModel::Engine).data().toString(),
                QStringLiteral("E%1 · chunk %2").arg(e).arg(e / 2));
            QCOMPARE(model->index(int(i), LayerMappingModel::Dataflow).data().toString(),
                d.network.layers[i].type == workload::LayerType::Depthwise ? QStringLiteral("os")
                                                                           : QStringLiteral("rs"));
        }
        auto* table = inspector.findChild<QTableView*>();
        QVERIFY(!table->isColumnHidden(LayerMappingModel::Engine));
        QVERIFY(inspector.summaryText().contains(QStringLiteral("8×12 PEs")));
        QVERIFY(inspector.summaryText().contains(QStringLiteral("<b>E3</b>")));
        const QString dir = qEnvironmentVariable("DNA_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            inspector.resize(520, 900);
            inspector.show();
            QVERIFY(QTest::qWaitForWindowExposed(&inspector));
            QVERIFY(inspector.grab().save(dir + QStringLiteral("/inspector_engines.png")));
        }
    }

    void asicDesignShowsAreaAgainstBudget()
    {
        const auto net = workload::networkFromOps("fmnist", kOps).value();
        const accel::Platform* eyeriss = accel::findPlatform("eyeriss");
        QVERIFY(eyeriss);
        QCOMPARE(eyeriss->target, accel::Target::Asic);
        MappingInspector inspector;
        inspector.setDesign(
            accel::heuristicDesign(net, *eyeriss, accel::dataflowIndex("rs"), 1), QStringLiteral("asic"));
        QVERIFY2(inspector.summaryText().contains(QStringLiteral("Area ")), qPrintable(inspector.summaryText()));
        QVERIFY(!inspector.summaryText().contains(QStringLiteral("DSP")));
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("DNA_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            QSKIP("set DNA_SCREENSHOT_DIR to write screenshots");
        }
        MappingInspector inspector;
        inspector.resize(520, 900);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QVERIFY(inspector.setCandidate(record(m_design, 7)));
        inspector.selectLayer(4);
        QTabWidget* tabs = tabsOf(inspector);
        const QStringList names { QStringLiteral("layers"), QStringLiteral("energy"), QStringLiteral("latency") };
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QCoreApplication::processEvents();
            QVERIFY(inspector.grab().save(dir + QStringLiteral("/inspector_%1.png").arg(names[t])));
        }
    }

private:
    accel::Design m_design;
    accel::DesignCost m_cost;
};

QTEST_MAIN(TestMappingInspector)
#include "tst_mapping_inspector.moc"
