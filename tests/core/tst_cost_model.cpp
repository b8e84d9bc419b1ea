// Hand-computed cases for the analytical cost model. Every expected number below is worked out in the
// comment next to it from the model's rules (README "Cost model"), not taken from the program's output.
#include "test_helpers.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace dna;
using namespace dna::accel;
using namespace dna::workload;
using dna::test::order;

class TestCostModel : public QObject {
    Q_OBJECT
private slots:
    void singlePeLayer();
    void weightStationaryFetchesWeightsOnce();
    void weightRefetchWhenOrderChanges();
    void inputHaloTraffic();
    void gbOverflowRejectedWithReason();
    void rfOverflowPerOperand();
    void spatialFactorAboveArray();
    void spatialDimOutsideDataflow();
    void edgeTilesCountPartialSteps();
    void dspAndBram_data();
    void dspAndBram();
    void pipelinedFpsIsClockOverSlowestChunk();
    void overBudgetDesignSaysWhy();
    void spatialComputeStepsByHand();
    void runLengthCodingAgreesWithAnEncoder();
    void zeroAwarePlatformCodesAndGates();
    void heuristicMovesEveryOperandOnce_data();
    void heuristicMovesEveryOperandOnce();
    void heuristicLeavesTwoDimensionsWhenOneCannot();
    void heuristicCoversEachDimensionOnce_data();
    void heuristicCoversEachDimensionOnce();
    void eyerissOwnMappingsFillItsBufferAsPublished();
    void partialDoubleBufferCopiesWhatChanges();
    void heuristicSizesTilesForPartialDoubleBuffering();
};

namespace {

/// A 1x1 layer, K = C = Y = X = 8, on one weight-stationary PE with a buffer of `gbBytes`, DRAM words raw.
struct SmallBufferCase {
    Platform p;
    Engine e;
    Layer l;
};
SmallBufferCase smallBufferCase(int64_t gbBytes)
{
    SmallBufferCase c { test::testAsic(), test::singlePe(dataflowIndex("ws")), test::pointwise(8, 8, 8, 8) };
    c.p.dramRlc = false;
    c.e.gbBytes = gbBytes;
    return c;
}

/// A 3x3 conv, K = C = 4 on an 8x8 output, with K and Y split by 2 at DRAM level in the DRAM order `dramOrder`.
std::pair<Layer, Mapping> splitKAndY(const char* dramOrder)
{
    Layer l;
    l.dims = { 1, 1, 4, 4, 8, 8, 3, 3 };
    Mapping m;
    m.gb = { 1, 1, 2, 4, 4, 8, 3, 3 };
    m.dram = { 1, 1, 2, 1, 2, 1, 1, 1 };
    m.order[Mapping::DramLevel] = order(dramOrder);
    return { l, m };
}

} // namespace

void TestCostModel::singlePeLayer()
{
    // 1x1 conv K=2 C=2 Y=2 X=2 on one PE, everything in the GB (DRAM factors 1), GB order K C Y X innermost first.
    const Layer l = test::pointwise(2, 2, 2, 2);
    Mapping m;
    m.gb = { 1, 1, 2, 2, 2, 2, 1, 1 };
    m.order[Mapping::GbLevel] = order("KCYXNGRS");
    const LayerCost c = evaluateLayer(l, test::singlePe(), m, test::testAsic(), true);
    QVERIFY(c.valid());
    // 16 MACs, one per cycle.
    QCOMPARE(c.computeCycles, 16.0);
    QCOMPARE(c.cycles, 16.0);
    QCOMPARE(c.utilization, 1.0);
    // DRAM: weights 4, inputs 2x2x2 = 8 read once; outputs 8 written once, never re-read.
    QCOMPARE(c.dramReads[Weights], 4.0);
    QCOMPARE(c.dramReads[Inputs], 8.0);
    QCOMPARE(c.dramWrites[Outputs], 8.0);
    QCOMPARE(c.dramReads[Outputs], 0.0);
    // GB -> PE: K is innermost and relevant to weights and outputs, so both change every step (16 words each);
    // inputs skip K and change with C Y X (8). Output tiles are revisited twice each: 16 written, 8 re-read.
    QCOMPARE(c.gbReads[Weights], 16.0);
    QCOMPARE(c.gbReads[Inputs], 8.0);
    QCOMPARE(c.gbWrites[Outputs], 16.0);
    QCOMPARE(c.gbReads[Outputs], 8.0 + 8.0); // drain to DRAM + partial-sum reloads
    // Energy: MAC 16 x 1; RF (W 16+16, I 16+8, O 32+24) x 1 = 112; NoC (16 + 8 + 24) x 2 = 96;
    // GB (reads 40 + writes 28) x 6 = 408; DRAM 20 x 200 = 4000.
    QCOMPARE(c.energyPj.mac, 16.0);
    QCOMPARE(c.energyPj.rf, 112.0);
    QCOMPARE(c.energyPj.noc, 96.0);
    QCOMPARE(c.energyPj.gb, 408.0);
    QCOMPARE(c.energyPj.dram, 4000.0);
    QCOMPARE(c.bound, Bound::Compute);
}

