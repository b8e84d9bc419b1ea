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

#include <cmath>
#include <map>
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
    void sharedOpsAreSlicesOfOneKernel();
    void sharedStepTrainsOnlyItsSlice();
    void sharedCheckpointsKeepTheirMode();
    void fitOwnWeightsTouchesOnlySkipProjections();
    void sandwichStepAlsoTrainsTheLargestPath();
    void sandwichSmallestPathTrainsSkipProjections();
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
    QCOMPARE(QString::fromStdString(genotypeString(space, expected->genotype)), genotype);
    // The standalone network, and the genotype's path through a shared-weight supernet, run the same layers.
    for (const bool shared : { false, true }) {
        SupernetOptions o;
        if (shared) {
            o.sharing = WeightSharing::Shared;
        } else {
            o.fixedOps = expected->genotype;
        }
        auto net = Supernet::create(space, o);
        QVERIFY(net.ok());
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
    QCOMPARE(QString::fromLatin1(e->name()), QStringLiteral("checkpoint_mismatch"));
    auto missing = b->load(dir.filePath(QStringLiteral("none.pt")).toStdString());
    QVERIFY(missing && missing->code == dna::ErrorCode::IoError);
}

namespace {

std::map<std::string, TensorData> tensorMap(const Supernet& net, bool gradients = false)
{
    std::map<std::string, TensorData> m;
    for (auto& [name, t] : net.namedTensors(gradients)) {
        m[name] = std::move(t);
    }
    return m;
}

// A shared supernet whose weight steps sample `op` in every layer (the sandwich rule every n-th step when n > 0).
std::unique_ptr<Supernet> sharedNetSampling(int op, int sandwichEvery = 0, SandwichPaths paths = SandwichPaths::Largest)
{
    SupernetOptions o;
    o.sharing = WeightSharing::Shared;
    o.zeroInitResidual = false;
    o.sandwichEvery = sandwichEvery;
    o.sandwichPaths = paths;
    auto net = makeNet(o);
    ArchLogits logits(8, std::vector<float>(7, 0.f));
    for (auto& row : logits) {
        row[size_t(op)] = 1000.f; // Gumbel noise cannot overturn this
    }
    net->setLogits(logits);
    return net;
}

// Rows [0, rows) of a tensor's first dimension, and within each the centred k x k window of its last two
// (k = its own size keeps them whole), or the first `cols` entries of its second dimension.
TensorData slice(const TensorData& t, int64_t rows, int64_t cols, int64_t k)
{
    TensorData out;
    const int64_t d1 = t.shape[1], h = t.shape[2], w = t.shape[3];
    const int64_t off = (h - k) / 2;
    out.shape = { rows, cols, k, k };
    for (int64_t a = 0; a < rows; ++a) {
        for (int64_t b = 0; b < cols; ++b) {
            for (int64_t y = 0; y < k; ++y) {
                for (int64_t x = 0; x < k; ++x) {
                    out.values.push_back(t.values[size_t(((a * d1 + b) * h + y + off) * w + x + off)]);
                }
            }
        }
    }
    return out;
}

} // namespace

