// Search and training runs on synthetic data (progress, cancellation, warm start), and derivation checked
// against brute-force enumeration and the FLOPs of core/workload's layer list.
#include "nas/cost_table.h"
#include "nas/dataset.h"
#include "nas/derivation.h"
#include "nas/search_run.h"
#include "nas/train_run.h"
#include "workload/network.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace dna::nas;

namespace {

std::shared_ptr<const TrainTest> synthetic()
{
    static auto data = [] {
        // One draw (the class templates come from the seed), cut into 600 training and 200 test images.
        const Dataset all = syntheticDataset(800, 1, 28, 10, 21);
        auto d = std::make_shared<TrainTest>();
        d->train = all;
        d->test = all;
        const size_t cut = 600 * all.imageBytes();
        d->train.pixels.resize(cut);
        d->train.labels.resize(600);
        d->test.pixels.erase(d->test.pixels.begin(), d->test.pixels.begin() + cut);
        d->test.labels.erase(d->test.labels.begin(), d->test.labels.begin() + 600);
        return d;
    }();
    return data;
}

SearchRequest smallSearch()
{
    SearchRequest req;
    req.data = synthetic();
    req.epochs = 2;
    req.warmupEpochs = 1;
    req.batchSize = 32;
    req.maxStepsPerEpoch = 4;
    req.archEvery = 1;
    req.calibrationBatches = 2;
    req.topK = 2;
    req.threads = 1; // robust when ctest runs other tests beside this one
    return req;
}

// Independent of CostTable: FLOPs = 2 x sum over the network's layers of the product of its loop bounds.
double networkMflops(const std::string& genotype)
{
    const auto net = dna::workload::networkFromGenotype(genotype).value();
    double macs = 0;
    for (const auto& l : net.layers) {
        double m = 1;
        for (int d : l.dims) {
            m *= d;
        }
        macs += m;
    }
    return 2 * macs / 1e6;
}

} // namespace

class TestNasSearch : public QObject {
    Q_OBJECT
private slots:
    void flopsTableMatchesLayerList_data();
    void flopsTableMatchesLayerList();
    void argmaxAndTopKMatchBruteForce();
    void samplingFollowsSoftmax();
    void searchReportsProgressAndDerives();
    void cancellationStopsWithinAStep();
    void checkpointWarmStart();
    void trainingLearnsSyntheticClasses();
    void badRequests();
};

void TestNasSearch::flopsTableMatchesLayerList_data()
{
    QTest::addColumn<QString>("genotype");
    QTest::addRow("fmnist") << "fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1";
    QTest::addRow("fmnist skips") << "fmnist:skip,skip,skip,skip,skip,skip,skip,skip";
    QTest::addRow("cifar") << "cifar:k3e1g2,k5e1g2,skip,k3e6,k5e6,k3e3,k5e3,k3e1,k5e1,k3e1g2,skip,"
                              "k3e6,k3e1,k5e1g2,k5e3,skip,k3e3,k5e6,k3e1g2,k3e1,k5e1,k3e6";
}

void TestNasSearch::flopsTableMatchesLayerList()
{
    QFETCH(QString, genotype);
    const auto net = dna::workload::networkFromGenotype(genotype.toStdString()).value();
    const auto table = flopsTable(*dna::workload::findSearchSpace(net.space));
    const double expected = networkMflops(genotype.toStdString());
    QVERIFY2(qAbs(table.genotypeCost(net.genotype) - expected) < 1e-9 * expected,
        qPrintable(QStringLiteral("%1 vs %2").arg(table.genotypeCost(net.genotype)).arg(expected)));
}

void TestNasSearch::argmaxAndTopKMatchBruteForce()
{
    const ArchLogits logits { { 0.1f, 1.2f, -0.3f }, { 0.5f, 0.4f, 0.45f }, { 2.0f, -1.0f, 1.9f } };
    QCOMPARE(argmaxGenotype(logits), (std::vector<int> { 1, 0, 0 }));
    // All 27 genotypes ranked by the product of per-layer softmax probabilities.
    std::vector<std::pair<double, std::vector<int>>> all;
    for (int a = 0; a < 3; ++a) {
        for (int b = 0; b < 3; ++b) {
            for (int c = 0; c < 3; ++c) {
                double p = 1;
                const int pick[3] = { a, b, c };
                for (int l = 0; l < 3; ++l) {
                    double z = 0;
                    for (float v : logits[l]) {
                        z += std::exp(double(v));
                    }
                    p *= std::exp(double(logits[l][pick[l]])) / z;
                }
                all.push_back({ p, { a, b, c } });
            }
        }
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    const auto top = topKGenotypes(logits, 5);
    QCOMPARE(int(top.size()), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(top[i], all[i].second);
        QVERIFY(qAbs(std::exp(genotypeLogProbability(logits, top[i])) - all[i].first) < 1e-9);
    }
}

void TestNasSearch::samplingFollowsSoftmax()
{
    const ArchLogits logits { { 0.f, std::log(3.f) } }; // probabilities 1/4, 3/4
    std::mt19937_64 rng(4);
    int ones = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        ones += sampleGenotype(logits, rng)[0];
    }
    QVERIFY(qAbs(double(ones) / n - 0.75) < 0.015);
}

