#include "app_identity.h"
#include "candidate_selection.h"
#include "candidate_table.h"
#include "design_compare.h"
#include "layer_mapping_model.h"
#include "main_window.h"
#include "mapping_inspector.h"
#include "pareto_plot.h"
#include "runs_browser.h"
#include "store/run_store.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "accel/platform.h"
#include "io/json_io.h"
#include "workload/network.h"

#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using dna::app::MainWindow;

namespace {

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            colours.insert(image.pixel(x, y));
        }
    }
    return colours.size();
}

QStringList menuTitles(const QMainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions()) {
        titles.append(action->text());
    }
    return titles;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Keep the saved window state away from the user's real settings.
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { QSettings(dna::app::organizationName(), dna::app::applicationName()).clear(); }

    void showsAndRenders()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("DNA Explorer"));

        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 400 && shot.height() > 300);
        QVERIFY2(distinctColours(shot) > 1, "the grabbed window is a single flat colour");

        // The plot itself drew something: axes, labels and the hint on its background.
        auto* plot = window.centralWidget()->findChild<dna::widgets::ParetoPlot*>();
        QVERIFY(plot);
        QCOMPARE(plot, window.paretoPlot());
        QVERIFY(distinctColours(plot->grab().toImage()) > 2);
    }

    void centralPlotIsLabelled()
    {
        MainWindow window;
        auto* plot = window.paretoPlot();
        QVERIFY(plot);
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Throughput (FPS)"));
        QCOMPARE(plot->yAxis->label(), QStringLiteral("Accuracy (%)"));
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->placeholderText(), QStringLiteral("No candidates yet: start a search"));
    }

    void hasDock_data()
    {
        QTest::addColumn<QString>("objectName");
        for (const char* name : { "Budget", "Candidates", "Architecture", "Mapping", "Runs", "Sweeps" }) {
            QTest::addRow("%s", name) << QString::fromLatin1(name);
        }
    }

    void hasDock()
    {
        QFETCH(QString, objectName);
        MainWindow window;
        auto* dock = window.findChild<QDockWidget*>(objectName);
        QVERIFY2(dock, qPrintable(objectName));
        QVERIFY(dock->widget());
        QCOMPARE(dock->windowTitle(), objectName); // the English titles equal the object names

        // The View menu toggles it.
        QMenu* view = window.menuBar()->actions().at(3)->menu();
        QVERIFY(view);
        QVERIFY(view->actions().contains(dock->toggleViewAction()));
    }

    void tableFrontIsTheRunsOwnObjective()
    {
        // Two runs compared on one plot: its axis is the first run's objective (FPS), the second run trades
        // accuracy against energy. Candidates of the energy run: a (85 %, 50 FPS, 31.5 uJ) and b (60 %, 50 FPS,
        // 12.25 uJ). Against energy both are on the front (a more accurate, b cheaper); against FPS only a is
        // (same FPS, more accurate). The table's On front is the run's own front, as the store's flags say.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.sqlite"));
        qint64 fpsRun = 0;
        qint64 energyRun = 0;
        std::vector<int64_t> energyIds;
        {
            auto opened = dna::store::RunStore::open(path.toStdString());
            QVERIFY(opened.ok());
            auto& db = **opened;
            const auto candidate = [](double accuracy, double fps, double energyUj) {
                dna::store::CandidateRecord c;
                c.epoch = 1;
                c.genotype = "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1";
                c.accuracy = accuracy;
                c.accuracyKind = "supernet";
                c.fps = fps;
                c.latencyMs = 1000.0 / fps;
                c.energyUj = energyUj;
                c.edp = energyUj * c.latencyMs;
                c.designJson = "{}";
                return c;
            };
            dna::store::RunInfo first;
            first.name = "fps run";
            first.objective = "fps";
            first.requestJson = "{}";
            fpsRun = db.createRun(first);
            db.addCandidates(fpsRun, { candidate(0.9, 100, 40), candidate(0.8, 300, 40) }, {});
            db.updateFront(fpsRun);
            db.setRunState(fpsRun, dna::store::RunState::Complete);
            dna::store::RunInfo second;
            second.name = "energy run";
            second.objective = "energy";
            second.requestJson = "{}";
            energyRun = db.createRun(second);
            energyIds = db.addCandidates(energyRun, { candidate(0.85, 50, 31.5), candidate(0.6, 50, 12.25) }, {});
            db.updateFront(energyRun);
            db.setRunState(energyRun, dna::store::RunState::Complete);
        }
        MainWindow window;
        window.setStoreFile(path);
        window.showRuns({ fpsRun, energyRun });
        auto* plot = window.paretoPlot();
        QCOMPARE(plot->metric(), dna::widgets::ParetoMetric::Fps);
        QTRY_COMPARE(plot->frontIds(energyRun).size(), 1); // the plot's staircase: against FPS
        QCOMPARE(plot->frontIds(energyRun).first(), qint64(energyIds[0]));
        const auto* model = window.candidateTable()->model();
        QVERIFY(model->candidate(energyIds[0]) && model->candidate(energyIds[1]));
        QVERIFY(model->candidate(energyIds[0])->onFront);
        QVERIFY2(model->candidate(energyIds[1])->onFront, "the cheapest candidate of an energy run left its front");
        // The axis switched to energy: the plot's staircase of that run is now its own front, the table unchanged.
        plot->setMetric(dna::widgets::ParetoMetric::Energy);
        QTRY_COMPARE(plot->frontIds(energyRun).size(), 2);
        QVERIFY(model->candidate(energyIds[1])->onFront);
    }

    void selectingTwoCandidatesComparesThem()
    {
        // Two real designs (AlexNet on the ZC706, weight and output stationary): selecting both shows them side by
        // side in the Compare tab, the later one in the Layers tab; selecting one goes back to Layers.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.sqlite"));
        std::vector<int64_t> ids;
        {
            auto opened = dna::store::RunStore::open(path.toStdString());
            QVERIFY(opened.ok());
            dna::store::RunInfo run;
            run.name = "two designs";
            run.requestJson = "{}";
            const int64_t runId = (*opened)->createRun(run);
            std::vector<dna::store::CandidateRecord> cs;
            for (const char* dataflow : { "ws", "os" }) {
                const auto design = dna::accel::heuristicDesign(dna::workload::builtinNetwork("alexnet").value(),
                    *dna::accel::findPlatform("zc706"), dna::accel::dataflowIndex(dataflow), 1);
                const auto cost = dna::accel::evaluateDesign(design);
                dna::store::CandidateRecord c;
                c.genotype = std::string("alexnet ") + dataflow;
                c.fps = cost.fps;
                c.designJson = dna::io::designToJson(design, &cost).dump();
                cs.push_back(c);
            }
            ids = (*opened)->addCandidates(runId, cs, {});
        }
        MainWindow window;
        QVERIFY(window.openStore(path));
        auto* tabs = window.mappingInspector()->parentWidget()->parentWidget();
        auto* tabWidget = qobject_cast<QTabWidget*>(tabs);
        QVERIFY(tabWidget);
        auto* compare = window.findChild<dna::widgets::DesignCompare*>();
        QVERIFY(compare);
        window.selection()->select({ ids[0], ids[1] });
        QCOMPARE(tabWidget->currentWidget(), compare);
        QVERIFY(compare->hasDesigns());
        // The Layers tab shows the current one, the later selected: its engine is output stationary.
        QVERIFY2(window.mappingInspector()->summaryText().contains(QStringLiteral(", os, GB")),
            qPrintable(window.mappingInspector()->summaryText()));
        QCOMPARE(window.mappingInspector()->layerModel()->rowCount(), 8); // AlexNet's layers
        window.selection()->select({ ids[0] });
        QCOMPARE(tabWidget->currentWidget(), window.mappingInspector());
        QVERIFY(!compare->hasDesigns());
        QVERIFY(window.mappingInspector()->summaryText().contains(QStringLiteral(", ws, GB")));
        window.selection()->clear();
        QCOMPARE(window.mappingInspector()->layerModel()->rowCount(), 0);
    }

    void hasExactlySixDocks()
    {
        MainWindow window;
        QCOMPARE(window.findChildren<QDockWidget*>().size(), 6);
    }

    void menus()
    {
        MainWindow window;
        QCOMPARE(menuTitles(window),
            (QStringList { QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Search"),
                QStringLiteral("&View"), QStringLiteral("&Help") }));
        QMenu* help = window.menuBar()->actions().at(4)->menu();
        QStringList helpItems;
        for (QAction* action : help->actions()) {
            helpItems.append(action->text());
        }
        QCOMPARE(helpItems, (QStringList { QStringLiteral("&About DNA Explorer"), QStringLiteral("About &Qt") }));
    }

    void windowIconComesFromResources()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/icons/dna_explorer.svg")));
        MainWindow window;
        // A null pixmap here means the SVG icon engine (package libqt6svg6) is missing.
        const QImage icon = window.windowIcon().pixmap(64, 64).toImage();
        QVERIFY(!icon.isNull());
        QVERIFY(distinctColours(icon) > 2);
    }

    void aboutText()
    {
        MainWindow window;
        const QString text = window.aboutText();
        QVERIFY2(text.contains(QStringLiteral(DNA_EXPECTED_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("DNA Explorer")));
        QVERIFY(text.contains(QStringLiteral("Differentiable Network-Accelerator Co-Search")));
        QVERIFY(text.contains(QStringLiteral("2010.14778")));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(text.contains(QStringLiteral("Qt " QT_VERSION_STR)));
    }

    void storeFileShowsInStatusBar()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.storeFile().isEmpty());
        const QString path = dir.filePath(QStringLiteral("some/where/runs.sqlite"));
        window.setStoreFile(path);
        QCOMPARE(window.storeFile(), path);
        QVERIFY(QFile::exists(path)); // created with the missing folders
        QVERIFY(window.errorText().isEmpty());
        bool shown = false;
        for (auto* label : window.statusBar()->findChildren<QLabel*>()) {
            shown = shown || label->text().contains(QStringLiteral("runs.sqlite"));
        }
        QVERIFY(shown);
    }

    void corruptStoreIsReportedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
        const QByteArray junk("this is not an SQLite database, but somebody's notes\n");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        MainWindow window;
        QVERIFY(!window.openStore(path));
        QVERIFY2(window.errorText().contains(QStringLiteral("broken.sqlite")), qPrintable(window.errorText()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
        // Searching without a store says what to do instead of failing somewhere deeper.
        window.startSearch();
        QVERIFY2(window.errorText().contains(QStringLiteral("File > Open")), qPrintable(window.errorText()));
    }

    void deletedRunsArePurgedWhenTheWindowCloses()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("runs.sqlite")).toStdString();
        int64_t kept = 0;
        int64_t deleted = 0;
        {
            auto store = dna::store::RunStore::open(path).value();
            dna::store::RunInfo run;
            run.name = "kept";
            kept = store->createRun(run);
            run.name = "deleted";
            deleted = store->createRun(run);
        }
        {
            MainWindow window;
            QVERIFY(window.openStore(QString::fromStdString(path)));
            window.runsBrowser()->selectRuns({ deleted });
            window.runsBrowser()->deleteSelected();
            QCOMPARE(window.undoStack()->count(), 1);
            // Still in the file (undo can bring it back) while the window lives.
            auto reader = dna::store::RunStore::open(path, dna::store::RunStore::Mode::ReadOnly).value();
            QCOMPARE(reader->runs(true).size(), size_t(2));
            QCOMPARE(reader->runs().size(), size_t(1));
        }
        auto store = dna::store::RunStore::open(path).value();
        const auto all = store->runs(true);
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all.front().id, kept);
    }

    void windowStateSurvivesRestart()
    {
        {
            MainWindow first;
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            first.resize(1200, 760);
            first.findChild<QDockWidget*>(QStringLiteral("Runs"))->hide();
            QVERIFY(first.close()); // closeEvent saves
        }
        QSettings settings(dna::app::organizationName(), dna::app::applicationName());
        QVERIFY(settings.contains(QStringLiteral("mainWindow/state")));
        QVERIFY(settings.contains(QStringLiteral("mainWindow/geometry")));

        MainWindow second;
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("Runs"))->isHidden());
        QVERIFY(!second.findChild<QDockWidget*>(QStringLiteral("Budget"))->isHidden());
        QCOMPARE(second.size(), QSize(1200, 760));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
