#include "architecture_strip.h"

#include <QtTest>
#include <qcustomplot.h>

#include <cmath>

using dna::widgets::ArchitectureStrip;

namespace {

/// probabilities[layer][op] for one epoch: a softmax-like row that sharpens with the epoch, different for each
/// layer, so every cell value is distinct.
std::vector<std::vector<double>> epochProbabilities(int epoch, int layers, int ops)
{
    std::vector<std::vector<double>> p(size_t(layers), std::vector<double>(size_t(ops), 0.0));
    for (int l = 0; l < layers; ++l) {
        double sum = 0;
        for (int o = 0; o < ops; ++o) {
            p[size_t(l)][size_t(o)] = std::exp((o == l % ops ? 0.8 * epoch : 0.0) + 0.01 * o + 0.001 * l);
            sum += p[size_t(l)][size_t(o)];
        }
        for (double& v : p[size_t(l)]) {
            v /= sum;
        }
    }
    return p;
}

QStringList fmnistOps()
{
    return { QStringLiteral("k3e1"), QStringLiteral("k3e3"), QStringLiteral("k3e6"), QStringLiteral("k5e1"),
        QStringLiteral("k5e3"), QStringLiteral("k5e6"), QStringLiteral("skip") };
}

} // namespace

class TestArchitectureStrip : public QObject {
    Q_OBJECT

private slots:
    void genotypeShowsOneBoxPerLayer_data();
    void genotypeShowsOneBoxPerLayer();
    void badGenotypeShowsInlineMessage_data();
    void badGenotypeShowsInlineMessage();
    void heatMapHoldsTheProbabilities();
    void heatMapReplacesAnEpochAndClears();
    void heatMapToolTipListsTheLayersOps();
    void heatMapRendersProbabilityColours();
};

void TestArchitectureStrip::genotypeShowsOneBoxPerLayer_data()
{
    QTest::addColumn<QString>("genotype");
    QTest::addColumn<QStringList>("ops");
    QTest::addRow("fmnist, 8 layers") << QStringLiteral("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1")
                                      << QStringList { QStringLiteral("k3e1"), QStringLiteral("k3e3"),
                                             QStringLiteral("k3e6"), QStringLiteral("k5e1"), QStringLiteral("k5e3"),
                                             QStringLiteral("k5e6"), QStringLiteral("skip"), QStringLiteral("k3e1") };
    // The paper's space: 22 layers (1 + 4 x 5 + 1), ops with groups; "k3_e6" is accepted and shown as k3e6.
    QStringList cifar;
    for (int i = 0; i < 22; ++i) {
        cifar.append(i % 3 == 0 ? QStringLiteral("k5e1g2")
                : i % 3 == 1    ? QStringLiteral("skip")
                                : QStringLiteral("k3e6"));
    }
    QStringList given = cifar;
    given[2] = QStringLiteral("k3_e6");
    QTest::addRow("cifar, 22 layers") << QStringLiteral("cifar:") + given.join(QLatin1Char(',')) << cifar;
}

void TestArchitectureStrip::genotypeShowsOneBoxPerLayer()
{
    QFETCH(QString, genotype);
    QFETCH(QStringList, ops);
    ArchitectureStrip strip;
    strip.setGenotype(genotype);
    QCOMPARE(strip.shownOps(), ops);
    QVERIFY(strip.message().isEmpty());
    strip.clearGenotype();
    QVERIFY(strip.shownOps().isEmpty());
}

void TestArchitectureStrip::badGenotypeShowsInlineMessage_data()
{
    QTest::addColumn<QString>("genotype");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown space") << QStringLiteral("mnist9:k3e1,k3e1") << QStringLiteral("mnist9");
    QTest::addRow("too few layers") << QStringLiteral("fmnist:k3e1,k3e3") << QStringLiteral("fmnist");
    QTest::addRow("op of another space") << QStringLiteral("fmnist:k3e1g2,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1")
                                         << QStringLiteral("k3e1g2");
    QTest::addRow("no space") << QStringLiteral("k3e1,k3e1") << QStringLiteral("k3e1,k3e1");
}

