// GUI responsiveness of the live Pareto view (widgets/pareto_plot), offscreen:
//   pareto_add_50k_ms                  adding 50,000 candidates of 5 runs in batches of 500 (fronts included)
//   pareto_*_1m_100runs_*              the same figures for 1,000,000 candidates of 100 runs (a large sweep; batches
//                                      of 10,000), and live_append_1000_per_s_on_1m_100runs_* on top of them
//   pareto_replot_50k_ms               median of 10 full replots of those candidates at 1200x800
//   pareto_nearest_lookup_us           mean hover lookup at random pixels (first one builds the pixel index)
//   pareto_pixel_index_build_ms        that first lookup after the axes changed
//   live_append_1000_per_s_max_gap_ms  20 candidates every 20 ms for 3 s into an empty plot; the longest gap
//                                      a 10 ms timer saw between two of its ticks (and the 99th percentile)
//   live_append_1000_per_s_on_45k_max_gap_ms  the same, on top of 45,000 candidates already shown
//   table_1m_*                         the candidates table (CandidateTableView, shown) with 1,000,000 rows of 100
//                                      runs sorted by FPS: loading them in batches of 10,000 (s), then the median
//                                      time of appending 5 and 500 rows that land all over the sorted order, of 20
//                                      re-estimates while sorted by accuracy, and of sorting by accuracy (ms; each
//                                      with the repaint that follows)
// Usage: bench_gui [table] (DNA_BENCH_SHOT=file.png also saves the 50k plot; `table` runs the table cases only)
#include "bench_util.h"

#include "candidate_selection.h"
#include "candidate_table.h"
#include "pareto_plot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

using namespace dna;

namespace {

class Generator {
public:
    explicit Generator(unsigned seed)
        : m_rng(seed)
    {
    }

    std::vector<store::CandidateRecord> next(int count, int runs)
    {
        std::uniform_real_distribution<double> logFps(0.5, 4.0);
        std::normal_distribution<double> noise(0.0, 1.0);
        std::vector<store::CandidateRecord> out;
        for (int i = 0; i < count; ++i) {
            store::CandidateRecord c;
            c.id = ++m_lastId;
            c.runId = 1 + (c.id % runs);
            c.genotype = "k3e6-k5e3-k3e3-skip-k7e6-k5e6";
            c.fps = std::pow(10.0, logFps(m_rng));
            c.latencyMs = 1000.0 / c.fps;
            c.accuracy = 0.93 + 0.004 * double(c.runId) - 0.03 * std::log10(c.fps) - std::abs(noise(m_rng)) * 0.04;
            c.energyUj = 4000.0 / c.fps * std::exp(0.3 * noise(m_rng));
            c.edp = c.energyUj * c.latencyMs;
            c.dsp = 256;
            c.bram18 = 100;
            c.valid = (c.id % 17) != 0;
            out.push_back(std::move(c));
        }
        return out;
    }

private:
    std::mt19937 m_rng;
    qint64 m_lastId = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Gaps {
    double maxMs = 0;
    double p99Ms = 0;
};

// Appends 20 candidates every 20 ms for `seconds` while a 10 ms timer records the gaps between its ticks.
Gaps liveAppendGaps(widgets::ParetoPlot& plot, Generator& generator, double seconds)
{
    QTimer append, probe;
    QElapsedTimer clock;
    std::vector<double> gaps;
    qint64 lastTickNs = -1;
    QObject::connect(&append, &QTimer::timeout, [&] { plot.addCandidates(generator.next(20, 5)); });
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTickNs >= 0) {
            gaps.push_back(double(now - lastTickNs) / 1e6);
        }
        lastTickNs = now;
    });
    append.setTimerType(Qt::PreciseTimer);
    probe.setTimerType(Qt::PreciseTimer);
    clock.start();
    append.start(20);
    probe.start(10);
    QTimer::singleShot(int(seconds * 1000), qApp, &QCoreApplication::quit);
    QApplication::exec();
    std::sort(gaps.begin(), gaps.end());
    if (gaps.empty()) {
        return {};
    }
    return { gaps.back(), gaps[gaps.size() * 99 / 100] };
}

