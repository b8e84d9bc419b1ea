// The supernet on synthetic data: learning, gradients, the top-2 rule, the FLOPs term, genotype round trips,
// checkpoints and NaN handling. Expectations come from the layer shapes and from which tensors ran.
#include "nas/batch_loader.h"
#include "nas/cost_table.h"
#include "nas/dataset.h"
#include "nas/derivation.h"
#include "nas/search_run.h"
#include "nas/supernet.h"
#include "workload/network.h"

#include <QTemporaryDir>
#include <QtTest>

#include <numeric>

using namespace dna::nas;
using dna::workload::findSearchSpace;
using dna::workload::SearchSpace;

namespace {

const SearchSpace& fmnist() { return *findSearchSpace("fmnist"); }

Batch syntheticBatch(int n, uint64_t seed)
{
    static const Dataset d = syntheticDataset(256, 1, 28, 10, 11);
    std::vector<int> idx(n);
    std::iota(idx.begin(), idx.end(), int(seed % 128));
    return makeBatch(d, idx, 0, n);
}

std::unique_ptr<Supernet> makeNet(SupernetOptions o = {})
{
    auto net = Supernet::create(fmnist(), o);
    if (!net.ok()) {
        qFatal("%s", net.error().detail.c_str());
    }
    return std::move(net).value();
}

// Expected MFLOPs under the per-layer softmax, with the table computed here from the layer dims (2 FLOPs/MAC).
double expectedMflops(const ArchLogits& logits)
{
    const auto& space = fmnist();
    const auto p = opProbabilities(logits);
    double total = 0;
    for (int l = 0; l < space.searchableLayers(); ++l) {
        for (int o = 0; o < int(space.ops.size()); ++o) {
            double macs = 0;
            for (const auto& layer : dna::workload::opLayers(space, l, o, "x")) {
                double m = 1;
                for (int d : layer.dims) {
                    m *= d;
                }
                macs += m;
            }
            total += p[l][o] * 2 * macs / 1e6;
        }
    }
    return total;
}

} // namespace

class TestNasSupernet : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { setTrainingThreads(1); } // robust when ctest runs other tests beside this one
    void lossFalls();
    void weightStepRunsOnePathPerLayer();
    void top2TouchesExactlyTwoOps();
    void offsetCorrectionKeepsPairMass();
    void softModeReachesEveryLogit();
    void zeroInitResidualOpsStartAsIdentity();
    void flopsWeightMovesMassToCheapOps();
    void genotypeRoundTrip_data();
    void genotypeRoundTrip();
    void checkpointRestoresOutputs();
    void nanLossStopsWithError();
    void badRequests();
};

void TestNasSupernet::lossFalls()
{
    SupernetOptions o;
    o.fixedOps = std::vector<int>(8, 1); // k3e3 everywhere
    o.weightLr = 0.05;
    auto net = makeNet(o);
    const Batch b = syntheticBatch(32, 0);
    std::vector<double> losses;
    for (int i = 0; i < 12; ++i) {
        auto st = net->weightStep(b);
        QVERIFY(st.ok());
        losses.push_back(st->loss);
    }
    QVERIFY2(losses.back() < 0.6 * losses.front(),
        qPrintable(QStringLiteral("%1 -> %2").arg(losses.front()).arg(losses.back())));
}

void TestNasSupernet::weightStepRunsOnePathPerLayer()
{
    auto net = makeNet();
    QVERIFY(net->weightStep(syntheticBatch(16, 1)).ok());
    const auto active = net->lastActiveOps();
    const auto grads = net->opWeightGradients();
    QCOMPARE(int(active.size()), 8);
    for (int l = 0; l < 8; ++l) {
        QCOMPARE(int(active[l].size()), 1);
        for (int o = 0; o < 7; ++o) {
            const bool ran = o == active[l][0];
            const bool parameterless = fmnist().ops[o].isSkip() && fmnist().slot(l).stride == 1
                && fmnist().slot(l).inChannels == fmnist().slot(l).outChannels;
            QVERIFY2((grads[l][o] > 0) == (ran && !parameterless),
                qPrintable(QStringLiteral("layer %1 op %2").arg(l).arg(o)));
        }
    }
    // The weight step leaves the logits alone.
    for (const auto& row : net->logitGradients()) {
        for (float g : row) {
            QCOMPARE(g, 0.f);
        }
    }
}