void TestNasSupernet::sharedOpsAreSlicesOfOneKernel()
{
    // A trained shared-weight supernet, and a standalone network whose weights this test cuts out of it by index:
    // the centre 3x3 of the 5x5 depthwise kernel, the first in x e channels of expand and project, the op's own
    // batch norms. Both must compute the same class scores for the genotype.
    const auto& space = fmnist();
    SupernetOptions o;
    o.sharing = WeightSharing::Shared;
    o.zeroInitResidual = false; // every op's output depends on every slice from the start
    o.seed = 3;
    auto shared = makeNet(o);
    for (int i = 0; i < 6; ++i) {
        QVERIFY(shared->weightStep(syntheticBatch(16, i)).ok());
    }
    const std::vector<int> g { 0, 1, 5, 6, 2, 3, 4, 1 }; // k3e1,k3e3,k5e6,skip,k3e6,k5e1,k5e3,k3e3
    SupernetOptions alone;
    alone.fixedOps = g;
    alone.seed = 9;
    auto standalone = makeNet(alone);
    const auto source = tensorMap(*shared);
    int copied = 0;
    for (const auto& [name, t] : standalone->namedTensors()) {
        const auto dot = name.find('.');
        const std::string module = name.substr(0, dot), rest = name.substr(dot + 1);
        std::string from = name;
        TensorData value;
        if (module.rfind("layer", 0) == 0 && module.substr(module.find('_') + 1) != "skip") {
            const int l = std::stoi(module.substr(5));
            const auto& op = space.ops[size_t(g[size_t(l)])];
            const int64_t in = space.slot(l).inChannels, mid = in * op.expansion;
            const std::string layer = module.substr(0, module.find('_')) + "_shared.";
            if (rest == "expand.weight") {
                value = slice(source.at(layer + "expand.weight"), mid, in, 1);
            } else if (rest == "dw.weight") {
                value = slice(source.at(layer + "dw.weight"), mid, 1, op.kernel);
            } else if (rest == "project.weight") {
                const auto& p = source.at(layer + "project.weight");
                value = slice(p, p.shape[0], mid, 1);
            } else {
                from = layer + op.name + "_" + rest; // bn_expand.weight -> layer0_shared.k3e1_bn_expand.weight
            }
        }
        if (value.shape.empty()) {
            QVERIFY2(source.count(from), from.c_str());
            value = source.at(from);
        }
        QVERIFY2(!standalone->setTensor(name, value), name.c_str());
        ++copied;
    }
    QVERIFY(copied > 40);
    const Batch probe = syntheticBatch(8, 40);
    const auto a = shared->predict(probe, g), b = standalone->predict(probe, g);
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QVERIFY2(qAbs(a[i] - b[i]) < 1e-4f, qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(a[i]).arg(b[i])));
    }
}

void TestNasSupernet::sharedStepTrainsOnlyItsSlice()
{
    // Every layer forced to k3e1 (op 0): the step's gradients reach the first in channels of expand and project
    // and the centre 3x3 of the depthwise kernel, nothing else of the superkernel and no other op's batch norm.
    const auto& space = fmnist();
    auto net = sharedNetSampling(0);
    QVERIFY(net->weightStep(syntheticBatch(16, 2)).ok());
    const auto grads = tensorMap(*net, true);
    for (int l = 0; l < space.searchableLayers(); ++l) {
        const std::string layer = "layer" + std::to_string(l) + "_shared.";
        const int64_t in = space.slot(l).inChannels;
        const auto& e = grads.at(layer + "expand.weight"); // [in x 6, in, 1, 1]
        const auto& dw = grads.at(layer + "dw.weight"); // [in x 6, 1, 5, 5]
        const auto& p = grads.at(layer + "project.weight"); // [out, in x 6, 1, 1]
        double inside = 0, outside = 0;
        for (size_t i = 0; i < e.values.size(); ++i) {
            (int64_t(i) / in < in ? inside : outside) += std::abs(e.values[i]);
        }
        for (size_t i = 0; i < dw.values.size(); ++i) {
            const int64_t row = int64_t(i) / 25, y = int64_t(i) % 25 / 5, x = int64_t(i) % 5;
            (row < in && y >= 1 && y <= 3 && x >= 1 && x <= 3 ? inside : outside) += std::abs(dw.values[i]);
        }
        const int64_t mid6 = p.shape[1];
        for (size_t i = 0; i < p.values.size(); ++i) {
            (int64_t(i) % mid6 < in ? inside : outside) += std::abs(p.values[i]);
        }
        QVERIFY2(inside > 0, layer.c_str());
        QCOMPARE(outside, 0.0);
        QVERIFY(grads.count(layer + "k3e1_bn_dw.weight"));
        for (const char* other : { "k3e3", "k3e6", "k5e1", "k5e3", "k5e6" }) {
            QVERIFY2(!grads.count(layer + other + "_bn_dw.weight"), other);
        }
    }
    // The per-op diagnostic counts an op's slice: k5e6's (the whole kernel) holds all of k3e1's convolution
    // gradients though it did not run, k3e1's adds its batch norms'.
    const auto mass = net->opWeightGradients();
    for (int l = 0; l < space.searchableLayers(); ++l) {
        QVERIFY(mass[size_t(l)][5] > 0);
        QVERIFY(mass[size_t(l)][5] < mass[size_t(l)][0]);
    }
}