void TestCostModel::weightStationaryFetchesWeightsOnce()
{
    // 3x3 conv K=4 C=4 on an 8x8 output; the GB holds half the rows (Y split 2 at DRAM level). No weight-relevant
    // loop sits at DRAM level, so each of the 4*4*3*3 = 144 weights comes from DRAM exactly once.
    Layer l;
    l.name = "conv";
    l.dims = { 1, 1, 4, 4, 8, 8, 3, 3 };
    Mapping m;
    m.gb = { 1, 1, 4, 4, 4, 8, 3, 3 };
    m.dram = { 1, 1, 1, 1, 2, 1, 1, 1 };
    m.order[Mapping::DramLevel] = order("YNGKCXRS");
    const LayerCost c = evaluateLayer(l, test::singlePe(), m, test::testAsic(), true);
    QVERIFY(c.valid());
    QCOMPARE(c.dramReads[Weights], 144.0);
    QCOMPARE(c.dramReads[Weights], double(l.operandWords(Weights)));
}

void TestCostModel::weightRefetchWhenOrderChanges()
{
    // Same layer, K and Y both split by 2 at DRAM level. K innermost then Y: each weight half (72 words) is
    // fetched once per Y tile: 2 x 2 x 72 = 288. Y innermost then K: Y is irrelevant to weights, so each half
    // stays while Y iterates: 144.
    auto [l, m] = splitKAndY("KYNGCXRS");
    QCOMPARE(evaluateLayer(l, test::singlePe(), m, test::testAsic(), true).dramReads[Weights], 288.0);
    m.order[Mapping::DramLevel] = order("YKNGCXRS");
    QCOMPARE(evaluateLayer(l, test::singlePe(), m, test::testAsic(), true).dramReads[Weights], 144.0);
}

void TestCostModel::inputHaloTraffic()
{
    // 3x3 conv, one channel, 4x4 output, stride 1: the input is 6x6 = 36 words. Two GB tiles of 2 output rows
    // each need (2-1)+3 = 4 input rows x 6 columns = 24 words: 48 words from DRAM, 12 of them halo re-reads.
    Layer l;
    l.dims = { 1, 1, 1, 1, 4, 4, 3, 3 };
    QCOMPARE(l.operandWords(Inputs), 36);
    Mapping m;
    m.gb = { 1, 1, 1, 1, 2, 4, 3, 3 };
    m.dram = { 1, 1, 1, 1, 2, 1, 1, 1 };
    m.order[Mapping::DramLevel] = order("YNGKCXRS");
    const LayerCost c = evaluateLayer(l, test::singlePe(), m, test::testAsic(), true);
    QCOMPARE(c.dramReads[Inputs], 48.0);
    // With stride 2 the window rows are (2-1)*2+3 = 5 and the input (4-1)*2+3 = 9 rows x 9 columns; two tiles
    // of 5 x 9 = 45 words: 90.
    l.strideY = l.strideX = 2;
    QCOMPARE(l.operandWords(Inputs), 81);
    QCOMPARE(evaluateLayer(l, test::singlePe(), m, test::testAsic(), true).dramReads[Inputs], 90.0);
}

void TestCostModel::gbOverflowRejectedWithReason()
{
    // The whole 1x1 layer K=8 C=8 Y=X=8 in the GB: weights 64 + inputs 512 + outputs 512 = 1088 words, 2176 B,
    // doubled for double buffering: 4352 B. A 4096 B buffer must reject it, a 4352 B one accept it.
    const Layer l = test::pointwise(8, 8, 8, 8);
    Engine e = test::singlePe();
    Mapping m;
    m.gb = { 1, 1, 8, 8, 8, 8, 1, 1 };
    e.gbBytes = 4096;
    const LayerCost bad = evaluateLayer(l, e, m, test::testAsic(), true);
    QCOMPARE(bad.invalid, Invalid::GbOverflow);
    QCOMPARE(QString::fromLatin1(invalidCode(bad.invalid)), QStringLiteral("gb_overflow"));
    const QString why = QString::fromStdString(describeInvalid(l, e, m, bad));
    QVERIFY2(why.contains(QStringLiteral("4352")) && why.contains(QStringLiteral("4096")), qPrintable(why));
    e.gbBytes = 4352;
    QVERIFY(evaluateLayer(l, e, m, test::testAsic(), true).valid());
    // Without double buffering half of it is enough.
    e.gbBytes = 2176;
    QVERIFY(evaluateLayer(l, e, m, test::testAsic(), false).valid());
    QVERIFY(!evaluateLayer(l, e, m, test::testAsic(), true).valid());
}