void TestNasSearch::searchReportsProgressAndDerives()
{
    auto req = smallSearch();
    std::vector<double> done;
    double total = 0;
    auto r = runSearch(req, dna::CancelToken {}, [&](const dna::Progress& p) {
        done.push_back(p.done);
        total = p.total;
    });
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail.c_str());
    QCOMPARE(total, 8.0);
    QCOMPARE(done, (std::vector<double> { 1, 2, 3, 4, 5, 6, 7, 8 }));
    QCOMPARE(int(r->history.size()), 2);
    QCOMPARE(r->history[0].archLoss, 0.0); // warm-up epoch
    QVERIFY(r->history[1].archLoss > 0);
    QVERIFY(r->history[1].tau < r->history[0].tau);
    QCOMPARE(r->genotype, argmaxGenotype(r->logits));
    QVERIFY(QString::fromStdString(r->label).startsWith(QStringLiteral("fmnist:")));
    QVERIFY(qAbs(r->mflops - networkMflops(r->label)) < 1e-6);
    QVERIFY(r->accuracy >= 0 && r->accuracy <= 1);
    QCOMPARE(int(r->topK.size()), 2);
    QCOMPARE(r->topK[0].genotype, r->genotype);
    QVERIFY(!r->cancelled);
}

void TestNasSearch::cancellationStopsWithinAStep()
{
    auto req = smallSearch();
    dna::CancelToken cancel;
    int calls = 0;
    auto r = runSearch(req, cancel, [&](const dna::Progress&) {
        if (++calls == 3) {
            cancel.cancel();
        }
    });
    QVERIFY(r.ok());
    QVERIFY(r->cancelled);
    QCOMPARE(r->steps, int64_t(3));
    QCOMPARE(calls, 3);
}

void TestNasSearch::checkpointWarmStart()
{
    QTemporaryDir dir;
    auto req = smallSearch();
    req.checkpointPath = dir.filePath(QStringLiteral("ckpt.pt")).toStdString();
    req.options.archLr = 0.2;
    auto first = runSearch(req, dna::CancelToken {}, {});
    QVERIFY(first.ok());
    // A warm start with no further architecture step keeps the learnt logits.
    auto again = smallSearch();
    again.resumeFrom = req.checkpointPath;
    again.epochs = 1;
    again.warmupEpochs = 1;
    auto second = runSearch(again, dna::CancelToken {}, {});
    QVERIFY2(second.ok(), second.ok() ? "" : second.error().detail.c_str());
    QCOMPARE(second->logits, first->logits);
    again.resumeFrom = dir.filePath(QStringLiteral("missing.pt")).toStdString();
    QCOMPARE(QString::fromLatin1(runSearch(again, dna::CancelToken {}, {}).error().name()), QStringLiteral("io_error"));
}

void TestNasSearch::trainingLearnsSyntheticClasses()
{
    TrainRequest req;
    req.genotype = "fmnist:k3e1,k3e1,skip,k3e1,skip,k3e1,skip,k3e1";
    req.data = synthetic();
    req.epochs = 3;
    req.batchSize = 32;
    req.warmupSteps = 5;
    req.lr = 0.05;
    req.threads = 1;
    req.augment = {}; // random-noise templates are not shift or mirror invariant
    int64_t steps = 0;
    auto r = runTraining(req, dna::CancelToken {}, [&](const dna::Progress&) { ++steps; });
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail.c_str());
    QCOMPARE(steps, int64_t(3 * (600 / 32)));
    // Ten well-separated templates: far above the 10% of guessing.
    QVERIFY2(r->testAccuracy > 0.8, qPrintable(QString::number(r->testAccuracy)));
    QVERIFY(qAbs(r->mflops - networkMflops(req.genotype)) < 1e-6);
}

void TestNasSearch::badRequests()
{
    auto req = smallSearch();
    req.space = "nope";
    QCOMPARE(
        QString::fromLatin1(runSearch(req, dna::CancelToken {}, {}).error().name()), QStringLiteral("bad_request"));
    req = smallSearch();
    req.space = "cifar"; // 3x32x32 space, 1x28x28 data
    QVERIFY(QString::fromStdString(runSearch(req, dna::CancelToken {}, {}).error().detail)
                .contains(QStringLiteral("does not fit")));
    TrainRequest t;
    t.genotype = "fmnist:k3e1";
    t.data = synthetic();
    QCOMPARE(
        QString::fromLatin1(runTraining(t, dna::CancelToken {}, {}).error().name()), QStringLiteral("bad_genotype"));
}

QTEST_GUILESS_MAIN(TestNasSearch)
#include "tst_nas_search.moc"
