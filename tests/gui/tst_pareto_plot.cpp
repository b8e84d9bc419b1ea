#include "candidate_selection.h"
#include "pareto_plot.h"

#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using dna::store::CandidateRecord;
using dna::widgets::CandidateSelection;
using dna::widgets::ParetoMetric;
using dna::widgets::ParetoPlot;

namespace {

CandidateRecord candidate(qint64 id, qint64 runId, double accuracy, double fps, double energyUj, bool valid = true)
{
    CandidateRecord c;
    c.id = id;
    c.runId = runId;
    c.genotype = "k3e6-k5e3-skip-" + std::to_string(id);
    c.accuracy = accuracy;
    c.accuracyKind = "supernet";
    c.fps = fps;
    c.latencyMs = 1000.0 / fps;
    c.energyUj = energyUj;
    c.edp = energyUj * c.latencyMs;
    c.dsp = 512;
    c.bram18 = 120;
    c.valid = valid;
    c.designJson = std::string(1000, 'x');
    return c;
}

// Eight candidates of run 1. Sorted by accuracy, best first:
//   id  acc   fps   energy
//   7   0.95  400     5   invalid: never on a front although it would dominate everything
//   4   0.92   50    80   front (FPS and energy): the most accurate valid one
//   1   0.90  100    50   front: faster and more frugal than 4
//   2   0.85  300    30   front: faster than 1 / more frugal than 1
//   3   0.80  200    20   FPS: 200 < 300 of id 2, dominated.      energy: 20 < 30, front
//   6   0.75  250    40   FPS: 250 < 300, dominated.               energy: 40 > 20, dominated
//   5   0.70 1000    10   front for both: the fastest and the most frugal
//   8   0.60  150    60   dominated for both (by 2)
// So the FPS front is {4, 1, 2, 5} and the energy front {4, 1, 2, 3, 5}, each in increasing metric order as
// frontIds() returns them: FPS 50, 100, 300, 1000 -> 4, 1, 2, 5; energy 10, 20, 30, 50, 80 -> 5, 3, 2, 1, 4.
std::vector<CandidateRecord> handMadeRun()
{
    return { candidate(1, 1, 0.90, 100, 50), candidate(2, 1, 0.85, 300, 30), candidate(3, 1, 0.80, 200, 20),
        candidate(4, 1, 0.92, 50, 80), candidate(5, 1, 0.70, 1000, 10), candidate(6, 1, 0.75, 250, 40),
        candidate(7, 1, 0.95, 400, 5, false), candidate(8, 1, 0.60, 150, 60) };
}

std::vector<CandidateRecord> syntheticRun(qint64 runId, qint64 firstId, int count, double accuracyShift, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> logFps(1.0, 3.5);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<CandidateRecord> out;
    for (int i = 0; i < count; ++i) {
        const double fps = std::pow(10.0, logFps(rng));
        const double accuracy = 0.93 + accuracyShift - 0.045 * (std::log10(fps) - 1.0) - std::abs(noise(rng)) * 0.035;
        const double energy = 4000.0 / fps * std::exp(0.3 * noise(rng));
        out.push_back(candidate(firstId + i, runId, accuracy, fps, energy, i % 23 != 0));
    }
    return out;
}

QPoint pixelOf(const ParetoPlot& plot, double metric, double accuracy)
{
    return QPoint(qRound(plot.xAxis->coordToPixel(metric)), qRound(plot.yAxis->coordToPixel(accuracy * 100)));
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool near(QRgb pixel, const QColor& colour, int tolerance)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance && std::abs(qGreen(pixel) - colour.green()) <= tolerance
        && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

QCPItemText* placeholderItem(ParetoPlot& plot)
{
    for (int i = 0; i < plot.itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot.item(i));
        if (text && text->text() == plot.placeholderText()) {
            return text;
        }
    }
    return nullptr;
}

QLabel* visibleToolTip()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->inherits("QTipLabel") && w->isVisible()) {
            return qobject_cast<QLabel*>(w);
        }
    }
    return nullptr;
}

} // namespace

