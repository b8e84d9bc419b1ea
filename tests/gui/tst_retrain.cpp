// Train from scratch in the explorer: a stored candidate trained on demand by the window's retrain queue (tiny
// trainings on synthetic data, a real SQLite store) gets its test accuracy, epochs and weights file recorded
// beside its estimate, drawn as a second marker, and the weights predict what an independent nas::runTraining of
// the same genotype predicts; a cancelled training leaves the candidate as it was.
#include "app_identity.h"
#include "candidate_selection.h"
#include "candidate_table.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "retrain_queue.h"

#include "nas/batch_loader.h"
#include "nas/search_run.h"
#include "nas/supernet.h"
#include "nas/train_run.h"
#include "store/run_store.h"
#include "workload/network.h"

#include "../support/small_search.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <numeric>

using dna::app::MainWindow;
using dna::session::RetrainQueue;

namespace {

const char* const kGenotype = "fmnist:k3e1,skip,k3e3,skip,k3e1,skip,k5e1,skip";

/// The trainings of this test: 6 steps of 32 synthetic images per epoch on one thread (deterministic).
dna::nas::TrainRequest tinyTraining()
{
    dna::nas::TrainRequest t;
    t.data = dna::testing::syntheticData();
    t.batchSize = 32;
    t.maxStepsPerEpoch = 6;
    t.threads = 1;
    t.seed = 3;
    return t;
}

/// A store with one run and two candidates (estimates of 41 % and 52 %).
std::vector<int64_t> makeStore(const QString& path, const std::string& requestJson = "{}")
{
    auto store = dna::store::RunStore::open(path.toStdString()).value();
    dna::store::RunInfo run;
    run.requestJson = requestJson;
    run.name = "stored";
    run.state = dna::store::RunState::Complete;
    const int64_t runId = store->createRun(run);
    std::vector<dna::store::CandidateRecord> cs(2);
    for (size_t i = 0; i < cs.size(); ++i) {
        cs[i].genotype = kGenotype;
        cs[i].accuracy = i == 0 ? 0.41 : 0.52;
        cs[i].accuracyKind = "supernet";
        cs[i].estimateEpoch = 2;
        cs[i].fps = 1000.0 * double(i + 1);
        cs[i].latencyMs = 1.0 / double(i + 1);
        cs[i].energyUj = 5;
    }
    auto ids = store->addCandidates(runId, cs, {});
    store->updateFront(runId);
    return ids;
}

} // namespace