// Adds `count` candidates of `runs` runs in batches, then times full replots and hover lookups; `tag` names the
// figures (pareto_add_<tag>_ms, pareto_replot_<tag>_ms, pareto_nearest_lookup_<tag>_us, ...; the 50k case keeps
// its historical names).
void largePlot(int count, int runs, const std::string& tag, bool historicalNames)
{
    auto name = [&](const std::string& base, const std::string& unit) {
        return historicalNames && base != "pareto_add" && base != "pareto_replot" ? base + "_" + unit
                                                                                  : base + "_" + tag + "_" + unit;
    };
    widgets::ParetoPlot plot;
    widgets::CandidateSelection selection;
    plot.setSelectionModel(&selection);
    plot.resize(1200, 800);
    plot.show();
    Generator generator(1);
    const auto all = generator.next(count, runs);
    const size_t batch = count > 100000 ? 10000 : 500;

    QElapsedTimer t;
    t.start();
    for (size_t i = 0; i < all.size(); i += batch) {
        plot.addCandidates(std::vector<store::CandidateRecord>(
            all.begin() + long(i), all.begin() + long(std::min(all.size(), i + batch))));
    }
    bench::report(name("pareto_add", "ms"), double(t.nsecsElapsed()) / 1e6);
    selection.select({ 10, 20, 30 });
    plot.resetView();

    std::vector<double> times;
    for (int i = 0; i < 10; ++i) {
        t.restart();
        plot.replot(QCustomPlot::rpImmediateRefresh);
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    bench::report(name("pareto_replot", "ms"), median(times));
    if (const QByteArray shot = qgetenv("DNA_BENCH_SHOT"); !shot.isEmpty() && historicalNames) {
        plot.grab().save(QString::fromLocal8Bit(shot));
    }

    std::mt19937 rng(3);
    const QRect r = plot.axisRect()->rect();
    std::uniform_int_distribution<int> px(r.left(), r.right()), py(r.top(), r.bottom());
    t.restart();
    plot.candidateAt(QPoint(px(rng), py(rng)));
    bench::report(name("pareto_pixel_index_build", "ms"), double(t.nsecsElapsed()) / 1e6);
    const int lookups = 20000;
    int hits = 0;
    t.restart();
    for (int i = 0; i < lookups; ++i) {
        hits += plot.candidateAt(QPoint(px(rng), py(rng))) >= 0 ? 1 : 0;
    }
    bench::report(name("pareto_nearest_lookup", "us"), double(t.nsecsElapsed()) / 1e3 / lookups);
    bench::report(name("pareto_nearest_lookup_hit", "fraction"), double(hits) / lookups);
    if (!historicalNames) {
        // Live appends of a running sweep on top of it.
        const Gaps gaps = liveAppendGaps(plot, generator, 3.0);
        bench::report("live_append_1000_per_s_on_" + tag + "_max_gap_ms", gaps.maxMs);
        bench::report("live_append_1000_per_s_on_" + tag + "_p99_gap_ms", gaps.p99Ms);
    }
}

/// The candidates table at a million rows: the times a sorted table takes to take in what a running sweep brings.
void largeTable()
{
    widgets::CandidateTableView view;
    widgets::CandidateSelection selection;
    view.setSelectionModel(&selection);
    view.resize(1200, 600);
    view.show();
    view.tableView()->sortByColumn(widgets::CandidateTableModel::FpsColumn, Qt::DescendingOrder);
    Generator generator(5);
    QElapsedTimer t;
    t.start();
    for (int batch = 0; batch < 100; ++batch) {
        view.model()->appendCandidates(generator.next(10000, 100));
        QCoreApplication::processEvents();
    }
    bench::report("table_1m_load_s", double(t.nsecsElapsed()) * 1e-9);
    selection.select({ 17, 500001 });
    QCoreApplication::processEvents();
    auto timed = [](const std::function<void()>& work) {
        QElapsedTimer clock;
        clock.start();
        work();
        QCoreApplication::processEvents();
        return double(clock.nsecsElapsed()) / 1e6;
    };
    for (int count : { 5, 500 }) {
        std::vector<double> times;
        for (int i = 0; i < 10; ++i) {
            auto batch = generator.next(count, 100);
            times.push_back(timed([&] { view.model()->appendCandidates(batch); }));
        }
        bench::report("table_1m_sorted_append_" + std::to_string(count) + "_ms", median(times));
    }
    view.tableView()->sortByColumn(widgets::CandidateTableModel::AccuracyColumn, Qt::DescendingOrder);
    std::mt19937 rng(9);
    std::uniform_int_distribution<int> row(0, view.model()->rowCount() - 1);
    std::uniform_real_distribution<double> accuracy(0.6, 0.95);
    std::vector<double> times;
    for (int i = 0; i < 10; ++i) {
        std::vector<store::EstimateRecord> estimates(20);
        for (auto& e : estimates) {
            e.candidateId = view.model()->record(row(rng)).id;
            e.accuracy = accuracy(rng);
            e.kind = "supernet";
            e.epoch = 1 + i;
        }
        times.push_back(timed([&] { view.model()->updateEstimates(estimates); }));
    }
    bench::report("table_1m_reestimate_20_ms", median(times));
    times.clear();
    for (int i = 0; i < 3; ++i) {
        const auto order = i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder;
        times.push_back(timed([&] { view.tableView()->sortByColumn(widgets::CandidateTableModel::FpsColumn, order); }));
    }
    bench::report("table_1m_sort_ms", median(times));
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);

    if (argc > 1 && std::string(argv[1]) == "table") {
        largeTable();
        return 0;
    }
    largePlot(50000, 5, "50k", true);
    // A large sweep loaded: 100 runs of 10,000 candidates.
    largePlot(1000000, 100, "1m_100runs", false);
    {
        widgets::ParetoPlot plot;
        plot.resize(1200, 800);
        plot.show();
        Generator generator(2);
        const Gaps gaps = liveAppendGaps(plot, generator, 3.0);
        bench::report("live_append_1000_per_s_max_gap_ms", gaps.maxMs);
        bench::report("live_append_1000_per_s_p99_gap_ms", gaps.p99Ms);
    }
    {
        widgets::ParetoPlot plot;
        plot.resize(1200, 800);
        plot.show();
        Generator generator(3);
        plot.addCandidates(generator.next(45000, 5));
        plot.resetView();
        const Gaps gaps = liveAppendGaps(plot, generator, 3.0);
        bench::report("live_append_1000_per_s_on_45k_max_gap_ms", gaps.maxMs);
        bench::report("live_append_1000_per_s_on_45k_p99_gap_ms", gaps.p99Ms);
        bench::report("live_append_candidates_after", plot.candidateCount());
    }
    largeTable();
    return 0;
}
