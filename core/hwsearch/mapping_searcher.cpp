#include "hwsearch/mapping_searcher.h"

#include "accel/heuristic_mapper.h"
#include "hwsearch/knob_space.h"
#include "hwsearch/mapping_space.h"
#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <unordered_set>

namespace dna::hwsearch {

using namespace dna::accel;
using namespace dna::workload;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

template <class T> void appendBytes(std::string& key, const T& value)
{
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

/// What makes two layers the same mapping problem: everything the cost model reads (not the name), as bytes.
std::string layerKey(const Layer& l)
{
    std::string k;
    k.reserve(64);
    appendBytes(k, l.type);
    appendBytes(k, l.dims);
    for (int v : { l.strideY, l.strideX, l.padY, l.padX, l.weightBits, l.inputBits, l.outputBits }) {
        appendBytes(k, v);
    }
    appendBytes(k, l.inputZeros); // the cost depends on them where the platform exploits zeros
    appendBytes(k, l.outputZeros);
    return k;
}

/// Everything of an engine a layer's cost depends on, with the accelerator's double buffering, as bytes.
std::string engineKey(const Engine& e, bool doubleBuffer)
{
    std::string k;
    k.reserve(96);
    for (int v : { e.rows, e.cols, e.dataflow, e.rfBytes, int(doubleBuffer) }) {
        appendBytes(k, v);
    }
    appendBytes(k, e.gbBytes);
    appendBytes(k, e.noc);
    appendBytes(k, e.gbShare);
    appendBytes(k, e.rfSplit);
    return k;
}

} // namespace

std::string acceleratorKey(const Accelerator& acc)
{
    std::string k;
    appendBytes(k, acc.arch);
    appendBytes(k, acc.separateDepthwise);
    for (int c : acc.chunkStarts) {
        appendBytes(k, c);
    }
    for (const auto& e : acc.engines) {
        k += engineKey(e, acc.doubleBuffer); // fixed length
    }
    return k;
}

bool MappingSearcher::run(const Network& net, const Platform& platform, const Accelerator& acc, Objective objective,
    long budget, bool full, MappingSearchResult& out, const CancelToken* cancel, int threads)
{
    const size_t layers = net.layers.size();
    const ObjectiveInfo& info = objectiveInfo(objective);
    const std::vector<int> engineOf = acc.assignEngines(net);
    const std::vector<uint64_t> problems = problemKeys(net, acc, engineOf);

    // Distinct (layer shape, engine) problems; group[i] is layer i's.
    std::vector<size_t> group(layers);
    std::vector<size_t> representative; // first layer of every group
    std::vector<int> members;
    std::vector<uint64_t> startKeys;
    {
        std::unordered_map<uint64_t, size_t> index;
        for (size_t i = 0; i < layers; ++i) {
            auto [it, added] = index.emplace(problems[i], representative.size());
            if (added) {
                representative.push_back(i);
                members.push_back(0);
                startKeys.push_back(startKey(problems[i], full));
            }
            group[i] = it->second;
            ++members[it->second];
        }
    }
    const size_t groups = representative.size();

    // Heuristic starts: the ones this search has not computed yet, in parallel. The store of them is
    // bounded (a million-evaluation screen of a small network visits a few hundred thousand layer-engine
    // pairs); past the bound it starts again.
    if (m_starts.size() + groups > kMaxStarts) {
        m_starts.clear();
    }
    std::vector<size_t> missing;
    for (size_t g = 0; g < groups; ++g) {
        if (!m_starts.count(startKeys[g])) {
            missing.push_back(g);
        }
    }
    std::vector<Start> computed(missing.size());
    const long startsCost = long(missing.size()) * evaluationsPerStart(full);
    parallelFor(int(missing.size()), workThreads(startsCost, threads), [&](int j) {
        const size_t i = representative[missing[size_t(j)]];
        const Engine& en = acc.engines[size_t(engineOf[i])];
        Start& st = computed[size_t(j)];
        st.mapping = heuristicMapping(net.layers[i], en, platform, acc.doubleBuffer, full);
        st.cost = evaluateLayer(net.layers[i], en, st.mapping, platform, acc.doubleBuffer);
    });
    out.evaluations += startsCost;
    for (size_t j = 0; j < missing.size(); ++j) {
        m_starts.emplace(startKeys[missing[j]], std::move(computed[j]));
    }
    std::vector<const Start*> start(groups);
    for (size_t g = 0; g < groups; ++g) {
        start[g] = &m_starts.at(startKeys[g]);
    }

    budget -= startsCost; // what is left for samples

    // References for the per-layer weights and the budget's shares.
    std::vector<double> refCycles(groups, 1.0);
    std::vector<double> refEnergy(groups, 1.0);
    double totalCycles = 0;
    double totalEnergy = 0;
    std::vector<double> engineCycles(acc.engines.size(), 0.0);
    for (size_t g = 0; g < groups; ++g) {
        if (start[g]->cost.valid()) {
            refCycles[g] = start[g]->cost.cycles;
            refEnergy[g] = start[g]->cost.energyPj.total();
        }
        totalCycles += members[g] * refCycles[g];
        totalEnergy += members[g] * refEnergy[g];
        engineCycles[size_t(engineOf[representative[g]])] += members[g] * refCycles[g];
    }
    const double slowest = *std::max_element(engineCycles.begin(), engineCycles.end());
    std::vector<double> share(groups, 0.0);
    double shareSum = 0;
    for (size_t g = 0; g < groups; ++g) {
        if (info.budgetByCycles && info.budgetByEnergy) {
            share[g] = members[g] * (refCycles[g] / totalCycles + refEnergy[g] / totalEnergy);
        } else if (info.budgetByCycles) {
            share[g] = members[g] * refCycles[g] / totalCycles;
            // Throughput: a pipeline runs at its slowest engine's pace; the others' layers matter less.
            if (info.maximise && acc.arch == MicroArch::Pipelined && slowest > 0) {
                share[g] *= engineCycles[size_t(engineOf[representative[g]])] / slowest;
            }
        } else {
            share[g] = members[g] * refEnergy[g] / totalEnergy;
        }
        shareSum += share[g];
    }
    std::vector<long> samples(groups, 0);
    for (size_t g = 0; g < groups; ++g) {
        const double even = 0.3 * double(budget) / double(groups);
        const double weighted = shareSum > 0 ? 0.7 * double(budget) * share[g] / shareSum : 0.0;
        samples[g] = long(even + weighted);
    }
    // What the rounding left goes to the search with the largest share.
    if (groups > 0 && budget > 0) {
        const long left = budget - std::accumulate(samples.begin(), samples.end(), 0L);
        samples[size_t(std::max_element(share.begin(), share.end()) - share.begin())] += std::max(0L, left);
    }

    out.mappings.assign(layers, Mapping {});
    out.costs.assign(layers, LayerCost {});
    out.layerCosts.assign(layers, kInf);
    std::vector<Mapping> bestMapping(groups);
    std::vector<LayerCost> bestCost(groups);
    std::vector<double> bestValue(groups, kInf);
    std::vector<long> evaluations(groups, 0);
    std::vector<long> invalid(groups, 0);
    std::vector<std::string> refusals(groups);
    std::vector<Strategy*> strategies(groups, nullptr);
    for (size_t g = 0; g < groups; ++g) {
        if (samples[g] > 0 || m_algo == Algo::Exhaustive) {
            // By layer, engine position and dataflow, so what a search learnt carries over to the next
            // accelerator (the knobs are relative: the i-th best unrolling, the i-th largest fitting tile).
            const size_t i = representative[g];
            const Engine& en = acc.engines[size_t(engineOf[i])];
            const uint64_t key = (uint64_t(m_shapeOf[i]) << 32) | (uint64_t(engineOf[i]) << 8) | uint64_t(en.dataflow);
            auto& strategy = m_strategies[key];
            if (!strategy || m_algo == Algo::Exhaustive) { // exhaustive: a fresh enumeration every time
                const uint64_t seed
                    = m_seed * 1000003ULL + representative[g] + 1 + 7919ULL * uint64_t(engineOf[representative[g]]);
                strategy = makeStrategy(m_algo, m_algo == Algo::Exhaustive ? 0 : seed, m_options);
            }
            strategies[g] = strategy.get();
        }
    }
    std::atomic<bool> stopped { false };
    parallelFor(int(groups), m_algo == Algo::Exhaustive ? threads : workThreads(budget, threads), [&](int gi) {
        const size_t g = size_t(gi);
        const size_t i = representative[g];
        const LayerWeights w = info.layerWeightsOfTotals ? layerWeights(objective, totalCycles, totalEnergy)
                                                         : layerWeights(objective, refCycles[g], refEnergy[g]);
        bestMapping[g] = start[g]->mapping;
        if (m_options.seedWithHeuristic && start[g]->cost.valid()) {
            bestCost[g] = start[g]->cost;
            bestValue[g] = w.cyclesWeight * start[g]->cost.cycles + w.energyWeight * start[g]->cost.energyPj.total();
        }
        if (!strategies[g]) {
            return;
        }
        if (stopped || (cancel && cancel->cancelled())) {
            stopped = true;
            return;
        }
        const Engine& en = acc.engines[size_t(engineOf[i])];
        LayerMappingSpace space(net.layers[i], en, platform, acc.doubleBuffer, w);
        Strategy& strategy = *strategies[g];
        const bool exhaustive = m_algo == Algo::Exhaustive;
        // The last 30% of a search's samples (from 10 samples up) go to a coordinate descent from its best
        // sample: at 10k evaluations the mean quality over the benchmark's cells rose from 0.959 to 0.967 with
        // it (0.5 gave the same), at 1k from 0.913 to 0.918.
        const long descent = exhaustive || samples[g] < 10 ? 0 : long(0.3 * double(samples[g]));
        std::vector<int> bestChoices;
        double bestSampled = kInf;
        auto evaluate = [&] {
            const double c = space.evaluate();
            ++evaluations[g];
            invalid[g] += !std::isfinite(c);
            return c;
        };
        auto keep = [&](double c) {
            if (c < bestValue[g]) {
                bestValue[g] = c;
                bestMapping[g] = space.mapping();
                bestCost[g] = space.lastCost();
            }
        };
        auto sampleUntil = [&](long until) {
            while (exhaustive || evaluations[g] < until) {
                if (!strategy.next(space)) {
                    return;
                }
                const double c = evaluate();
                strategy.report(c);
                if (c < bestSampled) {
                    bestSampled = c;
                    bestChoices = strategy.choices();
                }
                keep(c);
            }
        };
        sampleUntil(samples[g] - descent);
        if (descent > 0 && !bestChoices.empty()) {
            std::mt19937_64 rng(m_seed * 0x9E3779B97F4A7C15ULL + uint64_t(representative[g]) * 31 + 5);
            coordinateDescent(
                space, bestChoices, bestSampled, rng, [&] { return evaluations[g] < samples[g]; }, evaluate,
                [&](const std::vector<int>&, double c) { keep(c); });
        }
        if (!exhaustive) {
            sampleUntil(samples[g]); // what a descent that stopped improving left
        }
        if (!strategy.refusal().empty()) {
            refusals[g] = "layer '" + net.layers[i].name + "': " + strategy.refusal();
        }
    });
    out.allValid = true;
    for (size_t g = 0; g < groups; ++g) {
        out.evaluations += evaluations[g];
        out.invalid += invalid[g];
        if (!refusals[g].empty() && out.refusal.empty()) {
            out.refusal = refusals[g];
        }
    }
    out.mappingCosts.assign(layers, LayerCost {});
    for (size_t i = 0; i < layers; ++i) {
        const size_t g = group[i];
        out.mappings[i] = bestMapping[g];
        out.costs[i] = bestCost[g];
        out.mappingCosts[i] = std::isfinite(bestValue[g]) ? bestCost[g] : start[g]->cost;
        out.layerCosts[i] = bestValue[g];
        out.allValid = out.allValid && std::isfinite(bestValue[g]);
    }
    return !stopped && out.refusal.empty();
}

long MappingSearcher::startEvaluations(const Network& net, const Accelerator& acc, bool full, long* distinct)
{
    std::unordered_set<uint64_t> keys;
    long missing = 0;
    for (const uint64_t problem : problemKeys(net, acc, acc.assignEngines(net))) {
        if (keys.insert(problem).second && !m_starts.count(startKey(problem, full))) {
            ++missing;
        }
    }
    if (distinct) {
        *distinct = long(keys.size());
    }
    return missing * evaluationsPerStart(full);
}

/// The mapping problem of every layer: its shape (the first layer of the network with the same one) and its
/// engine (an id for everything of the engine a layer's cost depends on).
std::vector<uint64_t> MappingSearcher::problemKeys(
    const Network& net, const Accelerator& acc, const std::vector<int>& engineOf)
{
    if (m_net != &net || m_shapeOf.size() != net.layers.size()) {
        m_net = &net;
        m_shapeOf.assign(net.layers.size(), 0);
        std::unordered_map<std::string, uint32_t> shapes;
        for (size_t i = 0; i < net.layers.size(); ++i) {
            m_shapeOf[i] = shapes.emplace(layerKey(net.layers[i]), uint32_t(i)).first->second;
        }
    }
    if (m_engineIds.size() + acc.engines.size() > kMaxStarts) {
        m_engineIds.clear(); // and the starts, which are known by the engine ids
        m_starts.clear();
    }
    std::vector<uint64_t> engineIds(acc.engines.size());
    for (size_t e = 0; e < acc.engines.size(); ++e) {
        engineIds[e]
            = m_engineIds.emplace(engineKey(acc.engines[e], acc.doubleBuffer), m_engineIds.size()).first->second;
    }
    std::vector<uint64_t> keys(net.layers.size());
    for (size_t i = 0; i < net.layers.size(); ++i) {
        keys[i] = (engineIds[size_t(engineOf[i])] << 24) | m_shapeOf[i];
    }
    return keys;
}

uint64_t MappingSearcher::startKey(uint64_t problem, bool full) { return (problem << 1) | uint64_t(full); }

MappingSearchResult searchMappings(const Network& net, const Platform& platform, const Accelerator& acc,
    Objective objective, Algo algo, long iterationsPerLayer, uint64_t seed, const StrategyOptions& options, int threads)
{
    MappingSearchResult r;
    MappingSearcher searcher(algo, seed, options);
    // The budget as before layers of one shape became one search: the heuristic start and the samples of
    // every layer; the samples the shared searches save go to the layers that cost most.
    const long layers = long(net.layers.size());
    searcher.run(
        net, platform, acc, objective, layers * (17 + std::max(0L, iterationsPerLayer)), true, r, nullptr, threads);
    return r;
}

} // namespace dna::hwsearch
