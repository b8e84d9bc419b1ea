// Properties of the cost model over thousands of random valid mappings, and the DRAM traffic checked
// against a second method: a brute-force walk of the loop nest that counts tile changes one iteration at a time.
#include "test_helpers.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace dna;
using namespace dna::accel;
using namespace dna::workload;

namespace {

int pick(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

std::vector<int> divisors(int n)
{
    std::vector<int> d;
    for (int i = 1; i <= n; ++i) {
        if (n % i == 0) {
            d.push_back(i);
        }
    }
    return d;
}

Layer randomLayer(std::mt19937& rng)
{
    Layer l;
    l.name = "rand";
    const bool dw = pick(rng, 0, 3) == 0;
    l.type = dw ? LayerType::Depthwise : LayerType::Conv;
    const int k = pick(rng, 0, 2) * 2 + 1;
    l.dims = { pick(rng, 1, 2), dw ? pick(rng, 2, 32) : 1, dw ? 1 : pick(rng, 1, 48), dw ? 1 : pick(rng, 1, 48),
        pick(rng, 1, 14), pick(rng, 1, 14), k, k };
    l.strideY = l.strideX = pick(rng, 1, 2);
    return l;
}

/// Random spatial factors allowed by the dataflow, random RF / GB tiles (dividing or not), DRAM covering the
/// rest, random loop orders.
Mapping randomMapping(std::mt19937& rng, const Layer& l, const Engine& e, bool dividing)
{
    const Dataflow& df = dataflows()[e.dataflow];
    Mapping m;
    // The brute-force comparison walks only the DRAM level, so dividing mappings keep the array at one PE.
    if (!dividing) {
        int rowsLeft = e.rows;
        for (int d : df.rowDims) {
            const int s = std::min(l.dims[d], pick(rng, 1, rowsLeft));
            m.spatialRow[d] = s;
            rowsLeft /= s;
        }
        int colsLeft = e.cols;
        for (int d : df.colDims) {
            if (m.spatialRow[d] > 1) {
                continue;
            }
            const int s = std::min(l.dims[d], pick(rng, 1, colsLeft));
            m.spatialCol[d] = s;
            colsLeft /= s;
        }
    }
    for (int d = 0; d < kDims; ++d) {
        const int rest = (l.dims[d] + m.spatial(d) - 1) / m.spatial(d);
        if (dividing) {
            const auto divs = divisors(rest);
            m.rf[d] = divs[pick(rng, 0, int(divs.size()) - 1)];
            const auto divs2 = divisors(rest / m.rf[d]);
            m.gb[d] = divs2[pick(rng, 0, int(divs2.size()) - 1)];
            m.dram[d] = rest / m.rf[d] / m.gb[d];
        } else {
            m.rf[d] = pick(rng, 1, std::min(rest, 3));
            const int afterRf = (rest + m.rf[d] - 1) / m.rf[d];
            m.gb[d] = pick(rng, 1, afterRf);
            m.dram[d] = (afterRf + m.gb[d] - 1) / m.gb[d];
        }
    }
    for (auto& o : m.order) {
        std::shuffle(o.begin(), o.end(), rng);
    }
    return m;
}

Engine bigEngine(int dataflow)
{
    Engine e = test::singlePe(dataflow);
    e.rows = 8;
    e.cols = 8;
    e.gbBytes = int64_t(1) << 30;
    e.rfBytes = 1 << 20;
    return e;
}

/// Brute force: walks the DRAM-level loop nest iteration by iteration (outermost loop slowest) and counts how
/// often the GB tile of each operand changes, i.e. how many DRAM fills it needs. Dividing factors only.
std::array<long, kOperands> bruteForceDramFills(const Mapping& m)
{
    const auto& order = m.order[Mapping::DramLevel];
    std::array<int, kDims> idx {};
    std::array<long, kOperands> fills {};
    std::array<std::vector<int>, kOperands> last;
    bool done = false;
    while (!done) {
        for (int o = 0; o < kOperands; ++o) {
            std::vector<int> key;
            for (int d = 0; d < kDims; ++d) {
                if (relevant(Operand(o), d)) {
                    key.push_back(idx[d]);
                }
            }
            if (key != last[o]) {
                ++fills[o];
                last[o] = key;
            }
        }
        // Increment the innermost loop first (order[0]), carrying outward.
        int i = 0;
        for (; i < kDims; ++i) {
            const int d = order[i];
            if (++idx[d] < m.dram[d]) {
                break;
            }
            idx[d] = 0;
        }
        done = i == kDims;
    }
    return fills;
}

double tileWordsOf(Operand o, const Layer& l, const Mapping& m)
{
    std::array<int, kDims> t {};
    for (int d = 0; d < kDims; ++d) {
        t[d] = m.rf[d] * m.spatial(d) * m.gb[d];
    }
    switch (o) {
    case Weights:
        return double(t[G]) * t[K] * t[C] * t[R] * t[S];
    case Inputs:
        return double(t[N]) * t[G] * t[C] * windowExtent(t[Y], t[R], l.strideY) * windowExtent(t[X], t[S], l.strideX);
    case Outputs:
        return double(t[N]) * t[G] * t[K] * t[Y] * t[X];
    }
    return 0;
}

} // namespace

class TestCostProperties : public QObject {
    Q_OBJECT
private slots:
    void boundsHoldOverRandomMappings();
    void swappingLoopsWithEqualReuseKeepsTraffic();
    void dramTrafficMatchesBruteForce();
};

void TestCostProperties::boundsHoldOverRandomMappings()
{
    std::mt19937 rng(12345);
    const Platform p = test::testAsic();
    int checked = 0;
    for (int trial = 0; trial < 5000; ++trial) {
        const Layer l = randomLayer(rng);
        const Engine e = bigEngine(pick(rng, 0, int(dataflows().size()) - 1));
        const Mapping m = randomMapping(rng, l, e, false);
        const LayerCost c = evaluateLayer(l, e, m, p, trial % 2 == 0);
        QVERIFY2(c.valid(), invalidCode(c.invalid));
        ++checked;
        const double macs = double(l.macs());
        QVERIFY(c.energyPj.total() >= macs * p.energy.macPj);
        QVERIFY(c.dramReads[Weights] >= l.operandWords(Weights) - 1e-6);
        QVERIFY(c.dramReads[Inputs] >= l.operandWords(Inputs) - 1e-6);
        QVERIFY(c.dramWrites[Outputs] >= l.operandWords(Outputs) - 1e-6);
        QVERIFY(c.cycles >= macs / e.pes() - 1e-6);
        QVERIFY(c.computeCycles >= macs / e.pes() - 1e-6);
        QVERIFY(c.utilization > 0 && c.utilization <= 1.0 + 1e-12);
        QVERIFY(c.activePes <= e.pes() + 1e-9);
    }
    QCOMPARE(checked, 5000);
}

void TestCostProperties::swappingLoopsWithEqualReuseKeepsTraffic()
{
    // Loops with the same set of relevant operands ({N, Y, X}: inputs and outputs; {R, S}: weights and inputs)
    // can trade places at any level without changing any traffic.
    std::mt19937 rng(7);
    const Platform p = test::testAsic();
    for (int trial = 0; trial < 3000; ++trial) {
        const Layer l = randomLayer(rng);
        const Engine e = bigEngine(pick(rng, 0, int(dataflows().size()) - 1));
        const Mapping m = randomMapping(rng, l, e, false);
        const LayerCost a = evaluateLayer(l, e, m, p, true);
        Mapping swapped = m;
        auto& order = swapped.order[pick(rng, 0, 2)];
        for (int i = 0; i + 1 < kDims; ++i) {
            const int x = order[i];
            const int y = order[i + 1];
            const bool sameIO = (x == N || x == Y || x == X) && (y == N || y == Y || y == X);
            const bool sameWI = (x == R || x == S) && (y == R || y == S);
            if (sameIO || sameWI) {
                std::swap(order[i], order[i + 1]);
                break;
            }
        }
        const LayerCost b = evaluateLayer(l, e, swapped, p, true);
        for (int o = 0; o < kOperands; ++o) {
            QCOMPARE(b.dramReads[o], a.dramReads[o]);
            QCOMPARE(b.dramWrites[o], a.dramWrites[o]);
            QCOMPARE(b.gbReads[o], a.gbReads[o]);
            QCOMPARE(b.nocWords[o], a.nocWords[o]);
        }
        QCOMPARE(b.energyPj.total(), a.energyPj.total());
    }
}

void TestCostProperties::dramTrafficMatchesBruteForce()
{
    std::mt19937 rng(99);
    const Platform p = test::testAsic();
    for (int trial = 0; trial < 1500; ++trial) {
        const Layer l = randomLayer(rng);
        const Engine e = bigEngine(0);
        const Mapping m = randomMapping(rng, l, e, true);
        const LayerCost c = evaluateLayer(l, e, m, p, true);
        QVERIFY(c.valid());
        const auto fills = bruteForceDramFills(m);
        QCOMPARE(c.dramReads[Weights], fills[Weights] * tileWordsOf(Weights, l, m));
        QCOMPARE(c.dramReads[Inputs], fills[Inputs] * tileWordsOf(Inputs, l, m));
        QCOMPARE(c.dramWrites[Outputs], fills[Outputs] * tileWordsOf(Outputs, l, m));
        QCOMPARE(c.dramReads[Outputs], fills[Outputs] * tileWordsOf(Outputs, l, m) - l.operandWords(Outputs));
    }
}

QTEST_GUILESS_MAIN(TestCostProperties)
#include "tst_cost_properties.moc"