class TestRetrain : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(dna::app::organizationName(), dna::app::applicationName()).clear();
        QVERIFY(m_dir.isValid());
        dna::nas::setTrainingThreads(1);
    }

    void trainsOnTheDataItsRunSearched()
    {
        // A candidate of a run that searched CIFAR-10 is trained on CIFAR-10, not on the images the window's
        // template holds: here that data is not installed, so the job fails naming it (and leaves no result).
        const QString path = m_dir.filePath(QStringLiteral("cifar-run.sqlite"));
        const auto ids = makeStore(path, R"({"dataset": "cifar10"})");
        MainWindow window;
        auto request = dna::testing::smallSearchRequest(2);
        request.dataDir = m_dir.filePath(QStringLiteral("no-data-here")).toStdString();
        window.setRequestTemplate(request);
        QVERIFY(window.openStore(path));
        window.retrainQueue()->setTemplate(tinyTraining());
        window.setTrainingEpochsOverride(1);
        window.selection()->select({ qint64(ids[0]) });
        QSignalSpy failed(window.retrainQueue(), &RetrainQueue::failed);
        QSignalSpy idle(window.retrainQueue(), &RetrainQueue::idle);
        window.trainSelected();
        QVERIFY(idle.wait(60000));
        QCOMPARE(failed.count(), 1);
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("cifar"), Qt::CaseInsensitive), qPrintable(message));
        auto reader = dna::store::RunStore::open(path.toStdString(), dna::store::RunStore::Mode::ReadOnly).value();
        QCOMPARE(reader->candidate(ids[0])->retrainedAccuracy, -1.0);
    }

    void trainedCandidateKeepsEstimateAndGetsWeights()
    {
        const QString path = m_dir.filePath(QStringLiteral("trained.sqlite"));
        const auto ids = makeStore(path);
        MainWindow window;
        auto request = dna::testing::smallSearchRequest(2);
        window.setRequestTemplate(request);
        QVERIFY(window.openStore(path));
        window.retrainQueue()->setTemplate(tinyTraining());
        window.setTrainingEpochsOverride(2);
        window.selection()->select({ qint64(ids[0]) });
        QSignalSpy trained(window.retrainQueue(), &RetrainQueue::trained);
        QSignalSpy idle(window.retrainQueue(), &RetrainQueue::idle);
        window.trainSelected();
        QVERIFY(window.retrainQueue()->isBusy());
        QVERIFY(idle.wait(120000));
        QCOMPARE(trained.count(), 1);
        QCOMPARE(trained.at(0).at(0).toLongLong(), qint64(ids[0]));
        const double accuracy = trained.at(0).at(1).toDouble();
        const QString weights = trained.at(0).at(3).toString();
        QVERIFY(QFileInfo::exists(weights));
        QVERIFY(weights.startsWith(m_dir.path())); // next to the store

        // The window recorded it; reopen the file read-only beside the writer to check.
        auto reader = dna::store::RunStore::open(path.toStdString(), dna::store::RunStore::Mode::ReadOnly).value();
        const auto c = reader->candidate(ids[0]);
        QCOMPARE(c->retrainedAccuracy, accuracy);
        QCOMPARE(c->retrainedEpochs, 2);
        QCOMPARE(QString::fromStdString(c->weightsPath), weights);
        QCOMPARE(c->accuracy, 0.41); // the estimate the front compares is untouched
        QCOMPARE(c->accuracyKind, std::string("supernet"));
        QCOMPARE(reader->estimates(ids[0]).back().kind, std::string("retrained"));
        QCOMPARE(reader->candidate(ids[1])->retrainedAccuracy, -1.0);
        // Shown: a diamond in the plot, the accuracy in the table's Trained column.
        QCOMPARE(window.paretoPlot()->retrainedCount(), 1);
        auto* model = window.candidateTable()->model();
        QCOMPARE(model->index(model->rowOfId(ids[0]), dna::widgets::CandidateTableModel::RetrainedColumn)
                     .data(dna::widgets::CandidateTableModel::SortRole)
                     .toDouble(),
            accuracy);

        // A second method: the same genotype trained by nas::runTraining with the same schedule and seed. The
        // stored weights predict what it predicts, and score the recorded accuracy on the test images.
        auto independent = tinyTraining();
        independent.genotype = kGenotype;
        independent.epochs = 2;
        independent.checkpointPath = m_dir.filePath(QStringLiteral("independent.pt")).toStdString();
        const auto r = dna::nas::runTraining(independent, dna::CancelToken {}, {});
        QVERIFY(r.ok());
        QCOMPARE(r->testAccuracy, accuracy);
        const auto net = dna::workload::networkFromGenotype(kGenotype).value();
        auto load = [&](const std::string& file) {
            dna::nas::SupernetOptions options;
            options.fixedOps = net.genotype;
            auto n = dna::nas::Supernet::create(*dna::workload::findSearchSpace("fmnist"), options).value();
            const auto e = n->load(file);
            return e ? nullptr : std::move(n);
        };
        auto stored = load(weights.toStdString());
        auto second = load(independent.checkpointPath);
        QVERIFY(stored && second);
        std::vector<int> first64(64);
        std::iota(first64.begin(), first64.end(), 0);
        const auto images = dna::nas::makeBatch(independent.data->test, first64, 0, 64);
        const auto a = stored->predict(images, net.genotype), b = second->predict(images, net.genotype);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(qAbs(a[i] - b[i]) < 1e-5f, qPrintable(QStringLiteral("%1 vs %2").arg(a[i]).arg(b[i])));
        }
        // Untrained weights predict otherwise (the comparison can fail).
        dna::nas::SupernetOptions fresh;
        fresh.fixedOps = net.genotype;
        auto untrained = dna::nas::Supernet::create(*dna::workload::findSearchSpace("fmnist"), fresh).value();
        QVERIFY(untrained->predict(images, net.genotype) != a);
    }

    void cancelLeavesTheEstimate()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.sqlite"));
        const auto ids = makeStore(path);
        MainWindow window;
        window.setRequestTemplate(dna::testing::smallSearchRequest(2));
        QVERIFY(window.openStore(path));
        auto slow = tinyTraining();
        slow.maxStepsPerEpoch = 0; // full passes: long enough to be stopped
        window.retrainQueue()->setTemplate(slow);
        window.setTrainingEpochsOverride(50);
        window.selection()->select({ qint64(ids[0]), qint64(ids[1]) });
        QSignalSpy progress(window.retrainQueue(), &RetrainQueue::progress);
        QSignalSpy cancelled(window.retrainQueue(), &RetrainQueue::cancelled);
        QSignalSpy trained(window.retrainQueue(), &RetrainQueue::trained);
        QSignalSpy idle(window.retrainQueue(), &RetrainQueue::idle);
        window.trainSelected();
        QCOMPARE(window.retrainQueue()->waiting(), 1);
        window.trainSelected(); // both are queued or training already: nothing is added
        QCOMPARE(window.retrainQueue()->waiting(), 1);
        // Wait for steps to be under way, then stop everything.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                     [](const QList<QVariant>& a) { return a.at(3).toDouble() > 0; }),
            60000);
        window.retrainQueue()->cancelAll();
        QVERIFY(idle.wait(60000));
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(trained.count(), 0);
        QCOMPARE(window.retrainQueue()->waiting(), 0);
        auto reader = dna::store::RunStore::open(path.toStdString(), dna::store::RunStore::Mode::ReadOnly).value();
        for (const auto id : ids) {
            const auto c = reader->candidate(id);
            QCOMPARE(c->retrainedAccuracy, -1.0);
            QCOMPARE(c->weightsPath, std::string());
            QCOMPARE(int(reader->estimates(id).size()), 1);
        }
        QCOMPARE(reader->candidate(ids[0])->accuracy, 0.41);
        QCOMPARE(window.paretoPlot()->retrainedCount(), 0);
        // No weights file was left behind for the stopped training.
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("cancelled-candidate*") }).size(), 0);
    }
};

QTEST_MAIN(TestRetrain)
#include "tst_retrain.moc"
