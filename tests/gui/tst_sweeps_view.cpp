// The Sweeps view's summary and colours, against values worked out by hand.
#include "sweeps_view.h"

#include <QComboBox>
#include <QtTest>

#include <cmath>

using namespace dna::widgets;
using dna::store::CandidateRecord;

namespace {

CandidateRecord point(double accuracy, double fps, bool valid = true)
{
    CandidateRecord c;
    c.accuracy = accuracy;
    c.fps = fps;
    c.valid = valid;
    return c;
}

SweepTaskFront task(int index, qint64 run, int dsp, int seed, std::vector<CandidateRecord> front)
{
    SweepTaskFront t;
    t.index = index;
    t.runId = run;
    t.params = { { QStringLiteral("dsp"), dsp }, { QStringLiteral("seed"), seed } };
    t.front = std::move(front);
    return t;
}

} // namespace

class TestSweepsView : public QObject {
    Q_OBJECT

private slots:
    void bestOfAFront()
    {
        const std::vector<CandidateRecord> front { point(0.80, 100), point(0.85, 60), point(0.90, 20),
            point(0.95, 500, false) };
        QCOMPARE(sweepBest(front, SweepSummary::FpsAtAccuracy, 0), 100.0);
        QCOMPARE(sweepBest(front, SweepSummary::FpsAtAccuracy, 84), 60.0);
        QCOMPARE(sweepBest(front, SweepSummary::FpsAtAccuracy, 90), 20.0);
        QVERIFY(std::isnan(sweepBest(front, SweepSummary::FpsAtAccuracy, 91))); // the invalid design does not count
        QCOMPARE(sweepBest(front, SweepSummary::AccuracyAtFps, 50), 85.0);
        QVERIFY(std::isnan(sweepBest({}, SweepSummary::AccuracyAtFps, 0)));
    }

    void viridisStops()
    {
        QCOMPARE(sequentialColour(0), QColor(68, 1, 84));
        QCOMPARE(sequentialColour(0.5), QColor(33, 145, 140));
        QCOMPARE(sequentialColour(1), QColor(253, 231, 37));
        // 0.45 * 4 = 1.8: 80 % of the way from the second stop (59, 82, 139) to the third (33, 145, 140).
        QCOMPARE(sequentialColour(0.45), QColor(38, 132, 140));
    }

    void summaryAndColoursFollowTheAxis()
    {
        SweepsView v;
        v.setTasks(7,
            { task(0, 11, 300, 1, { point(0.8, 200), point(0.9, 50) }), task(1, 12, 300, 2, { point(0.8, 260) }),
                task(2, 13, 900, 1, { point(0.7, 900) }), task(3, 0, 900, 2, {}) });
        QCOMPARE(v.currentSweep(), qint64(7));
        QCOMPARE(v.colourAxis(), QStringLiteral("dsp")); // the first axis that varies
        // Best FPS at any accuracy, per task with a run: (300, 200), (300, 260), (900, 900).
        const QList<QPointF> points = v.summaryPoints();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0], QPointF(300, 200));
        QCOMPARE(points[1], QPointF(300, 260));
        QCOMPARE(points[2], QPointF(900, 900));
        // dsp 300 is the low end (t = 0), 900 the high end (t = 0.9, short of the yellow that vanishes on white).
        auto colours = v.runColours();
        QCOMPARE(colours.size(), 3);
        QCOMPARE(colours[11], sequentialColour(0));
        QCOMPARE(colours[12], sequentialColour(0));
        QCOMPARE(colours[13], sequentialColour(0.9));
        // Coloured by seed instead: seed 1 low, seed 2 high.
        QSignalSpy recoloured(&v, &SweepsView::coloursChanged);
        auto* axis = v.findChild<QComboBox*>();
        axis->setCurrentIndex(axis->findText(QStringLiteral("seed")));
        QCOMPARE(recoloured.count(), 1);
        colours = v.runColours();
        QCOMPARE(colours[11], sequentialColour(0));
        QCOMPARE(colours[12], sequentialColour(0.9));
        QCOMPARE(colours[13], sequentialColour(0));
        QCOMPARE(v.summaryPoints().size(), 3);
    }
};

QTEST_MAIN(TestSweepsView)
#include "tst_sweeps_view.moc"