void TestCostModel::rfOverflowPerOperand()
{
    // Eyeriss-style split RF: 24 B for inputs. An RF tile of C=4, S=3 with X=2 needs 4 x 1 x (1*1+3) ... inputs:
    // C4 x rows (1-1)+1 = 1 x cols (2-1)+3 = 4 -> 16 words = 32 B > 24 B.
    Layer l;
    l.dims = { 1, 1, 2, 4, 4, 4, 1, 3 };
    Engine e = test::singlePe();
    e.rfBytes = 520;
    e.rfSplit = { 448, 24, 48 };
    Mapping m;
    m.rf = { 1, 1, 1, 4, 1, 2, 1, 3 };
    m.gb = { 1, 1, 2, 1, 4, 2, 1, 1 };
    const LayerCost c = evaluateLayer(l, e, m, test::testAsic(), true);
    QCOMPARE(c.invalid, Invalid::RfOverflow);
    QCOMPARE(c.invalidOperand, int(Inputs));
    QCOMPARE(c.rfBytes[Inputs], 32.0);
}

void TestCostModel::spatialFactorAboveArray()
{
    const Layer l = test::pointwise(16, 16, 4, 4);
    Engine e = test::singlePe(dataflowIndex("ws"));
    e.rows = 4;
    e.cols = 4;
    Mapping m;
    m.spatialRow[C] = 8; // 8 > 4 rows
    m.gb = { 1, 1, 16, 2, 4, 4, 1, 1 };
    QCOMPARE(evaluateLayer(l, e, m, test::testAsic(), true).invalid, Invalid::SpatialRowsExceeded);
    m.spatialRow[C] = 4;
    m.gb[C] = 4;
    m.spatialCol[K] = 8;
    m.gb[K] = 2;
    QCOMPARE(evaluateLayer(l, e, m, test::testAsic(), true).invalid, Invalid::SpatialColsExceeded);
}

void TestCostModel::spatialDimOutsideDataflow()
{
    // ws unrolls C (or G) on rows: Y on rows is not part of it.
    const Layer l = test::pointwise(4, 4, 4, 4);
    Engine e = test::singlePe(dataflowIndex("ws"));
    e.rows = 4;
    e.cols = 4;
    Mapping m;
    m.spatialRow[Y] = 4;
    m.gb = { 1, 1, 4, 4, 1, 4, 1, 1 };
    QCOMPARE(evaluateLayer(l, e, m, test::testAsic(), true).invalid, Invalid::SpatialDimNotInDataflow);
}

void TestCostModel::edgeTilesCountPartialSteps()
{
    // K = 10 over a 4-wide column (ws, K on columns): 3 passes (4, 4, 2 filters), each pass one step per MAC
    // of the other dims (C=1, Y=X=1): 3 compute cycles; utilisation 10 / (3 x 4) = 0.8333.
    Layer l = test::pointwise(10, 1, 1, 1);
    Engine e = test::singlePe(dataflowIndex("ws"));
    e.rows = 1;
    e.cols = 4;
    Mapping m;
    m.spatialCol[K] = 4;
    m.gb[K] = 3;
    LayerCost c = evaluateLayer(l, e, m, test::testAsic(), true);
    QVERIFY(c.valid());
    QCOMPARE(c.computeCycles, 3.0);
    QVERIFY(qAbs(c.utilization - 10.0 / 12.0) < 1e-12);
    // The same with RF tiles of K=3 on each PE (K = 3 x 4 spatial = 12 >= 10 in one array tile): PE tiles hold
    // 3, 3, 3, 1 filters, so the array needs 3 steps.
    m.rf[K] = 3;
    m.gb[K] = 1;
    c = evaluateLayer(l, e, m, test::testAsic(), true);
    QCOMPARE(c.computeCycles, 3.0);
    // Tiles that do not reach the dimension are rejected.
    m.rf[K] = 2;
    QCOMPARE(evaluateLayer(l, e, m, test::testAsic(), true).invalid, Invalid::TilesDoNotCover);
}

void TestCostModel::dspAndBram_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<double>("dsp");
    QTest::addColumn<int>("bram");
    // 4x4 ws array: 16 MACs. 16-bit: one DSP each; 8-bit: two MACs share a DSP.
    // Per compute cycle (16 cycles: Y4 x X4 in the GB, K and C spatial): weights 16 words over the layer (1/cycle),
    // inputs 64 (4/cycle), outputs 64 (4/cycle). A bank reads 32 bits a cycle: 16-bit -> banks 1, 2, 2;
    // 8-bit -> 1, 1, 1. Capacity: 2048 B per operand = one BRAM18 each. 16-bit: 1+2+2 = 5; 8-bit: 3.
    QTest::addRow("16-bit") << 16 << 16.0 << 5;
    QTest::addRow("8-bit") << 8 << 8.0 << 3;
}