void TestArchitectureStrip::badGenotypeShowsInlineMessage()
{
    QFETCH(QString, genotype);
    QFETCH(QString, mentions);
    ArchitectureStrip strip;
    strip.setGenotype(QStringLiteral("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1"));
    QCOMPARE(strip.shownOps().size(), 8);
    strip.setGenotype(genotype);
    QVERIFY(strip.shownOps().isEmpty()); // the previous candidate's boxes are gone
    QVERIFY2(strip.message().contains(mentions), qPrintable(strip.message()));
    strip.setGenotype(QStringLiteral("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1"));
    QVERIFY(strip.message().isEmpty());
}

void TestArchitectureStrip::heatMapHoldsTheProbabilities()
{
    ArchitectureStrip strip;
    strip.setOpNames(fmnistOps());
    QCOMPARE(strip.heatMapCells(), QSize());
    std::vector<std::vector<std::vector<double>>> given;
    for (int e = 1; e <= 3; ++e) {
        given.push_back(epochProbabilities(e, 8, 7));
        strip.appendEpoch(e, given.back());
    }
    QCOMPARE(strip.heatMapCells(), QSize(3, 8 * 7));
    for (int e = 0; e < 3; ++e) {
        for (int l = 0; l < 8; ++l) {
            for (int o = 0; o < 7; ++o) {
                QCOMPARE(strip.heatMapValue(e, l, o), given[size_t(e)][size_t(l)][size_t(o)]);
            }
        }
    }
    // Layer 2's op 2 sharpens over the epochs: 3rd epoch higher than the 1st.
    QVERIFY(strip.heatMapValue(2, 2, 2) > strip.heatMapValue(0, 2, 2));

    // 22 x 9 (the paper's space) fits too.
    strip.clearHistory();
    for (int e = 0; e < 3; ++e) {
        strip.appendEpoch(e, epochProbabilities(e, 22, 9));
    }
    QCOMPARE(strip.heatMapCells(), QSize(3, 22 * 9));
    QCOMPARE(strip.heatMapValue(1, 21, 8), epochProbabilities(1, 22, 9)[21][8]);
}

void TestArchitectureStrip::heatMapToolTipListsTheLayersOps()
{
    // Hovering any op of a layer reads the whole layer's distribution at that epoch, the hovered op in bold.
    ArchitectureStrip strip;
    strip.setOpNames(fmnistOps());
    strip.appendEpoch(4, { { 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.015625 }, { 0, 0, 0, 0, 0, 0, 1 } });
    strip.appendEpoch(5, { { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4 }, { 0.9, 0, 0, 0, 0, 0, 0.1 } });
    const QString tip = strip.cellToolTip(0, 0, 2); // the 1st epoch shown (epoch 4), layer 0, hovering k3e6
    QVERIFY2(tip.contains(QStringLiteral("Layer 0, epoch 4")), qPrintable(tip));
    const QStringList values { QStringLiteral("0.500"), QStringLiteral("0.250"), QStringLiteral("0.125"),
        QStringLiteral("0.063"), QStringLiteral("0.031"), QStringLiteral("0.016") };
    int from = 0;
    for (int o = 0; o < 7; ++o) { // every op, in the heat map's row order, with its probability
        const int name = tip.indexOf(fmnistOps()[o], from);
        QVERIFY2(name >= 0, qPrintable(fmnistOps()[o]));
        const int value = tip.indexOf(values[std::min(o, 5)], name);
        QVERIFY2(value > name && value < tip.indexOf(QLatin1String("</tr>"), name), qPrintable(fmnistOps()[o]));
        from = value;
    }
    const int bold = tip.indexOf(QLatin1String("font-weight:bold"));
    QVERIFY(bold >= 0 && tip.indexOf(QLatin1String("font-weight:bold"), bold + 1) < 0); // one row bold:
    QVERIFY(tip.indexOf(QLatin1String("k3e6"), bold) < tip.indexOf(QLatin1String("</tr>"), bold)); // the hovered op
    QVERIFY2(strip.cellToolTip(1, 1, 6).contains(QStringLiteral("epoch 5")), qPrintable(strip.cellToolTip(1, 1, 6)));
    QVERIFY(strip.cellToolTip(1, 1, 6).contains(QStringLiteral("0.900")));
    QVERIFY(strip.cellToolTip(2, 0, 0).isEmpty()); // no third epoch
    QVERIFY(strip.cellToolTip(0, 2, 0).isEmpty()); // no third layer
}

