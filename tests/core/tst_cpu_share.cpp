// Sharing the cores: how many training threads fit beside other work (threadsBeside, by hand), and the measured
// CPU use of other processes (a busy child process is seen as about one core; this process's own work is not
// counted).
#include "util/cpu_share.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

#include <thread>

using namespace dna;

class TestCpuShare : public QObject {
    Q_OBJECT
private slots:
    void threadsBesideOtherWork_data()
    {
        QTest::addColumn<double>("others");
        QTest::addColumn<int>("cpus");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("threads");
        QTest::addRow("quiet machine") << 0.05 << 2 << 2 << 2;
        QTest::addRow("one busy process beside two spinning threads") << 0.67 << 2 << 2 << 1;
        QTest::addRow("one busy process") << 1.0 << 2 << 2 << 1;
        QTest::addRow("half a core busy") << 0.49 << 2 << 2 << 2;
        QTest::addRow("three busy processes") << 3.0 << 2 << 2 << 1;
        QTest::addRow("never more than asked") << 0.0 << 8 << 4 << 4;
        QTest::addRow("eight cores, three busy") << 3.0 << 8 << 8 << 5;
        QTest::addRow("one thread asked") << 0.0 << 2 << 1 << 1;
    }
    void threadsBesideOtherWork()
    {
        QFETCH(double, others);
        QFETCH(int, cpus);
        QFETCH(int, requested);
        QFETCH(int, threads);
        QCOMPARE(threadsBeside(others, cpus, requested), threads);
    }

    void seesABusyProcessButNotItself()
    {
        CpuShare share;
        QCOMPARE(share.othersSinceLastSample(), -1.0); // no interval yet
        QVERIFY(share.othersSinceLastSample() < 0); // and none shorter than half a second
        QProcess busy;
        busy.start(QStringLiteral("sha256sum"), { QStringLiteral("/dev/zero") });
        QVERIFY(busy.waitForStarted());
        // This process keeps one core busy as well: it must not count as "others".
        QElapsedTimer t;
        t.start();
        share.othersSinceLastSample();
        volatile double sink = 0;
        while (t.elapsed() < 1500) {
            for (int i = 0; i < 100000; ++i) {
                sink = sink + 1e-9 * i;
            }
        }
        const double others = share.othersSinceLastSample();
        busy.kill();
        busy.waitForFinished();
        qInfo("others: %.2f cores (one busy child; this process busy too)", others);
        // The child had one core to itself at most; the machine may run other work too, but not less than the
        // child's share when it competes with this loop and the rest (at least a third of a core on two cores).
        QVERIFY2(others > 0.33, qPrintable(QString::number(others)));
        // Counting this process too would give about 2 (the child's core and this loop's).
        QVERIFY2(others < 1.6, qPrintable(QString::number(others)));
    }
};

QTEST_GUILESS_MAIN(TestCpuShare)
#include "tst_cpu_share.moc"