void TestNasSupernet::sharedCheckpointsKeepTheirMode()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("shared.pt")).toStdString();
    SupernetOptions o;
    o.sharing = WeightSharing::Shared;
    auto a = makeNet(o);
    QVERIFY(a->weightStep(syntheticBatch(16, 1)).ok());
    QVERIFY(!a->save(path));
    o.seed = 7;
    auto b = makeNet(o);
    const Batch probe = syntheticBatch(8, 40);
    const std::vector<int> g { 5, 4, 3, 2, 1, 0, 6, 5 };
    QVERIFY(a->predict(probe, g) != b->predict(probe, g));
    QVERIFY(!b->load(path));
    QCOMPARE(b->predict(probe, g), a->predict(probe, g));
    auto separate = makeNet({});
    auto e = separate->load(path);
    QVERIFY(e);
    QCOMPARE(QString::fromLatin1(e->name()), QStringLiteral("checkpoint_mismatch"));
    QVERIFY2(QString::fromStdString(e->detail).contains(QStringLiteral("--supernet shared")), e->detail.c_str());
    // A separate-weights checkpoint does not load into the shared mode either.
    const std::string sepPath = dir.filePath(QStringLiteral("separate.pt")).toStdString();
    QVERIFY(!separate->save(sepPath));
    auto e2 = b->load(sepPath);
    QVERIFY(e2 && e2->code == dna::ErrorCode::CheckpointMismatch);
    WeightSharing parsed = WeightSharing::Separate;
    QVERIFY(parseWeightSharing("shared", parsed) && parsed == WeightSharing::Shared);
    QVERIFY(!parseWeightSharing("entangled", parsed) && parsed == WeightSharing::Shared);
}

void TestNasSupernet::fitOwnWeightsTouchesOnlySkipProjections()
{
    // fmnist's layers 1 (16 -> 24, stride 2) and 3 (24 -> 32) change shape, layer 4 (32 -> 32) does not; op 6 is
    // skip. Its projections are the only weights of those layers no other op trains: 16 x 24 + 2 x 24 and
    // 24 x 32 + 2 x 32 (1x1 convolution, batch-norm scale and shift).
    SupernetOptions o;
    o.sharing = WeightSharing::Shared;
    auto net = makeNet(o);
    const std::vector<int> owning { 0, 6, 0, 6, 6, 0, 0, 0 };
    QVERIFY(net->hasOwnWeights(owning));
    QVERIFY(!net->hasOwnWeights({ 6, 0, 6, 0, 6, 0, 6, 0 })); // skip only where the shape is kept
    SupernetOptions separate;
    QVERIFY(!makeNet(separate)->hasOwnWeights(owning)); // every op owns its weights: nothing singled out

    const auto before = tensorMap(*net);
    const int64_t fitted
        = net->fitOwnWeights({ syntheticBatch(16, 3), syntheticBatch(16, 4), syntheticBatch(16, 5) }, owning, 0.05);
    QCOMPARE(fitted, int64_t(16 * 24 + 2 * 24 + 24 * 32 + 2 * 32));
    const auto after = tensorMap(*net);
    int changed = 0;
    for (const auto& [name, t] : before) {
        if (name.find("running_") != std::string::npos || name.find("num_batches") != std::string::npos) {
            continue; // batch-norm statistics: the fit runs in training mode; estimates recalibrate them
        }
        const bool own = name.rfind("layer1_skip.", 0) == 0 || name.rfind("layer3_skip.", 0) == 0;
        if (own) {
            changed += t.values != after.at(name).values;
        } else {
            QVERIFY2(t.values == after.at(name).values, name.c_str());
        }
    }
    QCOMPARE(changed, 6); // both projections' convolution, scale and shift
    net->restoreOwnWeights();
    const auto restored = tensorMap(*net);
    for (const auto& [name, t] : before) {
        if (name.find("_skip.") != std::string::npos && name.find("running_") == std::string::npos
            && name.find("num_batches") == std::string::npos) {
            QVERIFY2(t.values == restored.at(name).values, name.c_str());
        }
    }
}