void TestArchitectureStrip::heatMapReplacesAnEpochAndClears()
{
    ArchitectureStrip strip;
    strip.appendEpoch(0, epochProbabilities(0, 8, 7));
    QCOMPARE(strip.heatMapCells(), QSize(1, 56));
    strip.appendEpoch(1, epochProbabilities(1, 8, 7));
    strip.appendEpoch(1, epochProbabilities(5, 8, 7)); // epoch 1 reported again (resumed run)
    QCOMPARE(strip.heatMapCells(), QSize(2, 56));
    QCOMPARE(strip.heatMapValue(1, 3, 3), epochProbabilities(5, 8, 7)[3][3]);
    strip.clearHistory();
    QCOMPARE(strip.heatMapCells(), QSize());
}

void TestArchitectureStrip::heatMapRendersProbabilityColours()
{
    // One layer certain of op 0 (probability 1), the rest 0: the rendered cell of op 0 is the bright end of the
    // scale and op 1 the dark end.
    ArchitectureStrip strip;
    strip.setOpNames(fmnistOps());
    strip.resize(700, 520);
    std::vector<std::vector<double>> p(8, std::vector<double>(7, 0.0));
    for (auto& layer : p) {
        layer[0] = 1.0;
    }
    for (int e = 0; e < 6; ++e) {
        strip.appendEpoch(e, p);
    }
    strip.setGenotype(QStringLiteral("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1"));
    strip.grab(); // lays the widget out at its size
    QCustomPlot* plot = strip.heatMap();
    plot->replot();
    const QImage image = plot->toPixmap(plot->width(), plot->height()).toImage();
    auto pixelOf = [plot, &image](double epoch, double row) {
        return image.pixelColor(int(plot->xAxis->coordToPixel(epoch)), int(plot->yAxis->coordToPixel(row)));
    };
    const QColor certain = pixelOf(3, 0); // layer 0, op 0
    const QColor never = pixelOf(3, 1); // layer 0, op 1
    // The ends of the colour scale (viridis' end colours).
    QCOMPARE(certain.name(), QStringLiteral("#fde725"));
    QCOMPARE(never.name(), QStringLiteral("#440154"));

    if (const QString dir = qEnvironmentVariable("DNA_SCREENSHOT_DIR"); !dir.isEmpty()) {
        ArchitectureStrip empty;
        empty.resize(760, 420);
        empty.grab().save(dir + QStringLiteral("/strip_empty.png"));
        ArchitectureStrip real;
        real.setOpNames(fmnistOps());
        real.resize(760, 620);
        real.setGenotype(QStringLiteral("fmnist:k3e3,k5e6,k3e6,skip,k5e3,k3e1,k5e1,skip"));
        for (int e = 0; e < 6; ++e) {
            real.appendEpoch(e + 1, epochProbabilities(e, 8, 7));
        }
        real.grab().save(dir + QStringLiteral("/strip.png"));
        real.clearHistory();
        for (int e = 0; e < 40; ++e) {
            real.appendEpoch(e, epochProbabilities(e / 8, 22, 9));
        }
        real.setGenotype(QStringLiteral("cifar:") + QStringList(22, QStringLiteral("k5e1g2")).join(QLatin1Char(',')));
        real.show();
        QVERIFY(QTest::qWaitForWindowExposed(&real));
        real.grab().save(dir + QStringLiteral("/strip_22x9.png"));
        real.setGenotype(QStringLiteral("mnist9:k3e1"));
        real.grab().save(dir + QStringLiteral("/strip_bad.png"));
    }
}

QTEST_MAIN(TestArchitectureStrip)
#include "tst_architecture_strip.moc"
