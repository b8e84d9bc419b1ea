// Sweeps (dna-cli sweep), on Fashion-MNIST (Debian's dataset-fashion-mnist), small searches of one epoch:
//   sweep_local_single_core_sum_s   the 12 tasks of a dsp x seed grid run one after another, each alone with one
//                                   thread (dna-cli search --threads 1, wall time of each process, summed)
//   sweep_local_j2_s                the same 12 tasks as one `dna-cli sweep --executor local -j 2` (wall time)
//   sweep_local_j2_ratio            sweep_local_j2_s / (sweep_local_single_core_sum_s / 2); the goal is <= 1.1
//   sweep_slurm_wall_s              4 tasks through sbatch on a single-node Slurm cluster this bench starts, one
//                                   at a time (-j 1), into a PostgreSQL store it starts: submit to the last commit
//   sweep_slurm_search_s            the tasks' own search time (each search's `seconds`, summed)
//   sweep_slurm_overhead_per_task_s (wall - search) / 4: scheduling, start-up, dataset load, store claim
// Usage: bench_sweep (run it alone: it trains)
#include "bench_util.h"

#include "store/run_store.h"

#include "../support/pg_server.h"
#include "../support/slurm_cluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace dna;

namespace {

const QStringList kTaskOptions { QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--steps-per-epoch"),
    QStringLiteral("20") };

double run(const QStringList& args)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setStandardErrorFile(QProcess::nullDevice()); // the searches' progress bars
    p.start(QStringLiteral(DNA_CLI_BIN), args);
    if (!p.waitForFinished(3600 * 1000) || p.exitCode() != 0) {
        std::fprintf(stderr, "dna-cli %s failed:\n%s\n", qPrintable(args.join(QLatin1Char(' '))),
            p.readAllStandardOutput().constData());
        std::exit(1);
    }
    return double(t.nsecsElapsed()) * 1e-9;
}

void localSweep()
{
    QTemporaryDir dir;
    const QString single = dir.filePath(QStringLiteral("single.sqlite"));
    double sum = 0;
    for (int dsp : { 300, 600, 900 }) {
        for (int seed = 1; seed <= 4; ++seed) {
            sum += run(QStringList { QStringLiteral("search"), QStringLiteral("--db"), single,
                           QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--dsp"),
                           QString::number(dsp), QStringLiteral("--seed"), QString::number(seed) }
                + kTaskOptions);
        }
    }
    bench::report("sweep_local_single_core_sum_s", sum);
    const double sweep = run(
        QStringList { QStringLiteral("sweep"), QStringLiteral("--db"), dir.filePath(QStringLiteral("sweep.sqlite")),
            QStringLiteral("--grid"), QStringLiteral("dsp=300,600,900"), QStringLiteral("--seeds"),
            QStringLiteral("1-4"), QStringLiteral("-j"), QStringLiteral("2") }
        + kTaskOptions);
    bench::report("sweep_local_j2_s", sweep);
    bench::report("sweep_local_j2_ratio", sweep / (sum / 2));
}

void slurmSweep()
{
    testing::PgServer server;
    testing::SlurmCluster cluster;
    if (!server.ok() || !cluster.ok()) {
        std::fprintf(stderr, "cannot start the servers: %s %s\n", server.error().c_str(), cluster.error().c_str());
        std::exit(1);
    }
    const std::string uri = server.createDatabase();
    const QString logs = QString::fromStdString(cluster.folder());
    QElapsedTimer wall;
    wall.start();
    run(QStringList { QStringLiteral("sweep"), QStringLiteral("--db"), QString::fromStdString(uri),
            QStringLiteral("--seeds"), QStringLiteral("1-4"), QStringLiteral("--executor"), QStringLiteral("slurm"),
            QStringLiteral("-j"), QStringLiteral("1"), QStringLiteral("--script-dir"), logs,
            QStringLiteral("--json-progress") }
        + kTaskOptions);
    auto done = [&] {
        auto s = store::RunStore::open(uri, store::RunStore::Mode::ReadOnly);
        if (!s) {
            return false;
        }
        const auto tasks = (*s)->sweepTasks(1);
        return tasks.size() == 4 && std::all_of(tasks.begin(), tasks.end(), [](const auto& t) {
            return t.finished() || t.state == "failed" || t.state == "interrupted";
        });
    };
    while (!done()) {
        QThread::msleep(100); // polling the store for the outcome
    }
    const double wallSeconds = double(wall.nsecsElapsed()) * 1e-9;
    double search = 0;
    int finished = 0;
    for (const QString& f : QDir(logs).entryList({ QStringLiteral("dna-sweep-1-*.out") })) {
        QFile out(QDir(logs).filePath(f));
        out.open(QIODevice::ReadOnly);
        for (const QByteArray& line : out.readAll().split('\n')) {
            const QJsonObject ev = QJsonDocument::fromJson(line).object();
            if (ev[QStringLiteral("event")].toString() == QStringLiteral("finished")) {
                search += ev[QStringLiteral("seconds")].toDouble();
                ++finished;
            }
        }
    }
    if (finished != 4) {
        std::fprintf(stderr, "%d of 4 tasks finished (logs in %s)\n", finished, qPrintable(logs));
        std::exit(1);
    }
    bench::report("sweep_slurm_wall_s", wallSeconds);
    bench::report("sweep_slurm_search_s", search);
    bench::report("sweep_slurm_overhead_per_task_s", (wallSeconds - search) / 4);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    localSweep();
    slurmSweep();
    return 0;
}
