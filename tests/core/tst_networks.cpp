// Built-in networks and genotype expansion against published figures and hand-computed shapes.
#include "workload/network.h"
#include "workload/search_space.h"

#include <QtTest>

using namespace dna::workload;

class TestNetworks : public QObject {
    Q_OBJECT
private slots:
    void publishedTotals_data();
    void publishedTotals();
    void alexnetShapes();
    void mobilenetv2Structure();
    void fmnistGenotype();
    void paperSpaces();
    void badGenotypes_data();
    void badGenotypes();
};

void TestNetworks::publishedTotals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("layers");
    QTest::addColumn<double>("macsM");
    QTest::addColumn<double>("weightsM");
    QTest::addColumn<double>("tolerance");
    // Sze et al., "Efficient Processing of Deep Neural Networks" (Proc. IEEE 2017), Table III: AlexNet 724M MACs
    // and 61M weights; VGG-16 15.5G MACs and 138M weights. He et al. 2016 Table 1: ResNet-18 1.8 GFLOPs
    // (multiply-adds), 11.7M parameters. Sandler et al. 2018 Table 4: MobileNetV2 300M multiply-adds, 3.4M
    // parameters (theirs include batch-norm and biases, ours only weights).
    QTest::addRow("alexnet") << "alexnet" << 8 << 724.0 << 61.0 << 0.01;
    QTest::addRow("vgg16") << "vgg16" << 16 << 15500.0 << 138.0 << 0.01;
    QTest::addRow("resnet18") << "resnet18" << 21 << 1800.0 << 11.7 << 0.01;
    QTest::addRow("mobilenetv2") << "mobilenetv2" << 53 << 300.0 << 3.4 << 0.03;
}

void TestNetworks::publishedTotals()
{
    QFETCH(QString, name);
    QFETCH(int, layers);
    QFETCH(double, macsM);
    QFETCH(double, weightsM);
    QFETCH(double, tolerance);
    const auto net = builtinNetwork(name.toStdString());
    QVERIFY(net.ok());
    QCOMPARE(int(net->layers.size()), layers);
    QVERIFY2(qAbs(net->macs() / 1e6 - macsM) / macsM < tolerance, qPrintable(QString::number(net->macs())));
    QVERIFY2(qAbs(net->weightWords() / 1e6 - weightsM) / weightsM < tolerance + 0.01,
        qPrintable(QString::number(net->weightWords())));
    QVERIFY(!validateNetwork(*net).has_value());
}

void TestNetworks::alexnetShapes()
{
    const auto net = builtinNetwork("alexnet").value();
    const Layer& c1 = net.layers[0];
    // (227 - 11) / 4 + 1 = 55; MACs 55 * 55 * 96 * 11 * 11 * 3 = 105,415,200.
    QCOMPARE(c1.dims[Y], 55);
    QCOMPARE(c1.macs(), int64_t(105415200));
    // CONV2: two groups of 128 filters over 48 channels, 5x5, 27x27: 27*27*256*48*25 = 223,948,800.
    const Layer& c2 = net.layers[1];
    QCOMPARE(c2.dims[G], 2);
    QCOMPARE(c2.dims[K], 128);
    QCOMPARE(c2.dims[C], 48);
    QCOMPARE(c2.macs(), int64_t(223948800));
    // Input of CONV1 is the 227 x 227 x 3 image.
    QCOMPARE(c1.operandWords(Inputs), int64_t(227) * 227 * 3);
    // FC6 reads the 6 x 6 x 256 map.
    QCOMPARE(net.layers[5].dims[C], 9216);
}

void TestNetworks::mobilenetv2Structure()
{
    const auto net = builtinNetwork("mobilenetv2").value();
    int depthwise = 0;
    for (const auto& l : net.layers) {
        depthwise += l.type == LayerType::Depthwise;
    }
    QCOMPARE(depthwise, 17); // one per bottleneck block
    QCOMPARE(net.layers.back().dims[C], 1280);
    // The last depthwise layer runs on 7x7 with 960 channels.
    const Layer& lastDw = net.layers[net.layers.size() - 4];
    QCOMPARE(lastDw.type, LayerType::Depthwise);
    QCOMPARE(lastDw.dims[G], 960);
    QCOMPARE(lastDw.dims[Y], 7);
}