void TestCostModel::dspAndBram()
{
    QFETCH(int, bits);
    QFETCH(double, dsp);
    QFETCH(int, bram);
    Design d;
    d.platform = *findPlatform("zc706");
    Layer l = test::pointwise(4, 4, 4, 4);
    l.weightBits = l.inputBits = l.outputBits = bits;
    d.network.name = "one";
    d.network.layers = { l };
    Engine e;
    e.rows = 4;
    e.cols = 4;
    e.dataflow = dataflowIndex("ws");
    e.gbBytes = 6144;
    e.gbShare = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    e.rfBytes = 64;
    d.accelerator.engines = { e };
    Mapping m;
    m.spatialRow[C] = 4;
    m.spatialCol[K] = 4;
    m.gb = { 1, 1, 1, 1, 4, 4, 1, 1 };
    m.order[Mapping::GbLevel] = order("XYNGKCRS");
    d.mappings = { m };
    const DesignCost c = evaluateDesign(d);
    QVERIFY2(c.valid(), c.invalidDetail.c_str());
    QCOMPARE(c.layers[0].computeCycles, 16.0);
    QCOMPARE(c.resources.dsp, dsp);
    QCOMPARE(c.resources.bram18, bram);
}

void TestCostModel::pipelinedFpsIsClockOverSlowestChunk()
{
    // Two 1x1 layers on single-PE engines: A (K2 C2 2x2) takes 16 cycles, B (K4 C2 2x2) 32 cycles; both are
    // compute bound (DRAM: A moves 40 B, B 64 B at 3.6 B/cycle). Pipelined, two chunks: FPS = 200 MHz / 32;
    // multi-cycle (one engine): 200 MHz / 48. Latency is the sum either way: 48 cycles = 0.24 us.
    Design d;
    d.platform = test::testAsic();
    d.network.name = "two";
    d.network.layers = { test::pointwise(2, 2, 2, 2), test::pointwise(4, 2, 2, 2) };
    Mapping a;
    a.gb = { 1, 1, 2, 2, 2, 2, 1, 1 };
    Mapping b;
    b.gb = { 1, 1, 4, 2, 2, 2, 1, 1 };
    d.mappings = { a, b };
    d.accelerator.arch = MicroArch::Pipelined;
    d.accelerator.chunkStarts = { 0, 1 };
    d.accelerator.engines = { test::singlePe(), test::singlePe() };
    DesignCost c = evaluateDesign(d);
    QVERIFY2(c.valid(), c.invalidDetail.c_str());
    QCOMPARE(c.engineCycles[0], 16.0);
    QCOMPARE(c.engineCycles[1], 32.0);
    QCOMPARE(c.fps, 200e6 / 32);
    QCOMPARE(c.latencyMs, 48 / 200e6 * 1e3);

    d.accelerator.arch = MicroArch::MultiCycle;
    d.accelerator.chunkStarts = { 0 };
    d.accelerator.engines = { test::singlePe() };
    c = evaluateDesign(d);
    QVERIFY(c.valid());
    QCOMPARE(c.fps, 200e6 / 48);
}

void TestCostModel::overBudgetDesignSaysWhy()
{
    // 40 x 40 PEs need 1600 DSPs at 16 bits; the ZC706 has 900.
    Design d;
    d.platform = *findPlatform("zc706");
    d.network.layers = { test::pointwise(4, 4, 4, 4) };
    Engine e;
    e.rows = 40;
    e.cols = 40;
    e.dataflow = dataflowIndex("ws");
    e.gbBytes = 65536;
    e.rfBytes = 64;
    d.accelerator.engines = { e };
    Mapping m;
    m.spatialRow[C] = 4;
    m.spatialCol[K] = 4;
    m.gb = { 1, 1, 1, 1, 4, 4, 1, 1 };
    d.mappings = { m };
    const DesignCost c = evaluateDesign(d);
    QCOMPARE(c.invalid, Invalid::DspOverBudget);
    QCOMPARE(c.resources.dsp, 1600.0);
    QVERIFY(QString::fromStdString(c.invalidDetail).contains(QStringLiteral("900")));
}

void TestCostModel::heuristicMovesEveryOperandOnce_data()
{
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("c");
    QTest::addColumn<double>("words");
    // Eyeriss's own engine (12 x 14 PEs, 108 KiB buffer, double-buffered: 55,296 B a copy), row stationary, 1x1
    // layers on a 7x7 map. Neither fits whole, but all of it but one dimension does, so each operand can cross
    // the link once: weights K*C + inputs C*49 + outputs K*49, the least any mapping moves.
    // 960 -> 160: the outputs (7,840 words) stay while C streams: 153,600 + 47,040 + 7,840.
    QTest::newRow("960->160, C left to DRAM") << 160 << 960 << 208480.0;
    // 320 -> 1280: the inputs (15,680 words) stay while K streams: 409,600 + 15,680 + 62,720.
    QTest::newRow("320->1280, K left to DRAM") << 1280 << 320 << 488000.0;
}