void TestNasSupernet::top2TouchesExactlyTwoOps()
{
    SupernetOptions o;
    o.seed = 3;
    // Gradient plumbing at initialisation: with zero-initialised residual ops every residual op of a layer is
    // the identity, so their outputs and hence their logit gradients would be equal (zero difference).
    o.zeroInitResidual = false;
    auto net = makeNet(o);
    for (int step = 0; step < 3; ++step) {
        QVERIFY(net->archStep(syntheticBatch(16, step)).ok());
        const auto active = net->lastActiveOps();
        const auto logitGrads = net->logitGradients();
        const auto weightGrads = net->opWeightGradients();
        for (int l = 0; l < 8; ++l) {
            QCOMPARE(int(active[l].size()), 2);
            QVERIFY(active[l][0] != active[l][1]);
            int nonZero = 0;
            for (int op = 0; op < 7; ++op) {
                const bool inPair = op == active[l][0] || op == active[l][1];
                nonZero += logitGrads[l][op] != 0.f;
                // Ops outside the pair never ran: no gradient reached their logits. The architecture step
                // computes no weight gradients at all (the weights are not its parameters).
                if (!inPair) {
                    QCOMPARE(logitGrads[l][op], 0.f);
                }
                QCOMPARE(weightGrads[l][op], 0.0);
            }
            QCOMPARE(nonZero, 2);
            // Softmax over the pair: the two logit gradients cancel.
            const float sum = logitGrads[l][active[l][0]] + logitGrads[l][active[l][1]];
            QVERIFY(qAbs(sum) <= 1e-6f + 1e-3f * qAbs(logitGrads[l][active[l][0]]));
        }
    }
}

void TestNasSupernet::offsetCorrectionKeepsPairMass()
{
    SupernetOptions o;
    o.archLr = 0.5;
    // Gradient plumbing at initialisation: with zero-initialised residual ops every residual op of a layer is
    // the identity, so their outputs and hence their logit gradients would be equal (zero difference).
    o.zeroInitResidual = false;
    auto net = makeNet(o);
    const auto before = net->logits();
    QVERIFY(net->archStep(syntheticBatch(16, 4)).ok());
    const auto after = net->logits();
    const auto active = net->lastActiveOps();
    for (int l = 0; l < 8; ++l) {
        const int i = active[l][0], j = active[l][1];
        const double massBefore = std::exp(before[l][i]) + std::exp(before[l][j]);
        const double massAfter = std::exp(after[l][i]) + std::exp(after[l][j]);
        QVERIFY2(qAbs(massBefore - massAfter) < 1e-4 * massBefore,
            qPrintable(QStringLiteral("layer %1: %2 vs %3").arg(l).arg(massBefore).arg(massAfter)));
        QVERIFY(after[l][i] != before[l][i]); // the ratio did move
    }
}

void TestNasSupernet::softModeReachesEveryLogit()
{
    SupernetOptions o;
    o.mode = ForwardMode::SoftAllPaths;
    // Gradient plumbing at initialisation: with zero-initialised residual ops every residual op of a layer is
    // the identity, so their outputs and hence their logit gradients would be equal (zero difference).
    o.zeroInitResidual = false;
    auto net = makeNet(o);
    QVERIFY(net->archStep(syntheticBatch(16, 5)).ok());
    const auto g = net->logitGradients();
    for (int l = 0; l < 8; ++l) {
        QCOMPARE(int(net->lastActiveOps()[l].size()), 7);
        for (int op = 0; op < 7; ++op) {
            QVERIFY(g[l][op] != 0.f);
        }
    }
}

