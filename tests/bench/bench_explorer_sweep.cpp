// The explorer following a large running sweep on a shared PostgreSQL store (offscreen MainWindow, a throwaway
// server): a sweep of 100 tasks whose runs hold 10,000 candidates each (1,000,000), shown in the window; then
// another process commits 5 candidates to one of its runs every 100 ms for 6 s, while a 10 ms timer on the GUI
// thread records the gaps between its ticks (each commit makes the window read the store again).
//   explorer_sweep_load_s                  showing the sweep (every candidate read, plotted and tabled)
//   explorer_sweep_live_max_gap_ms         the longest gap while it follows the commits (goal <= 50 ms)
//   explorer_sweep_live_p99_gap_ms
//   explorer_sweep_live_candidates_seen    candidates the plot shows at the end (1,000,000 + 300 expected)
#include "bench_util.h"

#include "candidate_selection.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "store/run_store.h"

#include "../support/pg_server.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <iostream>
#include <random>

using namespace dna;

namespace {

constexpr int kRuns = 100;
constexpr int kPerRun = 10000;

std::vector<store::CandidateRecord> candidates(int count, std::mt19937& rng)
{
    std::uniform_real_distribution<double> logFps(0.5, 4.0), spread(0.0, 0.1);
    std::vector<store::CandidateRecord> out(static_cast<size_t>(count));
    for (auto& c : out) {
        c.genotype = "fmnist:k3e6,k5e3,k3e3,skip,k5e6,k5e6,k3e1,k3e3";
        c.accuracyKind = "supernet";
        c.fps = std::pow(10.0, logFps(rng));
        c.latencyMs = 1000.0 / c.fps;
        c.accuracy = 0.93 - 0.03 * std::log10(c.fps) - spread(rng);
        c.energyUj = 4000.0 / c.fps;
        c.edp = c.energyUj * c.latencyMs;
        c.designJson = "{}";
    }
    return out;
}

/// Child mode: the sweep's last task, as its process would run it: claims it, creates its run with 10,000
/// candidates, prints "ready", then for each line on stdin commits 5 more.
int writer(const char* uri, int64_t sweepId)
{
    auto s = store::RunStore::open(uri).value();
    std::mt19937 rng(7);
    s->claimTask(sweepId, kRuns - 1, "bench writer");
    store::RunInfo info;
    info.requestJson = "{}";
    const int64_t run = s->createRun(info);
    s->addCandidates(run, candidates(kPerRun, rng), {});
    s->updateFront(run);
    s->setTaskRun(sweepId, kRuns - 1, run);
    std::printf("ready\n");
    std::fflush(stdout);
    char line[16];
    while (std::fgets(line, sizeof line, stdin)) {
        s->addCandidates(run, candidates(5, rng), {});
        s->updateFront(run);
        std::printf("ok\n");
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (const char* uri = std::getenv("DNA_BENCH_WRITER")) {
        return writer(uri, std::atoll(std::getenv("DNA_BENCH_SWEEP")));
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication qapp(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    testing::PgServer server;
    if (!server.ok()) {
        std::cerr << server.error() << '\n';
        return 1;
    }
    const std::string uri = server.createDatabase();
    int64_t sweepId = 0;
    {
        auto s = store::RunStore::open(uri).value();
        std::vector<store::SweepTaskRecord> tasks(kRuns);
        for (int i = 0; i < kRuns; ++i) {
            tasks[size_t(i)].index = i;
            tasks[size_t(i)].paramsJson = "{\"dsp\": " + std::to_string(100 + 20 * i) + "}";
            tasks[size_t(i)].argsJson = "[]";
        }
        sweepId = s->createSweep({}, tasks);
        std::mt19937 rng(1);
        for (int i = 0; i < kRuns - 1; ++i) { // finished tasks; the last one runs in another process below
            s->claimTask(sweepId, i, "bench");
            store::RunInfo run;
            run.requestJson = "{}";
            const int64_t id = s->createRun(run);
            s->addCandidates(id, candidates(kPerRun, rng), {});
            s->updateFront(id);
            s->setTaskRun(sweepId, i, id);
            s->setRunState(id, store::RunState::Complete);
        }
    }
    app::MainWindow w;
    w.resize(1366, 768);
    w.show();
    if (!w.openStore(QString::fromStdString(uri))) {
        return 1;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DNA_BENCH_WRITER"), QString::fromStdString(uri));
    env.insert(QStringLiteral("DNA_BENCH_SWEEP"), QString::number(sweepId));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    child.waitForStarted();
    while (!child.canReadLine() && child.waitForReadyRead(60000)) { }
    child.readLine(); // ready: its run is in the store, running

    QElapsedTimer t;
    t.start();
    w.showSweep(sweepId);
    bench::report("explorer_sweep_load_s", double(t.nsecsElapsed()) * 1e-9);

    // Settle (the first replot after the load), then measure.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 2000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    std::vector<double> gaps;
    qint64 lastTick = -1;
    QElapsedTimer clock;
    clock.start();
    QTimer probe, commit;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0) {
            gaps.push_back(double(now - lastTick) / 1e6);
        }
        lastTick = now;
    });
    int commits = 0;
    QObject::connect(&commit, &QTimer::timeout, [&] {
        if (commits++ < 60) {
            child.write("next\n");
        }
    });
    probe.start(10);
    commit.start(100);
    QTimer::singleShot(8000, &qapp, &QCoreApplication::quit); // 6 s of commits, 2 s for the last to arrive
    QApplication::exec();
    child.closeWriteChannel();
    child.waitForFinished(10000);
    std::sort(gaps.begin(), gaps.end());
    bench::report("explorer_sweep_live_max_gap_ms", gaps.empty() ? 0 : gaps.back());
    bench::report("explorer_sweep_live_p99_gap_ms", gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100]);
    bench::report("explorer_sweep_live_candidates_seen", w.paretoPlot()->candidateCount());
    return 0;
}