void TestCostModel::heuristicMovesEveryOperandOnce()
{
    QFETCH(int, k);
    QFETCH(int, c);
    QFETCH(double, words);
    Platform p = *findPlatform("eyeriss");
    p.dramRlc = false; // raw words (the layer has no zeros to code anyway)
    const Engine e = defaultAccelerator(p, dataflowIndex("rs")).engines[0];
    const Layer l = test::pointwise(k, c, 7, 7);
    const Mapping m = heuristicMapping(l, e, p, true, false);
    const LayerCost cost = evaluateLayer(l, e, m, p, true);
    QVERIFY(cost.valid());
    double moved = 0;
    for (int o = 0; o < kOperands; ++o) {
        moved += cost.dramReads[o] + cost.dramWrites[o];
    }
    QCOMPARE(moved, words);
    QCOMPARE(moved, double(l.operandWords(Weights) + l.operandWords(Inputs) + l.operandWords(Outputs)));
}

void TestCostModel::heuristicLeavesTwoDimensionsWhenOneCannot()
{
    // 1x1, K = C = Y = X = 8 on one PE (RF tiles of 1) with a 640 B buffer, double-buffered: 160 words of 2 B
    // a copy. Weights 64, inputs 512, outputs 512 words. No single dimension can be left to DRAM: with Y (or X)
    // in slices the weights and one row of inputs and outputs need 64 + 64 + 64 = 192 words, with K (or C) the
    // whole input (or output) alone is 512. Leaving Y and X, the weights stay: 64 + 4 rows x 1 column x 8
    // channels each of inputs and outputs = 128 words, and every operand crosses once: 64 + 512 + 512 = 1,088.
    // The greedy tiles (X, then Y whole, then C and K of 1, C innermost) read the inputs once per K slice:
    // 64 + 8 x 512 + 512 = 4,672.
    const auto [p, e, l] = smallBufferCase(640);
    const Mapping m = heuristicMapping(l, e, p, true, false);
    const LayerCost cost = evaluateLayer(l, e, m, p, true);
    QVERIFY(cost.valid());
    QCOMPARE(cost.dramReads[Weights], 64.0);
    QCOMPARE(cost.dramReads[Inputs], 512.0);
    QCOMPARE(cost.dramWrites[Outputs], 512.0);
    QCOMPARE(cost.dramReads[Outputs], 0.0);
}

void TestCostModel::heuristicCoversEachDimensionOnce_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("platform");
    for (const char* net : { "alexnet", "mobilenetv2" }) {
        for (const char* platform : { "zc706", "eyeriss", "asic28" }) {
            QTest::newRow(qPrintable(QString("%1 %2").arg(net, platform))) << QString(net) << QString(platform);
        }
    }
}

void TestCostModel::heuristicCoversEachDimensionOnce()
{
    // Whatever the dataflow, each level's factor of a dimension is at most what the levels before it leave of it:
    // rows <= dim, columns <= ceil(dim / rows), RF <= ceil(dim / spatial), buffer <= ceil(dim / (RF x spatial)),
    // DRAM = ceil(dim / (RF x spatial x buffer)).
    // A larger factor loops over the dimension again (rsck once put S on the rows and S x 11 in the RF of an
    // 11 x 11 filter: 3.7 % of AlexNet's CONV1 array busy on ZC706).
    QFETCH(QString, network);
    QFETCH(QString, platform);
    const Platform& p = *findPlatform(platform.toStdString());
    Network net = builtinNetwork(network.toStdString()).value();
    setBatch(net, 4);
    for (size_t df = 0; df < dataflows().size(); ++df) {
        const Engine e = defaultAccelerator(p, int(df)).engines[0];
        for (const Layer& l : net.layers) {
            const Mapping m = heuristicMapping(l, e, p, true);
            for (int d = 0; d < kDims; ++d) {
                const int dim = l.dims[d];
                const QByteArray where
                    = QByteArray(dataflows()[df].name.c_str()) + " " + l.name.c_str() + " " + kDimNames[size_t(d)];
                QVERIFY2(m.spatialRow[d] <= dim, where.constData());
                QVERIFY2(m.spatialCol[d] <= (dim + m.spatialRow[d] - 1) / m.spatialRow[d], where.constData());
                QVERIFY2(m.rf[d] <= (dim + m.spatial(d) - 1) / m.spatial(d), where.constData());
                const int arrayTile = m.rf[d] * m.spatial(d);
                QVERIFY2(m.gb[d] <= (dim + arrayTile - 1) / arrayTile, where.constData());
                QVERIFY2(m.dram[d] == (dim + arrayTile * m.gb[d] - 1) / (arrayTile * m.gb[d]), where.constData());
            }
        }
    }
}

