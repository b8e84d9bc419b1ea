// How long after another process commits candidates to a shared PostgreSQL store the explorer's plot shows them
// (offscreen MainWindow on a throwaway server with fsync on; the window shows the run the other process writes):
//   explorer_live_update_median_ms, explorer_live_update_max_ms   over 20 commits, one every 0.7 s
// The window's watcher polls every 500 ms, so the median is expected near 250 ms plus one reload.
#include "bench_util.h"

#include "candidate_selection.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "runs_browser.h"
#include "store/run_store.h"

#include "../support/pg_server.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <iostream>

using namespace dna;

namespace {

double monotonicMs()
{
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/// Child mode: creates a run, then for each line on stdin commits 5 candidates and prints the monotonic time of
/// the commit.
int writer(const char* uri)
{
    auto s = store::RunStore::open(uri).value();
    store::RunInfo run;
    run.requestJson = "{}";
    const int64_t id = s->createRun(run);
    std::printf("run %lld\n", (long long)id);
    std::fflush(stdout);
    char line[16];
    for (int batch = 0; std::fgets(line, sizeof line, stdin); ++batch) {
        std::vector<store::CandidateRecord> cs;
        for (int i = 0; i < 5; ++i) {
            store::CandidateRecord c;
            c.genotype = "fmnist:k3e1";
            c.accuracy = 0.5 + 0.001 * (batch * 5 + i);
            c.fps = 1000 - batch * 5 - i;
            c.designJson = "{}";
            cs.push_back(c);
        }
        s->addCandidates(id, cs, {});
        s->updateFront(id);
        std::printf("%.3f\n", monotonicMs());
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (const char* uri = std::getenv("DNA_BENCH_WRITER")) {
        return writer(uri);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication qapp(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    testing::PgServer server(true);
    if (!server.ok()) {
        std::cerr << server.error() << '\n';
        return 1;
    }
    const std::string uri = server.createDatabase();
    app::MainWindow w;
    if (!w.openStore(QString::fromStdString(uri))) {
        return 1;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DNA_BENCH_WRITER"), QString::fromStdString(uri));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    child.waitForReadyRead(10000);
    const qint64 runId = QString::fromUtf8(child.readLine()).section(u' ', 1).trimmed().toLongLong();
    // Wait until the window lists the run, then show it.
    QElapsedTimer wait;
    wait.start();
    while (w.runsBrowser()->model()->rowCount() == 0 && wait.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    w.showRuns({ runId });
    std::vector<double> delays;
    for (int batch = 1; batch <= 20; ++batch) {
        child.write("next\n");
        child.waitForReadyRead(10000);
        const double committed = QString::fromUtf8(child.readLine()).trimmed().toDouble();
        while (w.paretoPlot()->candidateCount() < batch * 5 && monotonicMs() - committed < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        delays.push_back(monotonicMs() - committed);
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < 700) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
    }
    child.closeWriteChannel();
    child.waitForFinished(10000);
    std::sort(delays.begin(), delays.end());
    bench::report("explorer_live_update_median_ms", delays[delays.size() / 2]);
    bench::report("explorer_live_update_max_ms", delays.back());
    return 0;
}