void TestNasSupernet::sandwichStepAlsoTrainsTheLargestPath()
{
    // Every layer forced to k3e1 (op 0) and the sandwich rule every second weight step: the first step also runs
    // k5e6 (op 5: expansion 6 and a 5x5 kernel, the whole superkernel), so gradients reach the expand weights past
    // the first `in` channels and k5e6's batch norms; the second step is k3e1's alone, as without the rule.
    const auto& space = fmnist();
    auto net = sharedNetSampling(0, 2);
    for (int step = 0; step < 2; ++step) {
        QVERIFY(net->weightStep(syntheticBatch(16, 2)).ok());
        const auto grads = tensorMap(*net, true);
        for (int l = 0; l < space.searchableLayers(); ++l) {
            const std::string layer = "layer" + std::to_string(l) + "_shared.";
            const int64_t in = space.slot(l).inChannels;
            const auto& e = grads.at(layer + "expand.weight"); // [in x 6, in, 1, 1]
            double outside = 0;
            for (size_t i = size_t(in * in); i < e.values.size(); ++i) {
                outside += std::abs(e.values[i]);
            }
            QVERIFY2((outside > 0) == (step == 0), layer.c_str());
            QVERIFY2(grads.count(layer + "k5e6_bn_dw.weight") == (step == 0 ? 1u : 0u), layer.c_str());
            QVERIFY(!grads.count(layer + "k3e6_bn_dw.weight"));
        }
    }
    // A checkpoint keeps the rule's phase: after one more step (the third, a sandwich step) the resumed
    // supernet's next step is the fourth, without the largest path, as it is for the original.
    QVERIFY(net->weightStep(syntheticBatch(16, 2)).ok());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("sandwich.pt")).toStdString();
    QVERIFY(!net->save(path));
    auto resumed = sharedNetSampling(0, 2);
    QVERIFY(!resumed->load(path));
    for (Supernet* n : { net.get(), resumed.get() }) {
        QVERIFY(n->weightStep(syntheticBatch(16, 2)).ok());
        QVERIFY(!tensorMap(*n, true).count("layer0_shared.k5e6_bn_dw.weight"));
    }
}

void TestNasSupernet::sandwichSmallestPathTrainsSkipProjections()
{
    // Every layer forced to k3e1 (op 0). With the smallest path on every weight step, skip (op 6) runs in every
    // layer too, so gradients reach skip's 1x1 projection where a layer changes shape, and nothing of k5e6;
    // without the rule skip never runs.
    const auto& space = fmnist();
    for (int every : { 0, 1 }) {
        auto net = sharedNetSampling(0, every, SandwichPaths::Smallest);
        QVERIFY(net->weightStep(syntheticBatch(16, 2)).ok());
        const auto grads = tensorMap(*net, true);
        int projections = 0;
        for (int l = 0; l < space.searchableLayers(); ++l) {
            const auto slot = space.slot(l);
            if (slot.inChannels == slot.outChannels && slot.stride == 1) {
                continue; // skip is the identity here
            }
            ++projections;
            const std::string name = "layer" + std::to_string(l) + "_skip.proj.weight";
            QVERIFY2(grads.count(name) == (every == 1 ? 1u : 0u), name.c_str());
            QVERIFY(!grads.count("layer" + std::to_string(l) + "_shared.k5e6_bn_dw.weight"));
        }
        QVERIFY(projections > 0);
    }
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
    QCOMPARE(QString::fromLatin1(r.error().name()), QStringLiteral("nan_loss"));
    QVERIFY(QString::fromStdString(r.error().detail).contains(QStringLiteral("learning rate")));
}

void TestNasSupernet::badRequests()
{
    SupernetOptions o;
    o.fixedOps = { 1, 2 };
    QCOMPARE(QString::fromLatin1(Supernet::create(fmnist(), o).error().name()), QStringLiteral("bad_request"));
    o.fixedOps = std::vector<int>(8, 7);
    QCOMPARE(QString::fromLatin1(Supernet::create(fmnist(), o).error().name()), QStringLiteral("bad_request"));
    SupernetOptions dev;
    dev.device = "toaster";
    QCOMPARE(QString::fromLatin1(Supernet::create(fmnist(), dev).error().name()), QStringLiteral("bad_request"));
}

QTEST_GUILESS_MAIN(TestNasSupernet)
#include "tst_nas_supernet.moc"