void TestCostModel::eyerissOwnMappingsFillItsBufferAsPublished()
{
    // Chen et al., JSSC 2017, Table III: the chip's row-stationary mapping of AlexNet CONV1-5 at batch 4 (m filters
    // and n images in the buffer per pass, e output rows per set, p filters and q channels in each PE's scratchpads,
    // r channel sets and t filter sets on the array) and the buffer it allocates to ifmaps and psums, in KB; Table V:
    // the PEs each layer keeps busy. Written as mappings: per PE S x q x p (S innermost), on the array R and the r
    // channel sets on rows, the e output rows and the t filter sets on columns (CONV1) or rows (CONV3-5, 3 x 13 sets
    // four deep), CONV2's 27 output rows folded onto two row groups of 14 columns; in the buffer the F columns, the
    // n images and the m / (p t) filter groups; at DRAM the C / (q r) channel chunks innermost. Single-buffered (the
    // chip holds one copy of these tiles), in a buffer large enough for CONV1's 96 filters, which share it here but
    // stream through an 8 KB filter buffer on the chip.
    struct Row {
        int m, n, e, p, q, r, t;
        double ifmapKb, psumKb;
        int activePes;
    };
    const Row table[] = { { 96, 1, 7, 16, 1, 1, 2, 15.5, 72.1, 154 }, { 64, 1, 27, 16, 2, 1, 1, 3.8, 91.1, 135 },
        { 64, 4, 13, 16, 4, 1, 4, 7.0, 84.5, 156 }, { 64, 4, 13, 16, 3, 2, 2, 10.5, 84.5, 156 },
        { 64, 4, 13, 16, 3, 2, 2, 10.5, 84.5, 156 } };
    Network net = builtinNetwork("alexnet").value();
    setBatch(net, 4);
    Platform p = *findPlatform("eyeriss");
    Engine e = defaultAccelerator(p, dataflowIndex("rs")).engines[0];
    e.gbBytes = 114 * 1024;
    auto ceilDiv = [](int a, int b) { return (a + b - 1) / b; };
    for (int i = 0; i < 5; ++i) {
        const Layer& l = net.layers[size_t(i)];
        const Row& t = table[i];
        Mapping m;
        m.rf[S] = l.dims[S];
        m.rf[C] = t.q;
        m.rf[K] = t.p;
        m.order[Mapping::RfLevel] = order("SCKNGYXR");
        m.spatialRow[R] = l.dims[R];
        m.spatialRow[C] = t.r;
        if (t.e > e.cols) { // fold the set's output rows onto row groups
            m.spatialRow[Y] = ceilDiv(t.e, e.cols);
            m.spatialCol[Y] = ceilDiv(t.e, m.spatialRow[Y]);
        } else {
            m.spatialCol[Y] = t.e;
        }
        (l.dims[R] * t.r * t.t <= e.rows ? m.spatialRow[K] : m.spatialCol[K]) = t.t;
        m.gb[X] = l.dims[X];
        m.gb[N] = t.n;
        m.gb[K] = t.m / (t.p * t.t);
        m.order[Mapping::GbLevel] = order("XNKCGYRS");
        m.dram[C] = ceilDiv(l.dims[C], t.q * t.r);
        m.dram[Y] = ceilDiv(l.dims[Y], t.e);
        m.dram[K] = ceilDiv(l.dims[K], t.m);
        m.dram[G] = l.dims[G];
        m.dram[N] = ceilDiv(l.dims[N], t.n);
        m.order[Mapping::DramLevel] = order("CYKGNXRS");
        const LayerCost c = evaluateLayer(l, e, m, p, false);
        const QByteArray layer = QByteArray::number(i + 1);
        QVERIFY2(c.valid(), layer.constData());
        // The table gives tenths of a KB (CONV1's 73,920 B of psums, 72.19 KB, as 72.1).
        QVERIFY2(std::abs(c.gbBytes[Inputs] / 1024 - t.ifmapKb) <= 0.1, layer.constData());
        QVERIFY2(std::abs(c.gbBytes[Outputs] / 1024 - t.psumKb) <= 0.1, layer.constData());
        // CONV1's last strip of output rows is 6 of 7 (55 = 7 x 7 + 6): 154 x 55 / 56 on average.
        QVERIFY2(std::abs(c.activePes - t.activePes) <= 0.02 * t.activePes, layer.constData());
    }
}