void TestNasSupernet::zeroInitResidualOpsStartAsIdentity()
{
    // Default options: at a layer that keeps its shape (stride 1, same channels), every residual op and skip
    // output their input, so the soft mixture does not depend on the logits: zero gradient. Layers that change
    // shape have no residual and different ops give different outputs.
    SupernetOptions o;
    o.mode = ForwardMode::SoftAllPaths;
    auto net = makeNet(o);
    QVERIFY(net->archStep(syntheticBatch(16, 5)).ok());
    const auto g = net->logitGradients();
    const auto& space = fmnist();
    int identityLayers = 0;
    for (int l = 0; l < space.searchableLayers(); ++l) {
        const auto slot = space.slot(l);
        const bool keepsShape = slot.stride == 1 && slot.inChannels == slot.outChannels;
        identityLayers += keepsShape;
        float largest = 0;
        for (int op = 0; op < int(space.ops.size()); ++op) {
            largest = std::max(largest, std::abs(g[l][op]));
        }
        if (keepsShape) {
            QVERIFY2(largest < 1e-7f, qPrintable(QStringLiteral("layer %1: %2").arg(l).arg(largest)));
        } else {
            QVERIFY2(largest > 1e-6f, qPrintable(QStringLiteral("layer %1: %2").arg(l).arg(largest)));
        }
    }
    QVERIFY(identityLayers > 0 && identityLayers < space.searchableLayers());
}

void TestNasSupernet::flopsWeightMovesMassToCheapOps()
{
    const double start = expectedMflops(ArchLogits(8, std::vector<float>(7, 1e-3f)));
    auto run = [&](double lambda) {
        SupernetOptions o;
        o.seed = 9;
        o.archLr = 0.05;
        auto net = makeNet(o);
        net->setCostTable(flopsTable(fmnist()), lambda);
        for (int i = 0; i < 30; ++i) {
            const auto st = net->archStep(syntheticBatch(16, i));
            if (!st.ok()) {
                qFatal("%s", st.error().detail.c_str());
            }
        }
        return expectedMflops(net->logits());
    };
    const double heavy = run(10.0);
    const double none = run(0.0);
    QVERIFY2(heavy < 0.8 * start, qPrintable(QStringLiteral("%1 -> %2").arg(start).arg(heavy)));
    QVERIFY2(qAbs(none - start) < 0.1 * start, qPrintable(QStringLiteral("%1 -> %2").arg(start).arg(none)));
}

void TestNasSupernet::genotypeRoundTrip_data()
{
    QTest::addColumn<QString>("genotype");
    QTest::addRow("fmnist mixed") << "fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1";
    QTest::addRow("fmnist skips") << "fmnist:skip,skip,skip,skip,skip,skip,skip,skip";
    QTest::addRow("cifar grouped") << "cifar:k3e1g2,k5e1g2,skip,k3e6,k5e6,k3e3,k5e3,k3e1,k5e1,k3e1g2,skip,"
                                      "k3e6,k3e1,k5e1g2,k5e3,skip,k3e3,k5e6,k3e1g2,k3e1,k5e1,k3e6";
}

void TestNasSupernet::genotypeRoundTrip()
{
    QFETCH(QString, genotype);
    const auto expected = dna::workload::networkFromGenotype(genotype.toStdString());
    QVERIFY(expected.ok());
    const SearchSpace& space = *findSearchSpace(expected->space);
    SupernetOptions o;
    o.fixedOps = expected->genotype;
    auto net = Supernet::create(space, o);
    QVERIFY(net.ok());
    QCOMPARE(QString::fromStdString(genotypeString(space, expected->genotype)), genotype);
    const auto layers = (*net)->describeLayers(expected->genotype);
    QCOMPARE(layers.size(), expected->layers.size());
    for (size_t i = 0; i < layers.size(); ++i) {
        const auto& a = layers[i];
        const auto& b = expected->layers[i];
        QCOMPARE(QString::fromStdString(a.name), QString::fromStdString(b.name));
        QCOMPARE(int(a.type), int(b.type));
        QVERIFY2(a.dims == b.dims, qPrintable(QString::fromStdString(a.name)));
        QCOMPARE(a.strideY, b.strideY);
        QCOMPARE(a.padY, b.padY);
    }
}