void TestNetworks::fmnistGenotype()
{
    // Stem 1->16 3x3 stride 2 pad 1: (28 + 2 - 3) / 2 + 1 = 14. Slots of fmnist: 16->16 s1 @14,
    // 16->24 s2 @14 (out (14 + 2 - 3) / 2 + 1 = 7), 24->24 @7, 24->32 @7, 32->32 @7, 32->48 s2 @7 (out 4),
    // 48->48 @4, 48->64 @4. Skip at slot 6 is an identity: no layer. 1 stem + 7 x 3 + head + classifier = 24.
    const auto net = networkFromGenotype("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1");
    QVERIFY2(net.ok(), net.ok() ? "" : net.error().detail.c_str());
    QCOMPARE(int(net->layers.size()), 24);
    QCOMPARE(QString::fromStdString(net->label()), QStringLiteral("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1"));
    // Stem: 14 x 14 outputs x 16 channels x 9 taps = 28,224 MACs.
    QCOMPARE(net->layers[0].macs(), int64_t(28224));
    QCOMPARE(net->layers[0].strideY, 2);
    // Slot 1, k3e3: expand 16->48 at 14x14 (16 x 48 x 196 = 150,528 MACs), 3x3 depthwise stride 2 to 7x7
    // (48 x 9 x 49 = 21,168), project 48->24 at 7x7 (48 x 24 x 49 = 56,448).
    QCOMPARE(net->layers[4].name, std::string("layer1.expand"));
    QCOMPARE(net->layers[4].macs(), int64_t(150528));
    QCOMPARE(net->layers[5].macs(), int64_t(21168));
    QCOMPARE(net->layers[5].strideY, 2);
    QCOMPARE(net->layers[6].macs(), int64_t(56448));
    // Head 64 -> 256 at 4x4 (after the second stride 2: (7 - 1) / 2 + 1 = 4), then 256 -> 10.
    QCOMPARE(net->layers[22].macs(), int64_t(4 * 4 * 256 * 64));
    QCOMPARE(net->layers[23].macs(), int64_t(2560));
    // Underscored op names are accepted too.
    QVERIFY(networkFromGenotype("fmnist:k3_e1,k3_e3,k3_e6,k5_e1,k5_e3,k5_e6,skip,k3_e1").ok());
}

void TestNetworks::paperSpaces()
{
    const SearchSpace* cifar = findSearchSpace("cifar");
    const SearchSpace* imagenet = findSearchSpace("imagenet");
    QVERIFY(cifar && imagenet);
    QCOMPARE(cifar->searchableLayers(), 22);
    QCOMPARE(int(cifar->ops.size()), 9);
    // ImageNet output maps per searchable layer (notes 1.2): 112, 56 x4, 28 x4, 14 x4, 14 x4, 7 x4, 7.
    const int expected[] = { 112, 56, 56, 56, 56, 28, 28, 28, 28, 14, 14, 14, 14, 14, 14, 14, 14, 7, 7, 7, 7, 7 };
    for (int i = 0; i < 22; ++i) {
        const auto s = imagenet->slot(i);
        QCOMPARE((s.inSize - 1) / s.stride + 1, expected[i]);
    }
    // A grouped op splits its 1x1 convolutions into two groups.
    std::vector<int> ops(22, cifar->opIndex("k3e1g2"));
    const auto net = networkFromOps("cifar", ops).value();
    QCOMPARE(net.layers[1].dims[G], 2);
}

void TestNetworks::badGenotypes_data()
{
    QTest::addColumn<QString>("genotype");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown space") << "mnist:k3e1"
                                   << "unknown_space"
                                   << "fmnist, cifar, imagenet";
    QTest::addRow("too short") << "fmnist:k3e1,k3e3"
                               << "bad_genotype"
                               << "needs 8 ops";
    QTest::addRow("unknown op") << "fmnist:k3e1,k7e9,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1"
                                << "bad_genotype"
                                << "k7e9";
    QTest::addRow("no colon") << "k3e1,k3e3"
                              << "unknown_network"
                              << "alexnet";
    QTest::addRow("empty") << ""
                           << "unknown_network"
                           << "genotype";
}

void TestNetworks::badGenotypes()
{
    QFETCH(QString, genotype);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto net = resolveNetwork(genotype.toStdString());
    QVERIFY(!net.ok());
    QCOMPARE(QString::fromLatin1(net.error().name()), code);
    QVERIFY2(QString::fromStdString(net.error().detail).contains(mentions), net.error().detail.c_str());
}

QTEST_GUILESS_MAIN(TestNetworks)
#include "tst_networks.moc"