void TestCostModel::partialDoubleBufferCopiesWhatChanges()
{
    // 3x3 conv K=4 C=4 on an 8x8 output, K and Y split by 2 at DRAM level, Y innermost. GB tiles: weights 2x4x3x3 =
    // 72 words, inputs 4 channels x (4-1+3) rows x (8-1+3) columns = 240, outputs 2x4x8 = 64; 16-bit words.
    const auto [l, m] = splitKAndY("YKNGCXRS");
    Platform p = test::testAsic();
    p.clockMhz = 1000;
    p.dramGBps = 0.5; // half a byte a cycle
    // Y changes the inputs and outputs on every DRAM step; the weights stay for the 2 Y steps. Only the inputs and
    // outputs get a second copy: (72 + 2 x 240 + 2 x 64) x 2 B = 1,360 B, where every tile doubled needs
    // (72 + 240 + 64) x 2 x 2 = 1,504 B.
    Engine e = test::singlePe();
    e.gbBytes = 1400;
    QCOMPARE(evaluateLayer(l, e, m, p, true).invalid, Invalid::GbOverflow);
    p.partialDoubleBuffer = true;
    const LayerCost c = evaluateLayer(l, e, m, p, true);
    QVERIFY(c.valid());
    QCOMPARE(c.gbBytes[Weights], 144.0);
    QCOMPARE(c.gbBytes[Inputs], 960.0);
    QCOMPARE(c.gbBytes[Outputs], 256.0);
    // DRAM: weights 144 words once (Y does not move them), inputs 4 tiles x 240 = 960, outputs 4 x 64 = 256 written
    // once: 1,360 words, 2,720 B, 5,440 cycles. The inputs' and outputs' 2,432 B (4,864 cycles) stream beside the
    // 4x4x8x8x9 = 9,216 MACs of the one PE; the weights' 288 B (576 cycles) arrive while the PE waits.
    QCOMPARE(c.dramReads[Weights] + c.dramReads[Inputs] + c.dramWrites[Outputs], 1360.0);
    QCOMPARE(c.computeCycles, 9216.0);
    QVERIFY(c.gbCycles < c.computeCycles);
    QCOMPARE(c.cycles, 9216.0 + 576.0);
    // Every tile doubled (in a GB large enough), all of the DRAM time overlaps: 9,216 cycles.
    p.partialDoubleBuffer = false;
    e.gbBytes = 1504;
    QCOMPARE(evaluateLayer(l, e, m, p, true).cycles, 9216.0);
}

void TestCostModel::heuristicSizesTilesForPartialDoubleBuffering()
{
    // 1x1, K = C = Y = X = 8 (weights 64, inputs 512, outputs 512 words) on one PE with a 256 B buffer: 128 words.
    // Every operand can cross the link once only with the weights resident (64 words) and Y or X innermost at DRAM
    // level. Two copies of everything leave 64 words a copy, so the weights cannot stay: more than 1,088 words.
    // With partial double buffering Y and X change only the inputs and outputs: 64 + 2 x (8 channels x 2 pixels x
    // 2 operands) = 128 words, and every operand crosses once: 64 + 512 + 512 = 1,088.
    auto [p, e, l] = smallBufferCase(256);
    auto words = [&](const LayerCost& c) {
        return c.dramReads[Weights] + c.dramReads[Inputs] + c.dramReads[Outputs] + c.dramWrites[Outputs];
    };
    const LayerCost doubled = evaluateLayer(l, e, heuristicMapping(l, e, p, true, true), p, true);
    QVERIFY(doubled.valid());
    QVERIFY2(words(doubled) > 1088.0, qPrintable(QString::number(words(doubled))));
    p.partialDoubleBuffer = true;
    const LayerCost partial = evaluateLayer(l, e, heuristicMapping(l, e, p, true, true), p, true);
    QVERIFY(partial.valid());
    QCOMPARE(words(partial), 1088.0);
    QCOMPARE(partial.dramReads[Weights], 64.0);
}

QTEST_GUILESS_MAIN(TestCostModel)
void TestCostModel::spatialComputeStepsByHand()
{
    // 3x3 conv, 32 -> 64 channels, 56x56 output (stride 1, pad 1): 64 x 32 x 56 x 56 x 9 MACs.
    const Layer l = convLayer("c", 32, 64, 56, 3, 1, 1, 1);
    const Dataflow& kx = dataflows()[size_t(dataflowIndex("kx"))]; // K (or G) on rows, X then Y on columns
    // 8 x 28: K 64 in 8 passes of 8 rows; X 56 in 2 passes of 28 columns (none left for Y).
    QCOMPARE(spatialComputeSteps(l, kx, 8, 28), 8.0 * 32 * 56 * 2 * 9);
    // 15 x 15: K in ceil(64 / 15) = 5 passes of 13; X in ceil(56 / 15) = 4 passes of 14; Y gets 15 / 14 = 1.
    QCOMPARE(spatialComputeSteps(l, kx, 15, 15), 5.0 * 32 * 56 * 4 * 9);
    // 4 x 112: X takes 56 (one pass), Y the 2 columns left over: 28 passes.
    QCOMPARE(spatialComputeSteps(l, kx, 4, 112), 16.0 * 32 * 28 * 1 * 9);
    // One PE: every MAC is a step.
    QCOMPARE(spatialComputeSteps(l, kx, 1, 1), 64.0 * 32 * 56 * 56 * 9);
}