void TestNasSupernet::checkpointRestoresOutputs()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("supernet.pt")).toStdString();
    SupernetOptions o;
    o.seed = 5;
    auto a = makeNet(o);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(a->weightStep(syntheticBatch(16, i)).ok());
        QVERIFY(a->archStep(syntheticBatch(16, i + 10)).ok());
    }
    a->setTau(2.5);
    QVERIFY(!a->save(path));

    o.seed = 6; // different initial weights
    auto b = makeNet(o);
    const Batch probe = syntheticBatch(8, 40);
    const std::vector<int> g { 0, 1, 2, 3, 4, 5, 6, 0 };
    QVERIFY(a->predict(probe, g) != b->predict(probe, g));
    QVERIFY(!b->load(path));
    QCOMPARE(b->predict(probe, g), a->predict(probe, g));
    QCOMPARE(b->logits(), a->logits());
    QCOMPARE(b->tau(), 2.5);
    // The optimiser states came along: the next identical step gives identical weights.
    // (The sampler's state came along too, so both train the same path.)
    QVERIFY(a->weightStep(syntheticBatch(16, 50)).ok() && b->weightStep(syntheticBatch(16, 50)).ok());
    QCOMPARE(b->lastActiveOps(), a->lastActiveOps());
    const auto pa = a->predict(probe, g), pb = b->predict(probe, g);
    for (size_t i = 0; i < pa.size(); ++i) {
        QVERIFY2(qAbs(pa[i] - pb[i]) < 1e-5f, qPrintable(QStringLiteral("%1 vs %2").arg(pa[i]).arg(pb[i])));
    }

    auto cifar = Supernet::create(*findSearchSpace("cifar"), {});
    QVERIFY(cifar.ok());
    auto e = (*cifar)->load(path);
    QVERIFY(e);
    QCOMPARE(QString::fromStdString(e->code), QStringLiteral("checkpoint_mismatch"));
    auto missing = b->load(dir.filePath(QStringLiteral("none.pt")).toStdString());
    QVERIFY(missing && missing->code == "io_error");
}

void TestNasSupernet::nanLossStopsWithError()
{
    SearchRequest req;
    auto data = std::make_shared<TrainTest>();
    data->train = syntheticDataset(200, 1, 28, 10, 1);
    data->test = syntheticDataset(50, 1, 28, 10, 2);
    req.data = data;
    req.epochs = 2;
    req.warmupEpochs = 0;
    req.batchSize = 16;
    req.maxStepsPerEpoch = 4;
    req.options.weightLr = 1e30; // the first update blows the weights up
    req.options.gradClip = 0;
    req.options.weightDecay = 0;
    req.threads = 1;
    auto r = runSearch(req, dna::CancelToken {}, {});
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().code), QStringLiteral("nan_loss"));
    QVERIFY(QString::fromStdString(r.error().detail).contains(QStringLiteral("learning rate")));
}

void TestNasSupernet::badRequests()
{
    SupernetOptions o;
    o.fixedOps = { 1, 2 };
    QCOMPARE(QString::fromStdString(Supernet::create(fmnist(), o).error().code), QStringLiteral("bad_request"));
    o.fixedOps = std::vector<int>(8, 7);
    QCOMPARE(QString::fromStdString(Supernet::create(fmnist(), o).error().code), QStringLiteral("bad_request"));
    SupernetOptions dev;
    dev.device = "toaster";
    QCOMPARE(QString::fromStdString(Supernet::create(fmnist(), dev).error().code), QStringLiteral("bad_request"));
}

QTEST_GUILESS_MAIN(TestNasSupernet)
#include "tst_nas_supernet.moc"
