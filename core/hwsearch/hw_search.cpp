#include "hwsearch/hw_search.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "hwsearch/arch_space.h"
#include "hwsearch/mapping_searcher.h"
#include "util/parallel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

namespace dna::hwsearch {

using namespace dna::accel;
using namespace dna::workload;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

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
                const int labelled
                    = int(std::find(knob.labels.begin(), knob.labels.end(), label) - knob.labels.begin());
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

/// Gives every engine of `choices` (where --fix leaves it free) the array aspect whose shape needs the fewest
/// compute steps for the layers it runs under its dataflow (accel::spatialComputeSteps), the others unchanged. No
/// cost-model evaluation: the grid's designs start from array shapes that suit their dataflows instead of square ones.
void fitAspects(
    ArchSpace& arch, const Network& net, const std::vector<std::pair<int, int>>& engineKnobs, std::vector<int>& choices)
{
    std::vector<int> got;
    if (!buildChoices(arch, choices, got)) {
        return;
    }
    bool ok = false;
    const Accelerator acc = arch.decode(ok);
    if (!ok) {
        return;
    }
    const std::vector<int> engineOf = acc.assignEngines(net);
    choices = got;
    for (size_t e = 0; e < acc.engines.size() && e < engineKnobs.size(); ++e) {
        const int k = engineKnobs[e].second;
        if (arch.fixedValue(k) >= 0) {
            continue;
        }
        const Dataflow& df = dataflows()[size_t(acc.engines[e].dataflow)];
        int best = choices[size_t(k)];
        double bestSteps = std::numeric_limits<double>::infinity();
        for (int a = 0; a < arch.knobs()[size_t(k)].size(); ++a) {
            std::vector<int> want = choices;
            want[size_t(k)] = a;
            if (!buildChoices(arch, want, got) || got[size_t(k)] != a) {
                continue;
            }
            const Accelerator tried = arch.decode(ok);
            if (!ok || tried.engines.size() != acc.engines.size()) {
                continue;
            }
            double steps = 0;
            for (size_t i = 0; i < net.layers.size(); ++i) {
                if (engineOf[i] == int(e)) {
                    steps += spatialComputeSteps(net.layers[i], df, tried.engines[e].rows, tried.engines[e].cols);
                }
            }
            if (steps < bestSteps) {
                bestSteps = steps;
                best = a;
            }
        }
        choices[size_t(k)] = best;
    }
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
    long lastGainAt = 0; // the evaluation count when the best screened accelerator last improved
    auto screened = [&](const Accelerator& acc, double cost) {
        if (std::isfinite(cost)) {
            if (finalists.empty() || cost < finalists.front().first) {
                lastGainAt = evaluations;
            }
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
    // Exploration (the grid and the strategy) also ends once a fifth of the budget has gone by without a better
    // accelerator screened: where the platform's own accelerator is the best (MobileNetV2 / Eyeriss), the rest of
    // the half is worth more to the mappings. bench_hwsearch, 10k evaluations, mean of the 15 cells, the window
    // on the strategy only: 0.984 without it; a quarter 0.988, a fifth 0.988 (13 of 15 cells at 0.97), a seventh
    // 0.989 (14) but MobileNetV2 / asic28 evolution at 100k 0.980 to 0.974. On the grid as well (with phase 2's
    // start rule below) the 1k cells rose by up to 0.03 and 10k and 100k stayed.
    const long stagnantWindow = std::max(1L, request.evaluations / 5);
    auto stagnant = [&] { return !finalists.empty() && evaluations - lastGainAt >= stagnantWindow; };
    using Improved = std::function<void(const std::vector<int>&, double)>;
    // Knobs k1 and k2 of `cur` set to v1 and v2 together (where both are allowed and the budget holds), evaluated,
    // and taken when better than `curCost`.
    auto tryPair = [&](std::vector<int>& cur, double& curCost, int k1, int v1, int k2, int v2,
                       const Improved& improved) {
        std::vector<int> want = cur;
        want[size_t(k1)] = v1;
        want[size_t(k2)] = v2;
        std::vector<int> got;
        if (!buildChoices(arch, want, got) || got[size_t(k1)] != v1 || got[size_t(k2)] != v2 || arch.exceedsBudget()) {
            return false;
        }
        const double cost = arch.evaluate();
        if (!(cost < curCost)) {
            return false;
        }
        cur = got;
        curCost = cost;
        improved(cur, cost);
        return true;
    };
    // Resource trades, from the best grid design and in the polish: a knob change the budget does not allow alone
    // (more RF per PE, more PEs or buffer) paired with a change of another knob that makes room for it (less
    // buffer, fewer PEs), the first pair that improves taken. The descent never tries these: its single step is
    // over the budget. Only pairs within the budget are evaluated (ArchSpace::exceedsBudget needs no evaluation).
    // On the 2 mm^2 asic28 (EDP, bench_hwsearch, 10 seeds) the polish's trades took AlexNet at 10k from 0.946-0.991
    // to 0.983-0.993 of the best known; trading from the best grid design as well took it at 1k from 0.883-0.898
    // to 0.933-0.945 and MobileNetV2 at 10k from 0.966-0.971 to 0.975-0.988.
    auto trade = [&](std::vector<int>& cur, double& curCost, const std::function<bool()>& budgetLeft,
                     const Improved& improved) {
        std::vector<int> want;
        std::vector<int> got;
        const int knobs = arch.knobCount();
        for (int k1 = 0; k1 < knobs && budgetLeft(); ++k1) {
            for (int v1 = 0; v1 < arch.knobs()[size_t(k1)].size() && budgetLeft(); ++v1) {
                want = cur;
                want[size_t(k1)] = v1;
                if (v1 == cur[size_t(k1)] || !buildChoices(arch, want, got) || got[size_t(k1)] != v1
                    || !arch.exceedsBudget()) {
                    continue; // not a change, or one the budget allows alone (the descent's)
                }
                for (int k2 = 0; k2 < knobs && budgetLeft(); ++k2) {
                    for (int v2 = 0; k2 != k1 && v2 < arch.knobs()[size_t(k2)].size() && budgetLeft(); ++v2) {
                        if (v2 != cur[size_t(k2)] && tryPair(cur, curCost, k1, v1, k2, v2, improved)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    };
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
        auto exploring = [&] { return !stop && !cancel.cancelled() && evaluations < exploreBudget && !stagnant(); };
        for (const auto& structure : structures) {
            std::vector<int> bestOfStructure;
            double bestOfStructureCost = kInf;
            for (const auto& df : dataflows()) {
                if (!exploring()) {
                    break;
                }
                auto want = structure;
                want.push_back({ "dataflow", df.name });
                std::vector<int> neutral;
                if (!buildCandidate(arch, want, neutral)) {
                    continue;
                }
                std::vector<int> fitted = neutral;
                fitAspects(arch, net, engineKnobs, fitted);
                for (const auto* candidate : { &neutral, &fitted }) {
                    std::vector<int> choices;
                    if ((candidate == &fitted && fitted == neutral) || !exploring()
                        || !buildChoices(arch, *candidate, choices)) {
                        continue;
                    }
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
        // The best design so far trades resources at once (the grid's designs all have the neutral RF and
        // whole buffer): at 1k evaluations the polish below seldom starts.
        std::vector<int> traded = bestChoices;
        double tradedCost = bestArchCost;
        bool tradedAny = false;
        while (!traded.empty() && trade(traded, tradedCost, exploring, remember)) {
            tradedAny = true;
        }
        if (tradedAny) {
            outer->suggest(arch, traded, tradedCost);
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
        coordinateDescent(
            arch, cur, curCost, polishRng, budgetLeft, [&] { return arch.evaluate(); }, improved);
        // Where no single knob improves, an engine's dataflow and array shape change together (a dataflow wants
        // its unrolled dimensions to fit the rows and columns; a try costs the evaluations of that engine's layers
        // only, the others' are known); a pair that improves starts a new descent. On MobileNetV2 / ZC706 at 100k
        // this took all three strategies from 0.95-0.99 to 0.99-1.00 (trying the pairs before the descent instead:
        // 10k 0.94 to 0.95, 100k evolution 1.00 to 0.99).
        bool paired = true;
        while (paired && budgetLeft()) {
            paired = false;
            for (size_t e = 0; e < engineKnobs.size() && !paired && budgetLeft(); ++e) {
                const auto [dfKnob, aspectKnob] = engineKnobs[e];
                for (int df = 0; df < arch.knobs()[size_t(dfKnob)].size() && !paired && budgetLeft(); ++df) {
                    for (int a = 0; a < arch.knobs()[size_t(aspectKnob)].size() && !paired && budgetLeft(); ++a) {
                        // One knob alone: the descent tried it.
                        paired = df != cur[size_t(dfKnob)] && a != cur[size_t(aspectKnob)]
                            && tryPair(cur, curCost, dfKnob, df, aspectKnob, a, improved);
                    }
                }
            }
            if (!paired) {
                paired = trade(cur, curCost, budgetLeft, improved);
            }
            if (paired) {
                coordinateDescent(
                    arch, cur, curCost, polishRng, budgetLeft, [&] { return arch.evaluate(); }, improved);
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
    while (!stop && repeats < kConverged && (exhaustive || !stagnant())
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
        // heuristic start of its distinct layers (its loop-order trials) when the samples still get at least as
        // much (with --inner, whenever it can), and starts from the screen's otherwise: at 1k evaluations on
        // MobileNetV2 (31 layer searches, a full start of 496 evaluations) samples from the screen's start did
        // better. With --inner given, in rounds of that many samples per layer.
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
                // --inner's rounds are the start plus that many samples per layer: the start is paid for.
                const long startPaidAt = request.innerIterations > 0 ? fullStart + distinct : 2 * fullStart + distinct;
                evaluateAccelerator(acc, share, share >= startPaidAt);
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
        std::vector<std::string> parts;
        auto part = [&](const char* name, auto value) {
            if (value > 0) {
                std::ostringstream v;
                v << name << ' ' << value;
                parts.push_back(v.str());
            }
        };
        part("dsp", b.dsp);
        part("bram18", b.bram18);
        part("pes", b.pes);
        part("gb_bytes", b.gbBytes);
        part("area_mm2", b.areaMm2);
        os << " (";
        for (size_t i = 0; i < parts.size(); ++i) {
            os << (i ? ", " : "") << parts[i];
        }
        os << "); loosen the budget, relax --fix, or raise --iters";
        result.error = Error { ErrorCode::NoValidDesign, os.str() };
    }
    return result;
}

} // namespace dna::hwsearch
