// Run-store write throughput: candidates per second written in batches (as a search's recorder writes them) to an
// SQLite file, and to a PostgreSQL server by 1, 2 and 4 writers at once (each its own run and connection); and how
// long after a commit another connection sees the store's change counter move (what the explorer polls).
// The server is a throwaway PostgreSQL 15 with fsync on (tests/support/pg_server.h). `bench_store sqlite` runs the
// SQLite part only.
#include "bench_util.h"

#include "store/run_store.h"

#include "../support/pg_server.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

using namespace dna;
using namespace dna::store;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kLayers = 12; // the fmnist space's networks have 12 layers (stem, 8 searchable, head)

/// A candidate as a search records it: a design file of about 6 KB and one mapping row per layer.
CandidateRecord candidate(int i)
{
    CandidateRecord c;
    c.epoch = i / 100;
    c.genotype = "fmnist:k3e1,k5e3,k3e6,skip,k5e6,k3e3,k3e1,k5e1";
    c.accuracy = 0.5 + (i % 37) * 0.01;
    c.accuracyKind = "supernet";
    c.estimateEpoch = c.epoch;
    c.fps = 1000 + (i * 7919) % 5000;
    c.latencyMs = 1000.0 / c.fps;
    c.energyUj = 50 + i % 13;
    c.edp = c.energyUj * c.latencyMs;
    c.dsp = 900;
    c.bram18 = 512;
    c.designJson = "{\"format\":\"dna-design\",\"pad\":\"" + std::string(6000, 'x') + "\"}";
    return c;
}

std::vector<LayerMappingRecord> layers()
{
    std::vector<LayerMappingRecord> v;
    for (int l = 0; l < kLayers; ++l) {
        LayerMappingRecord m;
        m.layerIndex = l;
        m.name = "layer" + std::to_string(l);
        m.type = "conv";
        m.shapeJson = R"({"K":32,"C":32,"P":14,"Q":14,"R":3,"S":3})";
        m.dataflow = "ws";
        m.mappingJson = R"({"spatial":[16,16],"gb":[2,2,1,1,1,1,1],"dram":[1,1,7,7,1,1,1],"order":["K","C","P","Q"]})";
        m.cycles = 1e4 * (l + 1);
        m.energyPj = { 1, 2, 3, 4, 5 };
        m.utilization = 0.8;
        m.bound = "compute";
        v.push_back(m);
    }
    return v;
}

/// Candidates per second one writer reaches in batches of `batch` for `seconds`.
double writeFor(RunStore& s, int batch, double seconds)
{
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = s.createRun(run);
    std::vector<CandidateRecord> cs;
    for (int i = 0; i < batch; ++i) {
        cs.push_back(candidate(i));
    }
    const std::vector<std::vector<LayerMappingRecord>> ms(size_t(batch), layers());
    const auto start = Clock::now();
    long written = 0;
    double elapsed = 0;
    do {
        s.addCandidates(id, cs, ms);
        written += batch;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);
    s.setRunState(id, RunState::Complete);
    return written / elapsed;
}

/// `writers` stores writing at once; returns the slowest writer's rate and the sum.
std::pair<double, double> concurrent(const std::string& location, int writers, int batch, double seconds)
{
    std::vector<std::unique_ptr<RunStore>> stores;
    for (int w = 0; w < writers; ++w) {
        stores.push_back(RunStore::open(location).value());
    }
    std::vector<double> rates(static_cast<size_t>(writers), 0.0);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] { rates[size_t(w)] = writeFor(*stores[size_t(w)], batch, seconds); });
    }
    for (auto& t : threads) {
        t.join();
    }
    double slowest = rates[0], sum = 0;
    for (double r : rates) {
        slowest = std::min(slowest, r);
        sum += r;
    }
    return { slowest, sum };
}

/// Median time from a commit on one connection until another connection's change counter has moved, polling as
/// fast as it can (the explorer polls every 250 ms on top of this).
double changeSeenMs(RunStore& writer, const std::string& location)
{
    auto opened = RunStore::open(location, RunStore::Mode::ReadOnly);
    if (!opened) {
        std::fprintf(stderr, "bench_store: %s\n", opened.error().detail.c_str());
        std::exit(1);
    }
    auto reader = std::move(opened).value();
    RunInfo run;
    run.requestJson = "{}";
    const int64_t id = writer.createRun(run);
    std::vector<double> delays;
    for (int i = 0; i < 50; ++i) {
        const int64_t before = reader->changeCounter();
        writer.addCandidates(id, { candidate(i) }, { layers() });
        const auto committed = Clock::now();
        while (reader->changeCounter() == before) { }
        delays.push_back(std::chrono::duration<double, std::milli>(Clock::now() - committed).count());
    }
    std::sort(delays.begin(), delays.end());
    return delays[delays.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const bool sqliteOnly = argc > 1 && std::strcmp(argv[1], "sqlite") == 0;
    char dir[] = "/tmp/bench-store-XXXXXX";
    if (!::mkdtemp(dir)) {
        return 1;
    }
    {
        const std::string file = std::string(dir) + "/runs.sqlite";
        auto s = RunStore::open(file).value();
        bench::report("sqlite_batch8_candidates_per_s", writeFor(*s, 8, 3.0));
        bench::report("sqlite_batch64_candidates_per_s", writeFor(*s, 64, 3.0));
        if (!sqliteOnly) {
            bench::report("sqlite_change_seen_ms", changeSeenMs(*s, file));
        }
    }
    std::system((std::string("rm -rf ") + dir).c_str());
    if (sqliteOnly) {
        return 0;
    }
    testing::PgServer server(true);
    if (!server.ok()) {
        std::fprintf(stderr, "bench_store: %s\n", server.error().c_str());
        return 1;
    }
    for (int batch : { 8, 64 }) {
        for (int writers : { 1, 2, 4 }) {
            const std::string uri = server.createDatabase();
            const auto [slowest, sum] = concurrent(uri, writers, batch, 3.0);
            const std::string name = "postgresql_batch" + std::to_string(batch) + "_" + std::to_string(writers) + "w";
            bench::report(name + "_per_writer_candidates_per_s", slowest);
            bench::report(name + "_total_candidates_per_s", sum);
        }
    }
    const std::string uri = server.createDatabase();
    bench::report("postgresql_change_seen_ms", changeSeenMs(*RunStore::open(uri).value(), uri));
    return 0;
}