class TestParetoPlot : public QObject {
    Q_OBJECT

private slots:
    void reestimatesMoveFrontsAndMarkOlderEstimates()
    {
        // The hand-made run, all estimated at epoch 0. Epoch 1 re-estimates 8 (0.60 -> 0.91) and 4 (0.92 -> 0.80):
        // 8 (150 FPS) now dominates 1 (0.90, 100) and 4 (0.80, 50); 2 (300) and 5 (1000) stay, 3 and 6 are still
        // dominated by 2. FPS front in metric order: 8, 2, 5. Older estimates: the valid ones left at epoch 0,
        // 1, 2, 3, 5 and 6 (7 is invalid).
        ParetoPlot plot;
        auto run = handMadeRun();
        for (auto& c : run) {
            c.estimateEpoch = 0;
        }
        plot.addCandidates(run);
        QCOMPARE(plot.staleCount(), 0);
        QCOMPARE(plot.frontIds(1), (QList<qint64> { 4, 1, 2, 5 }));
        QSignalSpy fronts(&plot, &ParetoPlot::frontChanged);
        plot.updateEstimates({ { 8, 1, 0.91, "supernet" }, { 4, 1, 0.80, "supernet" } });
        QCOMPARE(plot.frontIds(1), (QList<qint64> { 8, 2, 5 }));
        QCOMPARE(fronts.count(), 1);
        QCOMPARE(fronts.at(0).at(1).value<QList<qint64>>(), (QList<qint64> { 8, 2, 5 }));
        QCOMPARE(plot.staleCount(), 5);
        QCOMPARE(plot.retrainedCount(), 0);
        plot.setRetrained(1, 0.93);
        plot.setRetrained(99, 0.5); // not shown: ignored
        QCOMPARE(plot.retrainedCount(), 1);
    }

    void logAxisTicksAreOneTwoFive()
    {
        // A front spanning 1.3 decades gets 1-2-5 ticks, a narrow one every integer multiple, a wide one decades.
        ParetoPlot plot;
        plot.resize(900, 600);
        const auto ticksFor = [&](double lo, double hi) {
            plot.xAxis->setRange(lo, hi);
            plot.replot();
            return plot.xAxis->tickVector();
        };
        QCOMPARE(ticksFor(1e4, 2e5), (QVector<double> { 1e4, 2e4, 5e4, 1e5, 2e5 }));
        QCOMPARE(ticksFor(250, 700), (QVector<double> { 300, 400, 500, 600, 700 }));
        QCOMPARE(ticksFor(9500, 1.2e5), (QVector<double> { 1e4, 2e4, 5e4, 1e5 }));
        QCOMPARE(ticksFor(0.5, 2e5), (QVector<double> { 1, 10, 100, 1e3, 1e4, 1e5 }));
        // The empty plot's 1..10^4: decades, not 13 labels of 1-2-5 that ran into each other.
        QCOMPARE(ticksFor(1, 1e4), (QVector<double> { 1, 10, 100, 1e3, 1e4 }));
        QCOMPARE(ticksFor(100, 2e4), (QVector<double> { 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4 }));
    }

