#include "hwsearch/hw_search.h"

#include "accel/heuristic_mapper.h"
#include "hwsearch/arch_space.h"
#include "hwsearch/mapping_space.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <sstream>

namespace dna::hwsearch {

using namespace dna::accel;
using namespace dna::workload;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Per-layer mapping searches whose strategies persist across accelerators (so DAS keeps its logits and
/// evolution its population while the outer search moves).
class MappingSearcher {
public:
    MappingSearcher(Algo algo, uint64_t seed, const StrategyOptions& options)
        : m_algo(algo)
        , m_seed(seed)
        , m_options(options)
    {
    }

    /// Searches every layer on `acc`; returns false when cancelled or refused.
    bool run(const Network& net, const Platform& platform, const Accelerator& acc, Objective objective, long iterations,
        MappingSearchResult& out, const CancelToken* cancel)
    {
        const size_t layers = net.layers.size();
        if (m_strategies.size() != layers) {
            m_strategies.clear();
            for (size_t i = 0; i < layers; ++i) {
                m_strategies.push_back(makeStrategy(m_algo, m_seed * 1000003ULL + i + 1, m_options));
            }
        }
        const std::vector<int> engineOf = acc.assignEngines(net);

        // References for the per-layer weights: the heuristic mapping of each layer on its engine.
        // The heuristic mapping of each layer on its engine gives the references for the per-layer weights and
        // is the starting point every strategy has to beat.
        std::vector<Mapping> start(layers);
        std::vector<LayerCost> startCost(layers);
        std::vector<double> refCycles(layers, 1.0);
        std::vector<double> refEnergy(layers, 1.0);
        double totalCycles = 0;
        double totalEnergy = 0;
        for (size_t i = 0; i < layers; ++i) {
            const Engine& en = acc.engines[engineOf[i]];
            start[i] = heuristicMapping(net.layers[i], en, platform, acc.doubleBuffer);
            startCost[i] = evaluateLayer(net.layers[i], en, start[i], platform, acc.doubleBuffer);
            out.evaluations += 1 + 16; // the heuristic tries 16 loop-order pairs plus its final check
            if (startCost[i].valid()) {
                refCycles[i] = startCost[i].cycles;
                refEnergy[i] = startCost[i].energyPj.total();
            }
            totalCycles += refCycles[i];
            totalEnergy += refEnergy[i];
        }

        out.mappings = start;
        out.costs = startCost;
        if (!m_options.seedWithHeuristic) {
            out.costs.assign(layers, LayerCost {});
        }
        out.layerCosts.assign(layers, kInf);
        out.allValid = true;
        for (size_t i = 0; i < layers; ++i) {
            if (cancel && cancel->cancelled()) {
                return false;
            }
            const Engine& en = acc.engines[engineOf[i]];
            const LayerWeights w = objective == Objective::Edp ? layerWeights(objective, totalCycles, totalEnergy)
                                                               : layerWeights(objective, refCycles[i], refEnergy[i]);
            LayerMappingSpace space(net.layers[i], en, platform, acc.doubleBuffer, w);
            if (m_options.seedWithHeuristic && startCost[i].valid()) {
                out.layerCosts[i]
                    = w.cyclesWeight * startCost[i].cycles + w.energyWeight * startCost[i].energyPj.total();
            }
            Strategy& s = *m_strategies[i];
            const bool exhaustive = s.algo() == Algo::Exhaustive;
            if (exhaustive) {
                // A fresh enumeration for every accelerator.
                m_strategies[i] = makeStrategy(Algo::Exhaustive, 0, m_options);
            }
            Strategy& strategy = *m_strategies[i];
            for (long it = 0; exhaustive || it < iterations; ++it) {
                if (!strategy.next(space)) {
                    break;
                }
                const double c = space.evaluate();
                ++out.evaluations;
                out.invalid += !std::isfinite(c);
                strategy.report(c);
                if (c < out.layerCosts[i]) {
                    out.layerCosts[i] = c;
                    out.mappings[i] = space.mapping();
                    out.costs[i] = space.lastCost();
                }
            }
            if (!strategy.refusal().empty()) {
                out.refusal = "layer '" + net.layers[i].name + "': " + strategy.refusal();
                return false;
            }
            out.allValid = out.allValid && std::isfinite(out.layerCosts[i]);
        }
        return true;
    }

private:
    Algo m_algo;
    uint64_t m_seed;
    StrategyOptions m_options;
    std::vector<std::unique_ptr<Strategy>> m_strategies;
};

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
        if (k.name == name
            || (k.name.size() > name.size() && k.name.compare(k.name.size() - name.size(), name.size(), name) == 0)) {
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
    Objective objective, Algo algo, long iterationsPerLayer, uint64_t seed, const StrategyOptions& options)
{
    MappingSearchResult r;
    MappingSearcher searcher(algo, seed, options);
    searcher.run(net, platform, acc, objective, iterationsPerLayer, r, nullptr);
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

    MappingSearcher mappings(request.algo, request.seed, request.options);
    long evaluations = 0;
    long invalid = 0;
    double best = kInf;
    bool stop = false;

    // Evaluates an accelerator: every layer's mapping searched with `inner` samples on top of the heuristic
    // start (0: the heuristic mappings alone, a cheap and stable estimate of the accelerator's worth).
    auto evaluateAccelerator = [&](const Accelerator& acc, long inner) {
        MappingSearchResult m;
        if (!mappings.run(net, platform, acc, request.objective, inner, m, &cancel)) {
            evaluations += m.evaluations;
            if (!m.refusal.empty()) {
                result.error = Error { "exhaustive_refused", m.refusal };
            }
            stop = true;
            return kInf;
        }
        evaluations += m.evaluations;
        invalid += m.invalid;
        ++result.architectures;
        Design d { net, platform, acc, m.mappings, std::max(1, request.batch) };
        const DesignCost dc = evaluateDesign(d);
        const double cost = designCost(request.objective, dc);
        if (cost < best) {
            best = cost;
            result.found = true;
            result.best = std::move(d);
            result.cost = dc;
            result.bestCost = cost;
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

    // Phase 1 explores micro-architectures on heuristic mappings (half the budget); phase 2 searches the
    // mappings of the best few it found. Exhaustive enumerates both levels instead.
    constexpr size_t kFinalists = 3;
    std::vector<std::pair<double, Accelerator>> finalists;
    ArchSpace arch(net, platform, [&](const Accelerator& acc) {
        const double cost = evaluateAccelerator(acc, 0); // exhaustive enumerates every layer regardless
        if (std::isfinite(cost)) {
            finalists.push_back({ cost, acc });
            std::stable_sort(
                finalists.begin(), finalists.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            if (finalists.size() > kFinalists) {
                finalists.pop_back();
            }
        }
        return cost;
    });

    std::map<std::string, std::string> fixed;
    for (const auto& [name, label] : request.fixes) {
        if (fixed.count(name) && fixed[name] != label) {
            result.error = Error { "bad_fix",
                "--fix " + name + " is given twice (" + fixed[name] + " and " + label + "); give each knob once" };
            return result;
        }
        fixed[name] = label;
    }
    for (const auto& [name, label] : request.fixes) {
        const int matched = arch.fix(name, label);
        if (matched == 0) {
            result.error = Error { "unknown_knob",
                "--fix " + name + "=" + label + ": no knob '" + name + "'; knobs are " + knobList(arch)
                    + " (per engine also as engineN.name)" };
            return result;
        }
        if (matched < 0) {
            result.error = Error { "bad_fix",
                "--fix " + name + "=" + label + ": '" + label + "' is not a choice of " + name + "; choices are "
                    + labelList(arch, name) };
            return result;
        }
    }

    if (fixed.count("chunks") && fixed["chunks"] != "1" && fixed.count("micro_arch") == 0) {
        result.error = Error { "bad_fix",
            "--fix chunks=" + fixed["chunks"]
                + " only holds for a pipelined accelerator (a multi-cycle one runs the network as one chunk); add "
                  "--fix micro_arch=pipelined" };
        return result;
    }
    if (fixed.count("chunks") && fixed["chunks"] != "1" && fixed["micro_arch"] != "pipelined") {
        result.error = Error { "bad_fix",
            "--fix chunks=" + fixed["chunks"] + " contradicts --fix micro_arch=" + fixed["micro_arch"]
                + ": only a pipelined accelerator has chunks" };
        return result;
    }

    StrategyOptions outerOptions = request.options;
    outerOptions.learningRate = request.options.outerLearningRate;
    auto outer = makeStrategy(request.algo, request.seed, outerOptions);
    const long exploreBudget = exhaustive ? request.evaluations : request.evaluations / 2;
    // Exploration goes on past its half while no valid accelerator has turned up.
    while (!stop
        && (exhaustive || evaluations < exploreBudget || (finalists.empty() && evaluations < request.evaluations))) {
        if (cancel.cancelled()) {
            result.cancelled = true;
            break;
        }
        if (!outer->next(arch)) {
            break;
        }
        outer->report(arch.evaluate());
    }
    if (!exhaustive) {
        // Phase 2: the remaining budget over the finalists, best first, as long as it pays for the heuristic
        // start of every layer (17 evaluations each) plus at least one sample. With --inner given, in rounds.
        const long startCost = 18 * layers;
        bool more = true;
        while (more && !stop && !cancel.cancelled()) {
            more = request.innerIterations > 0;
            for (size_t f = 0; f < finalists.size() && !stop && !cancel.cancelled(); ++f) {
                const long remaining = request.evaluations - evaluations;
                if (remaining < startCost) {
                    more = false;
                    break;
                }
                const long share = remaining / long(finalists.size() - (more ? 0 : f));
                const long inner
                    = request.innerIterations > 0 ? request.innerIterations : std::max(1L, share / layers - 17);
                evaluateAccelerator(finalists[f].second, inner);
            }
        }
    }
    result.cancelled = result.cancelled || cancel.cancelled();
    if (!outer->refusal().empty()) {
        result.error = Error { "exhaustive_refused", "micro-architecture: " + outer->refusal() };
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
        result.error = Error { "no_valid_design", os.str() };
    }
    return result;
}

} // namespace dna::hwsearch
