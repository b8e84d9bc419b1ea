#pragma once

#include "hwsearch/knob_space.h"

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace dna::hwsearch {

enum class Algo { Das, Random, Evolution, Exhaustive };
/// The strategy's id (strategies()); "das" for a value outside the enum.
const char* algoName(Algo a);
/// By id; false (and `out` untouched) for an id no strategy has.
bool parseAlgo(const std::string& s, Algo& out);

/// Settings shared by the strategies; each uses what applies to it.
struct StrategyOptions {
    // DAS (notes 4.4): Gumbel temperature, its decay, Adam on the logits.
    double temperature = 1.0;
    double temperatureDecay = 0.9; // multiplied in every temperatureEvery iterations
    int temperatureEvery = 1000;
    double minTemperature = 0.1;
    double learningRate = 0.05;
    /// Added to the logit of choice 0 of every knob at the start: a prior toward the default design (choice 0
    /// is the neutral default of every micro-architecture knob, and the best-utilising spatial unrolling and
    /// the largest fitting tiles of every mapping knob). 0 = the authors' uniform start.
    double initialBias = 1.0;
    double beta1 = 0.5;
    double beta2 = 0.999;
    /// DAS: after this many valid samples without a better one, the logits start again from the prior plus a
    /// suggestion of the best sample (0 = never).
    int restartAfter = 500;
    // Regularized evolution (Real et al. 2019): population, tournament size, knobs mutated per child.
    int population = 24;
    int tournament = 6;
    int mutations = 1;
    // Exhaustive: the largest space it agrees to enumerate.
    long long exhaustiveLimit = 2'000'000;
    // Hardware-search driver: the micro-architecture strategy sees few samples, so DAS learns faster there;
    // per-layer searches start from the heuristic mapping (off for pure-strategy comparisons in tests).
    double outerLearningRate = 0.1;
    /// The micro-architecture search's prior toward choice 0: none, as the platform's own accelerator (with
    /// every dataflow) is screened first anyway.
    double outerInitialBias = 0.0;
    /// DAS: added to the logit of every choice of a suggested candidate (see Strategy::suggest).
    double suggestionBias = 2.0;
    bool seedWithHeuristic = true;
};

/// Ask/tell search over a KnobSpace: next() builds one candidate in the space (the space then holds it and
/// can evaluate it), report() tells the strategy its cost (+infinity = invalid). A strategy may be driven
/// over several spaces of the same knob structure one after the other (its state carries over).
class Strategy {
public:
    virtual ~Strategy() = default;
    virtual Algo algo() const = 0;
    /// Builds the next candidate in `space`; returns false when there is nothing left to try.
    virtual bool next(KnobSpace& space) = 0;
    virtual void report(double cost) = 0;
    /// Tells the strategy of a candidate evaluated outside it (`choices` in `space`'s knobs, its cost): a warm
    /// start. DAS moves its prior toward it, evolution takes it into its population, the others ignore it.
    virtual void suggest(KnobSpace& space, const std::vector<int>& choices, double cost)
    {
        (void)space;
        (void)choices;
        (void)cost;
    }
    /// Why the strategy declined to search (exhaustive on a space above its limit); empty otherwise.
    virtual std::string refusal() const { return {}; }
    const std::vector<int>& choices() const { return m_choices; }

protected:
    std::vector<int> m_choices;
};

std::unique_ptr<Strategy> makeStrategy(Algo algo, uint64_t seed, const StrategyOptions& options = {});

/// A hardware-search strategy as the front ends list it: `dna-cli hwsearch --help` and its --algo check, the
/// explorer's choice, bench_hwsearch and the tests read this table, so a new strategy is its class and one row here
/// (or one registerStrategy call).
struct StrategyInfo {
    Algo algo;
    const char* id; // --algo, JSON "algo"
    const char* description; // one line, for help texts
    bool samples; // false: it enumerates the space, and refuses one past StrategyOptions::exhaustiveLimit
    std::unique_ptr<Strategy> (*make)(uint64_t seed, const StrategyOptions& options);
};
/// Every strategy, the default (DAS) first, then any registered with registerStrategy.
const std::vector<StrategyInfo>& strategies();
/// Adds a strategy to the table (at start-up, before searches run: the table is not locked). Its `algo` is a value
/// of its own outside the enum's names (for example Algo(100)). Refused (false) when its id or algo is taken, its
/// id is empty or `make` is null. From then on --algo, the CLI's help, the explorer's choice and the benchmark list
/// it.
bool registerStrategy(const StrategyInfo& info);
/// The strategy with this id, or nullptr.
const StrategyInfo* findStrategy(const std::string& id);
/// The ids in table order, joined: strategyIds(", ", " or ") = "das, random, evolution or exhaustive".
std::string strategyIds(const std::string& separator, const std::string& lastSeparator);

/// DAS's gradient for one knob, exposed for the test against LibTorch autograd. The knob's chosen entry has
/// Gumbel-softmax probability p_c = softmax((log_softmax(logits) + noise) / tau)[c] over the allowed entries;
/// the loss is advantage * prod_k (p_k + stopgrad(1 - p_k)), whose value is `advantage` and whose gradient
/// for this knob is advantage * p_c * (delta_jc - y_j) / tau. Disallowed entries get 0.
void dasKnobGradient(const double* logits, const double* noise, const uint8_t* mask, int size, int chosen, double tau,
    double advantage, double* gradOut);

} // namespace dna::hwsearch
