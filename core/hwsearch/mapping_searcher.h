#pragma once

#include "hwsearch/hw_search.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace dna::hwsearch {

/// The bytes that identify an accelerator to the cost model (its micro-architecture, chunks and engines): the
/// hardware search's cache key.
std::string acceleratorKey(const accel::Accelerator& acc);

/// Threads worth starting for `evaluations` cost-model evaluations: starting one costs about as much as a few
/// hundred evaluations, so small pieces of work stay on the caller's thread.
inline int workThreads(long evaluations, int threads) { return evaluations >= 2000 ? threads : 1; }

/// Per-layer mapping searches over the accelerators one hardware search visits. Layers of the same shape on
/// the same engine are one search (their best mapping is the same), the heuristic start of a layer on an
/// engine is computed once per search (the accelerators tried share engines), and a search's strategy keeps
/// its state across accelerators (DAS its logits, evolution its population).
class MappingSearcher {
public:
    MappingSearcher(Algo algo, uint64_t seed, const StrategyOptions& options)
        : m_algo(algo)
        , m_seed(seed)
        , m_options(options)
    {
    }

    /// Maps every layer of `net` on `acc` within `budget` evaluations. The start is the heuristic mapping of
    /// every layer (`full`: with its 16 loop-order trials; otherwise the dataflow's orders, one evaluation, as a
    /// screen); what the starts leave of the budget goes to the distinct layer searches: 30% evenly, 70% by
    /// each one's share of the objective (count x its start's cost, and on a pipelined accelerator for fps, x its
    /// engine's share of the slowest engine's time: the bottleneck gets the samples); the last 30% of a search's
    /// samples descend one knob at a time from its best sample. The searches run on `threads`
    /// threads and each is its own, so the result does not depend on the thread count. Returns false when cancelled or
    /// refused.
    bool run(const workload::Network& net, const accel::Platform& platform, const accel::Accelerator& acc,
        Objective objective, long budget, bool full, MappingSearchResult& out, const CancelToken* cancel, int threads);

    /// Evaluations the starts of `acc` would cost now (the ones not computed yet), and its distinct layers.
    long startEvaluations(
        const workload::Network& net, const accel::Accelerator& acc, bool full, long* distinct = nullptr);

private:
    struct Start {
        accel::Mapping mapping;
        accel::LayerCost cost;
    };

    /// What a start costs: the heuristic tries 16 loop-order pairs plus its final check; the screen only the check.
    static long evaluationsPerStart(bool full) { return full ? 17 : 1; }

    /// The mapping problem of every layer: its shape and its engine, as one number (see the .cpp).
    std::vector<uint64_t> problemKeys(
        const workload::Network& net, const accel::Accelerator& acc, const std::vector<int>& engineOf);
    static uint64_t startKey(uint64_t problem, bool full);

    Algo m_algo;
    uint64_t m_seed;
    StrategyOptions m_options;
    static constexpr size_t kMaxStarts = 100000;
    /// One searcher serves one network: its layers' shape ids are computed on the first call.
    const workload::Network* m_net = nullptr;
    std::vector<uint32_t> m_shapeOf; // per layer: the first layer of the same shape
    std::unordered_map<std::string, uint64_t> m_engineIds; // engines by everything a layer's cost reads of them
    std::unordered_map<uint64_t, Start> m_starts; // heuristic starts by layer shape, engine and effort
    std::unordered_map<uint64_t, std::unique_ptr<Strategy>> m_strategies; // by layer shape, engine position, dataflow
};

} // namespace dna::hwsearch