void TestCostModel::runLengthCodingAgreesWithAnEncoder()
{
    // A second method: encode a long stream of independent zeros the way Eyeriss does (a pair of a run of up to 31
    // zeros and the value after it, three pairs per 64-bit word) and count the words.
    uint64_t state = 12345;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / double(1ULL << 53);
    };
    for (const double zeros : { 0.1, 0.3, 0.6, 0.9, 0.99 }) {
        const long values = 400000;
        long pairs = 0;
        int run = 0;
        for (long i = 0; i < values; ++i) {
            const bool zero = uniform() < zeros;
            if (zero && run < 31) {
                ++run;
            } else {
                ++pairs; // the run so far and this value (a zero when the run is full)
                run = 0;
            }
        }
        pairs += run > 0 ? 1 : 0;
        const double words = std::ceil(pairs / 3.0);
        const double measured = std::min(1.0, words * 64.0 / (values * 16.0));
        const double model = rlcWordsPerValue(zeros, 16);
        QVERIFY2(std::abs(model - measured) < 0.01 * measured,
            qPrintable(QStringLiteral("zeros %1: model %2, encoder %3").arg(zeros).arg(model).arg(measured)));
    }
    QCOMPARE(rlcWordsPerValue(0.0, 16), 1.0);
    QCOMPARE(rlcWordsPerValue(0.1, 16), 1.0); // (4/3) x 0.9 > 1: the codec is bypassed
    QCOMPARE(rlcWordsPerValue(1.0, 16), 64.0 / 3 / 32 / 16); // every pair covers 32 zeros
    QCOMPARE(rlcWordsPerValue(0.9, 60), 1.0); // a 65-bit pair does not fit a word
}

void TestCostModel::zeroAwarePlatformCodesAndGates()
{
    // The single-PE layer of singlePeLayer (16 MACs; DRAM: weights 4, inputs 8 read, outputs 8 written once)
    // with half the inputs and three quarters of the outputs zero.
    Layer l = test::pointwise(2, 2, 2, 2);
    l.inputZeros = 0.5;
    l.outputZeros = 0.75;
    Mapping m;
    m.gb = { 1, 1, 2, 2, 2, 2, 1, 1 };
    m.order[Mapping::GbLevel] = order("KCYXNGRS");
    Platform p = test::testAsic();
    p.dramRlc = false;
    p.zeroGating = false;
    const LayerCost raw = evaluateLayer(l, test::singlePe(), m, p, true);
    QCOMPARE(raw.dramReads[Inputs], 8.0);
    QCOMPARE(raw.energyPj.rf, 112.0);
    p.dramRlc = true;
    p.zeroGating = true;
    const LayerCost c = evaluateLayer(l, test::singlePe(), m, p, true);
    QVERIFY(c.valid());
    // Half zeros: a pair covers 2 values (less 2^-32), a 16-bit value costs (64 / 3) / 2 bits: 2/3 of a word.
    // Three quarters: a pair covers 4 (1 - 0.75^32) values, 1/3 of a word each (0.75^32 = 1.0e-4).
    const double inCoded = (64.0 / 3 / 16) / (2 * (1 - std::pow(0.5, 32)));
    const double outCoded = (64.0 / 3 / 16) / (4 * (1 - std::pow(0.75, 32)));
    QVERIFY(std::abs(inCoded - 2.0 / 3) < 1e-9 && std::abs(outCoded - 0.33337) < 1e-5);
    QCOMPARE(c.dramReads[Weights], 4.0); // filters are not coded
    QCOMPARE(c.dramReads[Inputs], 8.0 * inCoded);
    QCOMPARE(c.dramWrites[Outputs], 8.0 * outCoded);
    QCOMPARE(c.energyPj.dram, (4.0 + 8.0 * inCoded + 8.0 * outCoded) * 200.0);
    // Gating: 8 of the 16 MACs run, with their 8 filter reads and 8 partial-sum reads and writes; the RF total of
    // singlePeLayer, 112, loses 3 x 8. Cycles do not change.
    QCOMPARE(c.energyPj.mac, 8.0);
    QCOMPARE(c.rfReads[Weights], 8.0);
    QCOMPARE(c.rfReads[Inputs], 16.0);
    QCOMPARE(c.energyPj.rf, 88.0);
    QCOMPARE(c.computeCycles, 16.0);
}

#include "tst_cost_model.moc"