    void frontPerMetric_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<QList<qint64>>("front");
        QTest::addColumn<QString>("label");
        QTest::addRow("fps") << int(ParetoMetric::Fps) << QList<qint64> { 4, 1, 2, 5 }
                             << QStringLiteral("Throughput (FPS)");
        QTest::addRow("energy") << int(ParetoMetric::Energy) << QList<qint64> { 5, 3, 2, 1, 4 }
                                << QStringLiteral("Energy per inference (µJ)");
        // Latency is 1000 / FPS here, so its front (minimised) is the FPS front in reverse metric order.
        QTest::addRow("latency") << int(ParetoMetric::Latency) << QList<qint64> { 5, 2, 1, 4 }
                                 << QStringLiteral("Latency (ms)");
    }

    void frontPerMetric()
    {
        QFETCH(int, metric);
        QFETCH(QList<qint64>, front);
        QFETCH(QString, label);
        ParetoPlot plot;
        plot.addCandidates(handMadeRun());
        plot.setMetric(ParetoMetric(metric));
        QCOMPARE(plot.frontIds(1), front);
        QCOMPARE(plot.xAxis->label(), label);
        QCOMPARE(plot.xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot.yAxis->label(), QStringLiteral("Accuracy (%)"));
    }

    void frontIsTheSameWhetherAppendedLiveOrAtOnce()
    {
        // The plot updates its front incrementally; a second method (all points at once) must agree.
        const auto all = syntheticRun(3, 100, 400, 0.0, 7);
        ParetoPlot atOnce, live;
        atOnce.addCandidates(all);
        for (size_t i = 0; i < all.size(); i += 7) {
            live.addCandidates(
                std::vector<CandidateRecord>(all.begin() + long(i), all.begin() + long(std::min(i + 7, all.size()))));
        }
        QVERIFY(atOnce.frontIds(3).size() >= 3);
        QCOMPARE(live.frontIds(3), atOnce.frontIds(3));
        // Independently: no front member is dominated by any valid candidate.
        for (qint64 id : atOnce.frontIds(3)) {
            const CandidateRecord& f = all[size_t(id - 100)];
            for (const CandidateRecord& c : all) {
                const bool dominates = c.valid && c.accuracy >= f.accuracy && c.fps >= f.fps
                    && (c.accuracy > f.accuracy || c.fps > f.fps);
                QVERIFY2(!dominates, qPrintable(QStringLiteral("%1 dominated by %2").arg(id).arg(c.id)));
            }
        }
        atOnce.setMetric(ParetoMetric::Energy);
        live.setMetric(ParetoMetric::Energy);
        QCOMPARE(live.frontIds(3), atOnce.frontIds(3));
    }

    void frontChangedSignal()
    {
        ParetoPlot plot;
        QSignalSpy spy(&plot, &ParetoPlot::frontChanged);
        plot.addCandidates(handMadeRun());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), 1);
        QCOMPARE(spy.at(0).at(1).value<QList<qint64>>(), (QList<qint64> { 4, 1, 2, 5 }));
        // Dominated by id 1 (0.90 at 100 FPS): the front stays, no signal.
        plot.addCandidates({ candidate(9, 1, 0.80, 90, 70) });
        QCOMPARE(spy.size(), 1);
        // The most accurate one yet, at 10 FPS: it joins the front.
        plot.addCandidates({ candidate(10, 1, 0.97, 10, 90) });
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(1).value<QList<qint64>>(), (QList<qint64> { 10, 4, 1, 2, 5 }));
        // Energy: 10 (90 uJ) is the most accurate, so it is on that front too, at its expensive end.
        plot.setMetric(ParetoMetric::Energy);
        QCOMPARE(spy.size(), 3);
        QCOMPARE(spy.at(2).at(1).value<QList<qint64>>(), (QList<qint64> { 5, 3, 2, 1, 4, 10 }));
    }

    void placeholderUntilCandidatesArrive()
    {
        ParetoPlot plot;
        QCOMPARE(plot.placeholderText(), QStringLiteral("No candidates yet: start a search"));
        QCPItemText* placeholder = placeholderItem(plot);
        QVERIFY(placeholder);
        plot.resetView();
        QVERIFY(placeholder->visible());
        plot.addCandidates(handMadeRun());
        plot.resetView();
        QVERIFY(!placeholder->visible());
        QCOMPARE(plot.candidateCount(), 8);
        plot.clearCandidates();
        plot.resetView();
        QVERIFY(placeholder->visible());
        QCOMPARE(plot.candidateCount(), 0);
        QVERIFY(plot.frontIds(1).isEmpty());
    }

    void clicksSelect()
    {
        ParetoPlot plot;
        CandidateSelection selection;
        plot.setSelectionModel(&selection);
        plot.resize(900, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addCandidates(handMadeRun());
        plot.resetView();

        QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixelOf(plot, 200, 0.80));
        QCOMPARE(selection.ids(), QList<qint64> { 3 });
        // A couple of pixels off still hits it.
        QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixelOf(plot, 100, 0.90) + QPoint(2, -2));
        QCOMPARE(selection.ids(), QList<qint64> { 1 });
        QTest::mouseClick(&plot, Qt::LeftButton, Qt::ControlModifier, pixelOf(plot, 250, 0.75));
        QCOMPARE(selection.ids(), (QList<qint64> { 1, 6 }));
        QCOMPARE(selection.current(), 6);
        QTest::mouseClick(&plot, Qt::LeftButton, Qt::ControlModifier, pixelOf(plot, 100, 0.90));
        QCOMPARE(selection.ids(), QList<qint64> { 6 });
        // Empty space (high accuracy at low FPS: no candidate there) clears.
        QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixelOf(plot, 60, 0.70));
        QVERIFY(selection.isEmpty());
    }

    void rubberBandSelects()
    {
        ParetoPlot plot;
        CandidateSelection selection;
        plot.setSelectionModel(&selection);
        plot.resize(900, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const auto run = handMadeRun();
        plot.addCandidates(run);
        plot.resetView();

        const double fpsLo = 180, fpsHi = 320, accLo = 0.74, accHi = 0.88;
        QList<qint64> expected;
        for (const CandidateRecord& c : run) {
            if (c.fps >= fpsLo && c.fps <= fpsHi && c.accuracy >= accLo && c.accuracy <= accHi) {
                expected.append(c.id);
            }
        }
        QCOMPARE(sorted(expected), (QList<qint64> { 2, 3, 6 })); // the rectangle is not trivially empty or full

        const QPoint from = pixelOf(plot, fpsLo, accHi), to = pixelOf(plot, fpsHi, accLo);
        QTest::mousePress(&plot, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(&plot, (from + to) / 2);
        QTest::mouseMove(&plot, to);
        QTest::mouseRelease(&plot, Qt::LeftButton, Qt::ShiftModifier, to);
        QCOMPARE(sorted(selection.ids()), sorted(expected));

        // Ctrl+drag adds the candidates of a second band (only id 5 at 1000 FPS) to the selection.
        const QPoint from2 = pixelOf(plot, 700, 0.72), to2 = pixelOf(plot, 1100, 0.68);
        QTest::mousePress(&plot, Qt::LeftButton, Qt::ControlModifier, from2);
        QTest::mouseMove(&plot, to2);
        QTest::mouseRelease(&plot, Qt::LeftButton, Qt::ControlModifier, to2);
        QCOMPARE(sorted(selection.ids()), sorted(expected << 5));
    }

    void outsideSelectionIsHighlighted()
    {
        ParetoPlot plot;
        CandidateSelection selection;
        plot.addCandidates(handMadeRun());
        selection.select({ 2, 999 }); // 999 is not in the plot
        plot.setSelectionModel(&selection);
        QCOMPARE(plot.highlightedIds(), QList<qint64> { 2 });
        selection.select({ 5, 1, 7 });
        QCOMPARE(plot.highlightedIds(), (QList<qint64> { 5, 1, 7 }));
        selection.clear();
        QVERIFY(plot.highlightedIds().isEmpty());
        // A selected candidate that arrives later is highlighted when it does.
        selection.select({ 42 });
        QVERIFY(plot.highlightedIds().isEmpty());
        plot.addCandidates({ candidate(42, 1, 0.5, 10, 10) });
        plot.resetView();
        QCOMPARE(plot.highlightedIds(), QList<qint64> { 42 });
    }

    void hoverFindsNearestCandidate()
    {
        ParetoPlot plot;
        plot.resize(900, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addCandidates(handMadeRun());
        plot.resetView();
        QCOMPARE(plot.candidateAt(pixelOf(plot, 300, 0.85)), 2);
        QCOMPARE(plot.candidateAt(pixelOf(plot, 300, 0.85) + QPoint(3, 3)), 2);
        QCOMPARE(plot.candidateAt(pixelOf(plot, 300, 0.85) + QPoint(30, 0)), -1);
        const QString card = plot.cardText(2);
        QVERIFY(card.contains(QStringLiteral("k3e6-k5e3-skip-2")));
        QVERIFY(card.contains(QStringLiteral("85.00")));
        QVERIFY(card.contains(QStringLiteral("300 FPS")));
        QVERIFY(card.contains(QStringLiteral("512 / 120")));
        QVERIFY(card.contains(QStringLiteral("Pareto front")));
        QVERIFY(plot.cardText(7).contains(QStringLiteral("Invalid")));
        QVERIFY(plot.cardText(12345).isEmpty());

        // Moving the mouse onto the candidate shows the card as a tooltip.
        QTest::mouseMove(&plot, pixelOf(plot, 300, 0.85) + QPoint(1, 1));
        QLabel* tip = nullptr;
        QTRY_VERIFY((tip = visibleToolTip()) != nullptr);
        QVERIFY(tip->text().contains(QStringLiteral("k3e6-k5e3-skip-2")));
        if (const QByteArray out = qgetenv("DNA_PARETO_CARD_SHOT"); !out.isEmpty()) {
            tip->grab().save(QString::fromLocal8Bit(out));
        }
        QTest::mouseMove(&plot, pixelOf(plot, 60, 0.70)); // empty space hides it
        QTRY_VERIFY(visibleToolTip() == nullptr);

        // After a zoom the index follows the new axes.
        plot.xAxis->setRange(150, 350);
        plot.replot();
        QCOMPARE(plot.candidateAt(pixelOf(plot, 300, 0.85)), 2);
    }

    void viewFollowsDataUntilTheUserZooms()
    {
        ParetoPlot plot;
        plot.resize(900, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addCandidates(handMadeRun());
        // Live data rescales the axes by itself...
        QTRY_VERIFY(plot.xAxis->range().contains(50) && plot.xAxis->range().contains(1000));
        plot.addCandidates({ candidate(30, 1, 0.99, 5000, 1) });
        QTRY_VERIFY(plot.xAxis->range().contains(5000) && plot.yAxis->range().contains(99));
        // ...until the user zooms or pans: then new data leaves the view alone.
        plot.xAxis->setRange(150, 350);
        plot.addCandidates({ candidate(31, 1, 0.5, 20000, 1) });
        QVERIFY(plot.syncPending());
        QTRY_VERIFY(!plot.syncPending()); // drawn
        QCOMPARE(plot.xAxis->range(), QCPRange(150, 350));
        QCOMPARE(plot.candidateCount(), 10);
        // A double-click resets the view to all the data.
        QTest::mouseDClick(&plot, Qt::LeftButton, Qt::NoModifier, plot.axisRect()->center());
        QVERIFY(plot.xAxis->range().contains(50) && plot.xAxis->range().contains(20000));
    }

    void runsCompareAndRemove()
    {
        ParetoPlot plot;
        plot.resize(900, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addCandidates(handMadeRun());
        plot.resetView();
        QVERIFY(!plot.legend->visible());
        // Run 2: one candidate at 2000 FPS, 0.5 accuracy; it has its own front and does not affect run 1's.
        plot.addCandidates({ candidate(20, 2, 0.5, 2000, 3), candidate(21, 2, 0.4, 1500, 4) });
        plot.setRunName(2, QStringLiteral("wide engines"));
        plot.resetView();
        QCOMPARE(plot.runIds(), (QList<qint64> { 1, 2 }));
        QCOMPARE(plot.frontIds(2), QList<qint64> { 20 });
        QCOMPARE(plot.frontIds(1), (QList<qint64> { 4, 1, 2, 5 }));
        QVERIFY(plot.legend->visible());
        QVERIFY(plot.runColor(1).isValid() && plot.runColor(2).isValid());
        QVERIFY(plot.runColor(1) != plot.runColor(2));
        QVERIFY(plot.cardText(20).contains(QStringLiteral("wide engines")));

        const QColor colour2 = plot.runColor(2);
        plot.removeRun(1);
        plot.resetView();
        QCOMPARE(plot.runIds(), QList<qint64> { 2 });
        QVERIFY(plot.frontIds(1).isEmpty());
        QCOMPARE(plot.candidateCount(), 2);
        QCOMPARE(plot.runColor(2), colour2); // a run keeps its colour
        QVERIFY(!plot.legend->visible());
        QCOMPARE(plot.candidateAt(pixelOf(plot, 2000, 0.5)), 20);
        QVERIFY(plot.cardText(1).isEmpty());
    }

    void exportsImages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ParetoPlot plot;
        plot.resize(640, 420);
        plot.addCandidates(handMadeRun());
        QString error;
        const QString png = dir.filePath(QStringLiteral("front.png"));
        QVERIFY2(plot.exportImage(png, &error), qPrintable(error));
        QVERIFY(QFileInfo(png).size() > 0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(640, 420));
        const QString pdf = dir.filePath(QStringLiteral("front.PDF"));
        QVERIFY2(plot.exportImage(pdf, &error), qPrintable(error));
        QVERIFY(QFileInfo(pdf).size() > 0);

        QVERIFY(!plot.exportImage(dir.filePath(QStringLiteral("front.jpg")), &error));
        QVERIFY(error.contains(QStringLiteral(".png")) && error.contains(QStringLiteral(".pdf")));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("front.jpg"))));
    }

    void manyDotsAreDrawnWhereTheAxesPutThem()
    {
        // Past the detail limit (5,000) every dot is one pixel of an image: each dominated design's pixel, where the
        // axes map its coordinates, has its run's dot shade (the run colour 20 % of the way to white).
        ParetoPlot plot;
        plot.resize(1000, 650);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const auto many = syntheticRun(1, 1, 6000, 0.0, 3);
        plot.addCandidates(many);
        plot.resetView();
        const QImage shot = plot.grab().toImage();
        const QColor run = plot.runColor(1);
        auto mix = [](int v) { return int(v + (255 - v) * 0.2); };
        const QColor dot(mix(run.red()), mix(run.green()), mix(run.blue()));
        const QList<qint64> frontList = plot.frontIds(1);
        const QSet<qint64> front(frontList.begin(), frontList.end());
        int checked = 0, matched = 0;
        for (const CandidateRecord& c : many) {
            if (!c.valid || front.contains(c.id)) {
                continue;
            }
            const QPoint at(int(std::floor(plot.xAxis->coordToPixel(c.fps))),
                int(std::floor(plot.yAxis->coordToPixel(c.accuracy * 100))));
            ++checked;
            matched += near(shot.pixel(at * shot.devicePixelRatio()), dot, 12) ? 1 : 0;
        }
        // A few lie under a front line or a grid line drawn above them.
        QVERIFY2(matched > checked * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(matched).arg(checked)));
    }

    void drawsFrontAndBudget()
    {
        // Two synthetic runs, a selection and a minimum-FPS budget: the front discs are drawn in their run's
        // colour and the budget is a line in the budget colour at its FPS, only on the FPS axis.
        ParetoPlot plot;
        CandidateSelection selection;
        plot.setSelectionModel(&selection);
        plot.resize(1000, 650);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        auto a = syntheticRun(1, 1000, 300, 0.0, 1);
        auto b = syntheticRun(2, 5000, 300, 0.015, 2);
        plot.addCandidates(a);
        plot.addCandidates(b);
        plot.setRunName(1, QStringLiteral("co-search, zc706"));
        plot.setRunName(2, QStringLiteral("co-search, larger FPGA"));
        plot.setBudget(120, 0);
        const QList<qint64> front2 = plot.frontIds(2);
        selection.select({ front2[front2.size() / 2], 1010, 1020 });
        plot.resetView();
        const QImage shot = plot.grab().toImage();
        if (const QByteArray out = qgetenv("DNA_PARETO_SHOT"); !out.isEmpty()) {
            shot.save(QString::fromLocal8Bit(out));
        }

        // Most of run 1's front discs show its colour at their centre (a few may lie under run 2's or a ring).
        int inColour = 0;
        const QList<qint64> front1 = plot.frontIds(1);
        for (qint64 id : front1) {
            const CandidateRecord& f = a[size_t(id - 1000)];
            const QPoint at = pixelOf(plot, f.fps, f.accuracy) * shot.devicePixelRatio();
            inColour += near(shot.pixel(at), plot.runColor(1), 40) ? 1 : 0;
        }
        QVERIFY2(inColour * 2 > front1.size(), qPrintable(QStringLiteral("%1 of %2").arg(inColour).arg(front1.size())));

        auto budgetPixels = [&](const QImage& image) {
            const int x = qRound(plot.xAxis->coordToPixel(120));
            int count = 0;
            for (int y = plot.axisRect()->top(); y < plot.axisRect()->bottom(); ++y) {
                count += near(image.pixel(x, y), QColor(190, 30, 45), 60) ? 1 : 0;
            }
            return count;
        };
        QVERIFY(budgetPixels(shot) > plot.axisRect()->height() / 4);
        plot.setMetric(ParetoMetric::Edp); // no budget on the EDP axis
        plot.resetView();
        QCOMPARE(budgetPixels(plot.grab().toImage()), 0);
    }
};

QTEST_MAIN(TestParetoPlot)
#include "tst_pareto_plot.moc"
