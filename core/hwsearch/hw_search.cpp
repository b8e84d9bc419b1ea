#include "hwsearch/hw_search.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "hwsearch/arch_space.h"
#include "hwsearch/mapping_space.h"
#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>

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

/// Threads worth starting for `evaluations` cost-model evaluations: starting one costs about as much as a few
/// hundred evaluations, so small pieces of work stay on the caller's thread.
int workThreads(long evaluations, int threads) { return evaluations >= 2000 ? threads : 1; }

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
    bool run(const Network& net, const Platform& platform, const Accelerator& acc, Objective objective, long budget,
        bool full, MappingSearchResult& out, const CancelToken* cancel, int threads)
    {
        const size_t layers = net.layers.size();
        const ObjectiveInfo& info = objectiveInfo(objective);
        const std::vector<int> engineOf = acc.assignEngines(net);
        const std::vector<std::string> problems = problemKeys(net, acc, engineOf);

        // Distinct (layer shape, engine) problems; group[i] is layer i's.
        std::vector<size_t> group(layers);
        std::vector<size_t> representative; // first layer of every group
        std::vector<int> members;
        std::vector<std::string> startKeys;
        {
            std::map<std::string, size_t> index;
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
                const std::string key
                    = layerKey(net.layers[i]) + '|' + std::to_string(engineOf[i]) + '|' + std::to_string(en.dataflow);
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
                bestValue[g]
                    = w.cyclesWeight * start[g]->cost.cycles + w.energyWeight * start[g]->cost.energyPj.total();
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

    /// Evaluations the starts of `acc` would cost now (the ones not computed yet), and its distinct layers.
    long startEvaluations(const Network& net, const Accelerator& acc, bool full, long* distinct = nullptr) const
    {
        std::set<std::string> keys;
        long missing = 0;
        for (const std::string& problem : problemKeys(net, acc, acc.assignEngines(net))) {
            if (keys.insert(problem).second && !m_starts.count(startKey(problem, full))) {
                ++missing;
            }
        }
        if (distinct) {
            *distinct = long(keys.size());
        }
        return missing * evaluationsPerStart(full);
    }

private:
    struct Start {
        Mapping mapping;
        LayerCost cost;
    };

    /// What a start costs: the heuristic tries 16 loop-order pairs plus its final check; the screen only the check.
    static long evaluationsPerStart(bool full) { return full ? 17 : 1; }

    /// The mapping problem of every layer: its shape and its engine.
    static std::vector<std::string> problemKeys(
        const Network& net, const Accelerator& acc, const std::vector<int>& engineOf)
    {
        std::vector<std::string> engineKeys;
        for (const auto& e : acc.engines) {
            engineKeys.push_back(engineKey(e, acc.doubleBuffer));
        }
        std::vector<std::string> keys;
        keys.reserve(net.layers.size());
        for (size_t i = 0; i < net.layers.size(); ++i) {
            keys.push_back(layerKey(net.layers[i]) + '|' + engineKeys[size_t(engineOf[i])]);
        }
        return keys;
    }

    static std::string startKey(const std::string& problem, bool full)
    {
        return problem + (full ? "|full" : "|screen");
    }
    Algo m_algo;
    uint64_t m_seed;
    StrategyOptions m_options;
    static constexpr size_t kMaxStarts = 100000;
    std::unordered_map<std::string, Start> m_starts; // heuristic starts by layer, engine and effort
    std::map<std::string, std::unique_ptr<Strategy>> m_strategies; // by layer, engine position and dataflow
};

/// Whether `acc` (one engine, not pipelined) is what the --fix choices allow; knobs it has no counterpart for
/// (fractions, shares, aspect, buffer split, RF size, boundaries) count as not allowed.
bool satisfiesFixes(const Accelerator& acc, const std::map<std::string, std::string>& fixed)
{
    for (const auto& [name, label] : fixed) {
        bool ok = false;
        if (name == "micro_arch") {
            ok = label == microArchName(acc.arch);
        } else if (name == "chunks") {
            ok = label == std::to_string(acc.chunkStarts.size());
        } else if (name == "separate_dw") {
            ok = label == (acc.separateDepthwise ? "yes" : "no");
        } else if (name == "double_buffer") {
            ok = label == (acc.doubleBuffer ? "yes" : "no");
        } else if (name == "dataflow" || name == "engine0.dataflow") {
            ok = acc.engines.size() == 1 && label == dataflows()[size_t(acc.engines[0].dataflow)].name;
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// The candidate with the knobs named in `want` (a knob name, or the part after "engineN.", and a label) at their
/// labelled choices and every other knob at its --fix or choice 0, where allowed (buildChoices: a knob that does
/// not apply keeps its only choice); false when a wanted label contradicts a --fix.
bool buildCandidate(
    KnobSpace& space, const std::vector<std::pair<std::string, std::string>>& want, std::vector<int>& choices)
{
    std::vector<int> wanted(size_t(space.knobCount()), 0);
    for (int k = 0; k < space.knobCount(); ++k) {
        const Knob& knob = space.knobs()[size_t(k)];
        int value = space.fixedValue(k) >= 0 ? space.fixedValue(k) : 0;
        for (const auto& [name, label] : want) {
            if (knob.answersTo(name)) {
                const int labelled = int(std::find(knob.labels.begin(), knob.labels.end(), label) - knob.labels.begin());
                if (space.fixedValue(k) >= 0 && space.fixedValue(k) != labelled) {
                    return false;
                }
                value = labelled;
            }
        }
        wanted[size_t(k)] = value;
    }
    return buildChoices(space, wanted, choices);
}

std::string knobList(const KnobSpace& space)
{
    std::string s;
    for (const auto& k : space.knobs()) {
        const auto dot = k.name.find('.');
        const std::string name = dot == std::string::npos ? k.name : k.name.substr(dot + 1);
        if (s.find(name) == std::string::npos) {
            s += (s.empty() ? "" : ", ") + name;
        }
    }
    return s;
}

std::string labelList(const KnobSpace& space, const std::string& name)
{
    for (const auto& k : space.knobs()) {
        if (k.answersTo(name)) {
            std::string s;
            for (const auto& l : k.labels) {
                s += (s.empty() ? "" : ", ") + l;
            }
            return s;
        }
    }
    return {};
}

} // namespace

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

HwSearchResult searchHardware(const HwSearchRequest& request, const CancelToken& cancel, const ProgressSink& progress)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    HwSearchResult result;
    Network net = request.network;
    if (auto e = validateNetwork(net)) {
        result.error = e;
        return result;
    }
    setBatch(net, std::max(1, request.batch));
    const Platform& platform = request.platform;
    const long layers = long(net.layers.size());
    const bool exhaustive = request.algo == Algo::Exhaustive;
    const int threads = resolveThreads(request.threads);

    MappingSearcher mappings(request.algo, request.seed, request.options);
    long evaluations = 0;
    long invalid = 0;
    double best = kInf;
    bool stop = false;

    // Evaluates an accelerator: every layer's mapping searched within `budget` evaluations from the heuristic
    // start (`full`) or the screen's start (budget 0: the starts alone, a cheap and stable estimate of the
    // accelerator's worth).
    std::unordered_map<std::string, double> screenedCost; // accelerators screened so far
    auto evaluateAccelerator = [&](const Accelerator& acc, long budget, bool full) {
        std::string key;
        if (budget == 0 && !full) {
            // A screen repeats exactly: an accelerator proposed again costs one evaluation (the lookup), so an
            // exploration that keeps proposing known accelerators still ends.
            key = acceleratorKey(acc);
            if (auto it = screenedCost.find(key); it != screenedCost.end()) {
                ++evaluations;
                return it->second;
            }
        }
        MappingSearchResult m;
        if (!mappings.run(net, platform, acc, request.objective, budget, full, m, &cancel, threads)) {
            evaluations += m.evaluations;
            if (!m.refusal.empty()) {
                result.error = Error { ErrorCode::ExhaustiveRefused, m.refusal };
            }
            stop = true;
            return kInf;
        }
        // An accelerator whose starts were all computed before costs no layer evaluation; it counts as one.
        evaluations += std::max(1L, m.evaluations);
        invalid += m.invalid;
        ++result.architectures;
        Design d { net, platform, acc, m.mappings, std::max(1, request.batch) };
        const DesignCost dc = evaluateDesign(d, &m.mappingCosts); // the layers' costs are known: no evaluation
        const double cost = designCost(request.objective, dc);
        if (cost < best) {
            best = cost;
            result.found = true;
            result.best = std::move(d);
            result.cost = dc;
            result.bestCost = cost;
        }
        if (!key.empty()) {
            screenedCost.emplace(key, cost);
        }
        result.trace.push_back({ evaluations, best });
        if (progress) {
            std::ostringstream os;
            os << "architecture " << result.architectures << ", best " << objectiveName(request.objective) << " cost "
               << best;
            progress({ double(evaluations), double(request.evaluations), os.str() });
        }
        return cost;
    };

    // Phase 1 screens micro-architectures on the heuristic mappings without their loop-order trials (half the
    // budget), starting from the platform's own accelerator with every dataflow; phase 2 searches the
    // mappings of the best it found. Exhaustive enumerates both levels instead.
    // One finalist: the mapping search is what a small budget lacks most, and spreading it over the best three
    // screened (as before) or halving over them lost at every budget measured (README, hardware search).
    constexpr size_t kFinalists = 1;
    std::vector<std::pair<double, Accelerator>> finalists;
    auto screened = [&](const Accelerator& acc, double cost) {
        if (std::isfinite(cost)) {
            finalists.push_back({ cost, acc });
            std::stable_sort(
                finalists.begin(), finalists.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            if (finalists.size() > kFinalists) {
                finalists.pop_back();
            }
        }
        return cost;
    };
    ArchSpace arch(net, platform, [&](const Accelerator& acc) {
        // Exhaustive enumerates every layer's mappings regardless.
        return screened(acc, evaluateAccelerator(acc, 0, exhaustive));
    });

    std::map<std::string, std::string> fixed;
    for (const auto& [name, label] : request.fixes) {
        if (fixed.count(name) && fixed[name] != label) {
            result.error = Error { ErrorCode::BadFix,
                "--fix " + name + " is given twice (" + fixed[name] + " and " + label + "); give each knob once" };
            return result;
        }
        fixed[name] = label;
    }
    for (const auto& [name, label] : request.fixes) {
        const int matched = arch.fix(name, label);
        if (matched == 0) {
            result.error = Error { ErrorCode::UnknownKnob,
                "--fix " + name + "=" + label + ": no knob '" + name + "'; knobs are " + knobList(arch)
                    + " (per engine also as engineN.name)" };
            return result;
        }
        if (matched < 0) {
            result.error = Error { ErrorCode::BadFix,
                "--fix " + name + "=" + label + ": '" + label + "' is not a choice of " + name + "; choices are "
                    + labelList(arch, name) };
            return result;
        }
    }

    if (fixed.count("chunks") && fixed["chunks"] != "1" && fixed.count("micro_arch") == 0) {
        result.error = Error { ErrorCode::BadFix,
            "--fix chunks=" + fixed["chunks"]
                + " only holds for a pipelined accelerator (a multi-cycle one runs the network as one chunk); add "
                  "--fix micro_arch=pipelined" };
        return result;
    }
    if (fixed.count("chunks") && fixed["chunks"] != "1" && fixed["micro_arch"] != "pipelined") {
        result.error = Error { ErrorCode::BadFix,
            "--fix chunks=" + fixed["chunks"] + " contradicts --fix micro_arch=" + fixed["micro_arch"]
                + ": only a pipelined accelerator has chunks" };
        return result;
    }

    StrategyOptions outerOptions = request.options;
    outerOptions.learningRate = request.options.outerLearningRate;
    outerOptions.initialBias = request.options.outerInitialBias;
    auto outer = makeStrategy(request.algo, request.seed, outerOptions);
    const long exploreBudget = exhaustive ? request.evaluations : request.evaluations / 2;
    std::vector<int> bestChoices; // the best accelerator screened in knob form, and its cost
    double bestArchCost = kInf;
    auto remember = [&](const std::vector<int>& choices, double cost) {
        if (cost < bestArchCost) {
            bestArchCost = cost;
            bestChoices = choices;
        }
    };
    std::vector<std::pair<int, int>> engineKnobs; // per engine: its dataflow and aspect knobs
    for (int e = 0;; ++e) {
        int df = -1;
        int aspect = -1;
        for (int k = 0; k < arch.knobCount(); ++k) {
            const std::string& name = arch.knobs()[size_t(k)].name;
            df = name == "engine" + std::to_string(e) + ".dataflow" ? k : df;
            aspect = name == "engine" + std::to_string(e) + ".aspect" ? k : aspect;
        }
        if (df < 0 || aspect < 0) {
            break;
        }
        engineKnobs.push_back({ df, aspect });
    }
    if (!exhaustive && request.options.seedWithHeuristic) {
        // The platform's own accelerator with every dataflow (the heuristic baseline's designs), then a grid
        // over the structure with every other knob neutral: every dataflow as a 4- and a 2-chunk pipeline
        // (chunks of equal MACs, equal PEs), as one pipelined engine beside a depthwise one, and multi-cycle.
        for (int df = 0; df < int(dataflows().size()) && !stop && !cancel.cancelled(); ++df) {
            const Accelerator acc = defaultAccelerator(platform, df);
            if (satisfiesFixes(acc, fixed) && !validateAccelerator(acc, net)) {
                screened(acc, evaluateAccelerator(acc, 0, false));
            }
        }
        std::vector<std::pair<double, std::vector<int>>> grid; // screened grid designs: cost, choices
        const std::vector<std::vector<std::pair<std::string, std::string>>> structures {
            { { "micro_arch", "pipelined" }, { "chunks", "4" } }, { { "micro_arch", "pipelined" }, { "chunks", "2" } },
            { { "micro_arch", "pipelined" }, { "separate_dw", "yes" } }, { { "micro_arch", "multi-cycle" } }
        };
        auto exploring = [&] { return !stop && !cancel.cancelled() && evaluations < exploreBudget; };
        for (const auto& structure : structures) {
            std::vector<int> bestOfStructure;
            double bestOfStructureCost = kInf;
            for (const auto& df : dataflows()) {
                if (!exploring()) {
                    break;
                }
                auto want = structure;
                want.push_back({ "dataflow", df.name });
                std::vector<int> choices;
                if (buildCandidate(arch, want, choices)) {
                    const double cost = arch.evaluate();
                    if (std::isfinite(cost)) {
                        grid.push_back({ cost, choices });
                        remember(choices, cost);
                        if (cost < bestOfStructureCost) {
                            bestOfStructureCost = cost;
                            bestOfStructure = choices;
                        }
                    }
                }
            }
            // Each engine of a structure then takes its own dataflow: one engine at a time, every other dataflow
            // tried on the best of the structure's designs. Every engine tried this way was screened above (same
            // PEs, buffer and layers), so a try costs one evaluation (its layers' starts are known). What it finds
            // competes for the finalist only: as a start for the strategy or the polish it steered them into a
            // worse basin (evolution on MobileNetV2 / ZC706 at 100k: 0.977 against 0.992).
            bool ok = false;
            std::vector<int> got;
            const size_t engines = !bestOfStructure.empty() && buildChoices(arch, bestOfStructure, got)
                ? arch.decode(ok).engines.size()
                : 0;
            for (size_t e = 0; engines > 1 && e < engineKnobs.size() && exploring(); ++e) {
                const int k = engineKnobs[e].first;
                const int current = bestOfStructure[size_t(k)];
                for (int v = 0; v < arch.knobs()[size_t(k)].size() && exploring(); ++v) {
                    if (v == current) {
                        continue;
                    }
                    std::vector<int> want = bestOfStructure;
                    want[size_t(k)] = v;
                    if (!buildChoices(arch, want, got) || got[size_t(k)] != v) {
                        break; // the engine is not in use (its knob allows only choice 0)
                    }
                    const double cost = arch.evaluate();
                    if (cost < bestOfStructureCost) {
                        bestOfStructureCost = cost;
                        bestOfStructure = got;
                    }
                }
            }
        }
        // The outer strategy starts from them: evolution takes them all (best last, the youngest), DAS's prior
        // moves to the best.
        std::stable_sort(grid.begin(), grid.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t g = 0; g < grid.size(); ++g) {
            if (request.algo != Algo::Das || g + 1 == grid.size()) {
                outer->suggest(arch, grid[g].second, grid[g].first);
            }
        }
    }
    // Polish: coordinate descent from the best accelerator screened, one knob at a time, the nearest choices first,
    // the first that improves taken; passes in a seeded random knob order while one improves, within `limit`
    // evaluations. The strategy hands over to it when its own proposals stop improving on the best.
    std::mt19937_64 polishRng(request.seed * 0x9E3779B97F4A7C15ULL + 17);
    double polishedFrom = kInf; // the cost the last polish ended at: it starts again only from a better best
    auto polish = [&](long polishBudget) {
        if (bestChoices.empty() || !(bestArchCost < polishedFrom)) {
            return;
        }
        std::vector<int> cur = bestChoices;
        const double startCost = bestArchCost;
        double curCost = startCost;
        auto budgetLeft = [&] { return !stop && !cancel.cancelled() && evaluations < polishBudget; };
        auto improved = [&](const std::vector<int>& choices, double cost) { remember(choices, cost); };
        coordinateDescent(arch, cur, curCost, polishRng, budgetLeft, [&] { return arch.evaluate(); }, improved);
        // Where no single knob improves, an engine's dataflow and array shape change together (a dataflow wants
        // its unrolled dimensions to fit the rows and columns; a try costs the evaluations of that engine's layers
        // only, the others' are known); a pair that improves starts a new descent. On MobileNetV2 / ZC706 at 100k
        // this took all three strategies from 0.95-0.99 to 0.99-1.00 (trying the pairs before the descent instead:
        // 10k 0.94 to 0.95, 100k evolution 1.00 to 0.99).
        bool paired = true;
        std::vector<int> got;
        while (paired && budgetLeft()) {
            paired = false;
            for (size_t e = 0; e < engineKnobs.size() && !paired && budgetLeft(); ++e) {
                const auto [dfKnob, aspectKnob] = engineKnobs[e];
                for (int df = 0; df < arch.knobs()[size_t(dfKnob)].size() && !paired && budgetLeft(); ++df) {
                    for (int a = 0; a < arch.knobs()[size_t(aspectKnob)].size() && !paired && budgetLeft(); ++a) {
                        if (df == cur[size_t(dfKnob)] || a == cur[size_t(aspectKnob)]) {
                            continue; // one knob alone: the descent tried it
                        }
                        std::vector<int> want = cur;
                        want[size_t(dfKnob)] = df;
                        want[size_t(aspectKnob)] = a;
                        if (!buildChoices(arch, want, got) || got[size_t(dfKnob)] != df
                            || got[size_t(aspectKnob)] != a) {
                            continue;
                        }
                        const double cost = arch.evaluate();
                        if (cost < curCost) {
                            cur = got;
                            curCost = cost;
                            improved(cur, cost);
                            paired = true;
                        }
                    }
                }
            }
            if (paired) {
                coordinateDescent(arch, cur, curCost, polishRng, budgetLeft, [&] { return arch.evaluate(); }, improved);
            }
        }
        polishedFrom = curCost;
        if (curCost < startCost) {
            outer->suggest(arch, cur, curCost); // DAS's prior and evolution's population move to it
        }
    };
    // Exploration goes on past its half while no valid accelerator has turned up, and ends early once the
    // outer strategy has converged (it proposed only accelerators it had seen, 64 times in a row): the rest
    // of the exploration goes to the polish, the rest of the budget to the mappings.
    constexpr int kConverged = 64;
    constexpr int kStagnant = 48; // proposals without a new best before the polish takes over for a while
    int repeats = 0;
    int sinceBest = 0;
    while (!stop && repeats < kConverged
        && (exhaustive || evaluations < exploreBudget || (finalists.empty() && evaluations < request.evaluations))) {
        if (cancel.cancelled()) {
            result.cancelled = true;
            break;
        }
        if (!outer->next(arch)) {
            break;
        }
        const size_t known = screenedCost.size();
        const double cost = arch.evaluate();
        outer->report(cost);
        const double before = bestArchCost;
        remember(outer->choices(), cost);
        repeats = exhaustive || screenedCost.size() > known ? 0 : repeats + 1;
        sinceBest = bestArchCost < before ? 0 : sinceBest + 1;
        if (!exhaustive && sinceBest >= kStagnant) {
            polish(exploreBudget);
            sinceBest = 0;
        }
    }
    if (!exhaustive && repeats >= kConverged) {
        polish(exploreBudget); // the strategy converged: the rest of the exploration goes to the polish
    }
    if (!exhaustive) {
        // Phase 2: the remaining budget over the finalists, best first. A finalist's share pays for the full
        // heuristic start of its distinct layers when it can, and starts from the screen's otherwise. With
        // --inner given, in rounds of that many samples per layer.
        bool more = true;
        while (more && !stop && !cancel.cancelled()) {
            more = request.innerIterations > 0;
            for (size_t f = 0; f < finalists.size() && !stop && !cancel.cancelled(); ++f) {
                const Accelerator& acc = finalists[f].second;
                long distinct = 0;
                const long fullStart = mappings.startEvaluations(net, acc, true, &distinct);
                const long remaining = request.evaluations - evaluations;
                long share = remaining / long(finalists.size() - (more ? 0 : f));
                if (request.innerIterations > 0) {
                    share = std::min(remaining, fullStart + long(request.innerIterations) * layers);
                }
                if (share < distinct) {
                    more = false;
                    break;
                }
                evaluateAccelerator(acc, share, share >= fullStart + distinct);
            }
        }
    }
    result.cancelled = result.cancelled || cancel.cancelled();
    if (!outer->refusal().empty()) {
        result.error = Error { ErrorCode::ExhaustiveRefused, "micro-architecture: " + outer->refusal() };
    }
    result.cancelled = result.cancelled || cancel.cancelled();
    result.evaluations = evaluations;
    result.invalidEvaluations = invalid;
    result.validEvaluations = evaluations - invalid;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!result.found && !result.error) {
        std::ostringstream os;
        os << "no valid design among " << result.architectures << " accelerators and " << evaluations
           << " mapping evaluations fits " << platform.name << "'s budget";
        const Budget& b = platform.budget;
        os << " (";
        if (b.dsp)
            os << "dsp " << b.dsp << ' ';
        if (b.bram18)
            os << "bram18 " << b.bram18 << ' ';
        if (b.pes)
            os << "pes " << b.pes << ' ';
        if (b.gbBytes)
            os << "gb_bytes " << b.gbBytes << ' ';
        if (b.areaMm2 > 0)
            os << "area_mm2 " << b.areaMm2 << ' ';
        os << "); loosen the budget, relax --fix, or raise --iters";
        result.error = Error { ErrorCode::NoValidDesign, os.str() };
    }
    return result;
}

} // namespace dna::hwsearch
