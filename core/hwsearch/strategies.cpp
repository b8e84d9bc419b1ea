#include "hwsearch/strategy.h"

#include "util/fast_math.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace dna::hwsearch {

const char* algoName(Algo a)
{
    for (const auto& s : strategies()) {
        if (s.algo == a) {
            return s.id;
        }
    }
    return "das";
}

bool parseAlgo(const std::string& s, Algo& out)
{
    const StrategyInfo* info = findStrategy(s);
    if (info) {
        out = info->algo;
    }
    return info != nullptr;
}

const StrategyInfo* findStrategy(const std::string& id)
{
    for (const auto& s : strategies()) {
        if (id == s.id) {
            return &s;
        }
    }
    return nullptr;
}

std::string strategyIds(const std::string& separator, const std::string& lastSeparator)
{
    std::string out;
    const auto& all = strategies();
    for (size_t i = 0; i < all.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == all.size() ? lastSeparator : separator) + all[i].id;
    }
    return out;
}

void dasKnobGradient(const double* logits, const double* noise, const uint8_t* mask, int size, int chosen, double tau,
    double advantage, double* gradOut)
{
    // The perturbed softmax y = softmax((log_softmax(logits) + noise) / tau) over the allowed entries; the
    // log-normaliser is the same for every entry, so y = softmax((logits + noise) / tau).
    double maxZ = -std::numeric_limits<double>::infinity();
    double z[64] = {};
    for (int j = 0; j < size; ++j) {
        if (mask[j]) {
            z[j] = (logits[j] + noise[j]) / tau;
            maxZ = std::max(maxZ, z[j]);
        }
    }
    double zsum = 0;
    for (int j = 0; j < size; ++j) {
        if (mask[j]) {
            z[j] = std::exp(z[j] - maxZ);
            zsum += z[j];
        }
    }
    const double pc = z[chosen] / zsum;
    for (int j = 0; j < size; ++j) {
        if (!mask[j]) {
            gradOut[j] = 0;
            continue;
        }
        const double yj = z[j] / zsum;
        // d y_c / d z_j = y_c (delta - y_j); d z_j / d logit_i = (delta_ij - softmax_i) / tau, and the
        // softmax term cancels because sum_j y_c (delta_cj - y_j) = 0.
        gradOut[j] = advantage * pc * ((j == chosen ? 1.0 : 0.0) - yj) / tau;
    }
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Builds a candidate by walking the knobs in order; `pick(k, mask, n)` chooses among the n allowed entries.
template <class Pick> void build(KnobSpace& space, std::vector<int>& choices, std::vector<uint8_t>& mask, Pick pick)
{
    space.reset();
    choices.resize(space.knobCount());
    for (int k = 0; k < space.knobCount(); ++k) {
        mask.assign(space.knobs()[k].size(), 0);
        const int n = space.allowed(k, mask.data());
        int v = 0;
        if (n > 0) {
            v = pick(k, mask, n);
        }
        choices[k] = v;
        space.choose(k, v);
    }
}

/// One of the `n` allowed entries of `mask`, uniformly.
int uniformAllowed(std::mt19937_64& rng, const std::vector<uint8_t>& mask, int n)
{
    int r = int(std::uniform_int_distribution<int>(0, n - 1)(rng));
    for (int j = 0; j < int(mask.size()); ++j) {
        if (mask[j] && r-- == 0) {
            return j;
        }
    }
    return 0;
}

class RandomStrategy : public Strategy {
public:
    explicit RandomStrategy(uint64_t seed)
        : m_rng(seed)
    {
    }
    Algo algo() const override { return Algo::Random; }
    bool next(KnobSpace& space) override
    {
        build(space, m_choices, m_mask,
            [&](int, const std::vector<uint8_t>& mask, int n) { return uniformAllowed(m_rng, mask, n); });
        return true;
    }
    void report(double) override { }

private:
    std::mt19937_64 m_rng;
    std::vector<uint8_t> m_mask;
};

/// Differentiable accelerator search: one logit vector per knob, hard straight-through Gumbel-softmax samples,
/// loss = advantage x prod(p + stopgrad(1 - p)), Adam on the logits, invalid samples skipped.
/// The advantage is the cost relative to a running mean (a variance-reducing baseline; the raw cost of the
/// authors' code gives the same expected direction but needs tiny learning rates). A distribution that has
/// settled samples the same few candidates: after restartAfter valid samples without a better one it starts
/// again from the prior, biased toward the best sample.
class DasStrategy : public Strategy {
public:
    DasStrategy(uint64_t seed, const StrategyOptions& o)
        : m_rng(seed)
        , m_options(o)
        , m_tau(o.temperature)
    {
    }
    Algo algo() const override { return Algo::Das; }

    bool next(KnobSpace& space) override
    {
        ensureShape(space);
        build(space, m_choices, m_maskScratch, [&](int k, const std::vector<uint8_t>& mask, int n) {
            auto& noise = m_noise[k];
            auto& logits = m_logits[k];
            std::copy(mask.begin(), mask.end(), m_masks[k].begin());
            if (n == 1) {
                const int only = int(std::find(mask.begin(), mask.end(), uint8_t(1)) - mask.begin());
                noise[only] = 0.0; // a forced knob: nothing to sample, and report() learns nothing from it
                return only;
            }
            int best = -1;
            double bestScore = -kInf;
            for (int j = 0; j < int(mask.size()); ++j) {
                if (!mask[j]) {
                    continue;
                }
                // The first sample is the mode of the prior (no noise): the default design.
                noise[j] = m_iteration == 0 ? 0.0 : gumbelFromBits(m_rng());
                const double score = logits[j] + noise[j]; // argmax of the perturbed softmax
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            return best;
        });
        return true;
    }

    void suggest(KnobSpace& space, const std::vector<int>& choices, double cost) override
    {
        if (!std::isfinite(cost)) {
            return;
        }
        ensureShape(space);
        for (size_t k = 0; k < choices.size() && k < m_logits.size(); ++k) {
            if (choices[k] >= 0 && choices[k] < int(m_logits[k].size())) {
                m_logits[k][size_t(choices[k])] += m_options.suggestionBias;
            }
        }
    }

    void report(double cost) override
    {
        ++m_iteration;
        if (m_iteration % m_options.temperatureEvery == 0) {
            m_tau = std::max(m_options.minTemperature, m_tau * m_options.temperatureDecay);
        }
        if (!std::isfinite(cost)) {
            return; // invalid designs are skipped
        }
        // Costs span orders of magnitude across designs: learn on their logarithm.
        const double c = std::log(std::max(cost, 1e-300));
        if (m_validSeen == 0 || c < m_bestLog) {
            m_bestLog = c;
            m_bestChoices = m_choices;
            m_sinceBest = 0;
        } else if (m_options.restartAfter > 0 && ++m_sinceBest >= m_options.restartAfter) {
            restart();
            return;
        }
        if (m_validSeen == 0) {
            m_baseline = c;
        }
        ++m_validSeen;
        const double advantage = c - m_baseline;
        m_baseline = 0.9 * m_baseline + 0.1 * c;
        if (advantage == 0.0) {
            return;
        }
        const double b1 = m_options.beta1;
        const double b2 = m_options.beta2;
        m_beta1Power *= b1; // beta^step, kept as a running product (std::pow per step showed in the profile)
        m_beta2Power *= b2;
        const double corr1 = 1.0 - m_beta1Power;
        const double corr2 = 1.0 - m_beta2Power;
        double grad[64];
        for (size_t k = 0; k < m_logits.size(); ++k) {
            const int size = int(m_logits[k].size());
            int allowedCount = 0;
            for (int j = 0; j < size; ++j) {
                allowedCount += m_masks[k][j];
            }
            if (allowedCount < 2) {
                continue; // a forced knob has nothing to learn
            }
            dasKnobGradient(
                m_logits[k].data(), m_noise[k].data(), m_masks[k].data(), size, m_choices[k], m_tau, advantage, grad);
            for (int j = 0; j < size; ++j) {
                if (!m_masks[k][j]) {
                    continue;
                }
                double& m = m_m[k][j];
                double& v = m_v[k][j];
                m = b1 * m + (1 - b1) * grad[j];
                v = b2 * v + (1 - b2) * grad[j] * grad[j];
                m_logits[k][j] -= m_options.learningRate * (m / corr1) / (std::sqrt(v / corr2) + 1e-8);
            }
        }
    }

private:
    /// Back to the prior, with the best sample so far as a suggestion; the learning state starts over.
    void restart()
    {
        for (size_t k = 0; k < m_logits.size(); ++k) {
            setPrior(k);
            if (k < m_bestChoices.size() && m_bestChoices[k] >= 0 && m_bestChoices[k] < int(m_logits[k].size())) {
                m_logits[k][size_t(m_bestChoices[k])] += m_options.suggestionBias;
            }
        }
        m_tau = m_options.temperature;
        m_beta1Power = m_beta2Power = 1.0;
        m_baseline = m_bestLog;
        m_sinceBest = 0;
    }

    void ensureShape(const KnobSpace& space)
    {
        if (int(m_logits.size()) == space.knobCount()) {
            return;
        }
        const auto& knobs = space.knobs();
        m_logits.assign(knobs.size(), {});
        m_noise = m_m = m_v = m_logits;
        m_masks.assign(knobs.size(), {});
        for (size_t k = 0; k < knobs.size(); ++k) {
            const int n = std::min(knobs[k].size(), 64);
            m_logits[k].resize(n);
            m_noise[k].assign(n, 0.0);
            m_m[k].resize(n);
            m_v[k].resize(n);
            m_masks[k].assign(n, 0);
            setPrior(k);
        }
    }

    /// Knob k's logits at the prior (choice 0 ahead by initialBias) and its Adam moments at zero.
    void setPrior(size_t k)
    {
        std::fill(m_logits[k].begin(), m_logits[k].end(), 1e-3);
        m_logits[k][0] += m_options.initialBias;
        std::fill(m_m[k].begin(), m_m[k].end(), 0.0);
        std::fill(m_v[k].begin(), m_v[k].end(), 0.0);
    }

    std::mt19937_64 m_rng;
    StrategyOptions m_options;
    double m_tau;
    long m_iteration = 0;
    double m_beta1Power = 1.0;
    double m_beta2Power = 1.0;
    long m_validSeen = 0;
    double m_baseline = 0;
    double m_bestLog = 0;
    long m_sinceBest = 0;
    std::vector<int> m_bestChoices;
    std::vector<std::vector<double>> m_logits, m_noise, m_m, m_v;
    std::vector<std::vector<uint8_t>> m_masks;
    std::vector<uint8_t> m_maskScratch;
};

/// Regularized evolution: a population of the most recent candidates; each child mutates the best of a random
/// tournament; the oldest member dies. Knobs after a mutated one keep their value where still allowed.
class EvolutionStrategy : public Strategy {
public:
    EvolutionStrategy(uint64_t seed, const StrategyOptions& o)
        : m_rng(seed)
        , m_options(o)
    {
    }
    Algo algo() const override { return Algo::Evolution; }

    bool next(KnobSpace& space) override
    {
        const int knobs = space.knobCount();
        if (int(m_population.size()) < m_options.population) {
            build(space, m_choices, m_mask,
                [&](int, const std::vector<uint8_t>& mask, int n) { return uniformAllowed(m_rng, mask, n); });
            return true;
        }
        // Tournament among valid members (if none is valid yet, any member).
        const Member* parent = nullptr;
        for (int i = 0; i < m_options.tournament; ++i) {
            const Member& m = m_population[std::uniform_int_distribution<size_t>(0, m_population.size() - 1)(m_rng)];
            if (!parent || m.cost < parent->cost) {
                parent = &m;
            }
        }
        const std::vector<int> base = parent->choices;
        // Mutate knobs that have a real choice: pick positions among knobs that had >1 allowed last time.
        std::vector<char> mutate(knobs, 0);
        for (int i = 0; i < m_options.mutations; ++i) {
            for (int tries = 0; tries < 32; ++tries) {
                const int k = std::uniform_int_distribution<int>(0, knobs - 1)(m_rng);
                if (parent->free.empty() || parent->free[k]) {
                    mutate[k] = 1;
                    break;
                }
            }
        }
        m_free.assign(knobs, 0);
        build(space, m_choices, m_mask, [&](int k, const std::vector<uint8_t>& mask, int n) {
            m_free[k] = n > 1;
            const int keep = k < int(base.size()) ? base[k] : -1;
            if (mutate[k] && n > 1) {
                int v = uniformAllowed(m_rng, mask, n);
                while (v == keep) {
                    v = uniformAllowed(m_rng, mask, n);
                }
                return v;
            }
            if (keep >= 0 && keep < int(mask.size()) && mask[keep]) {
                return keep;
            }
            return uniformAllowed(m_rng, mask, n);
        });
        return true;
    }

    void suggest(KnobSpace&, const std::vector<int>& choices, double cost) override { admit({ choices, {}, cost }); }

    void report(double cost) override { admit({ m_choices, m_free, cost }); }

private:
    struct Member {
        std::vector<int> choices;
        std::vector<char> free;
        double cost;
    };
    /// The youngest member; the oldest dies once the population is full.
    void admit(Member m)
    {
        m_population.push_back(std::move(m));
        if (int(m_population.size()) > m_options.population) {
            m_population.pop_front();
        }
    }

    std::mt19937_64 m_rng;
    StrategyOptions m_options;
    std::deque<Member> m_population;
    std::vector<uint8_t> m_mask;
    std::vector<char> m_free;
};

/// Every candidate of the conditional tree in order; refuses spaces above the limit (checked on first use).
class ExhaustiveStrategy : public Strategy {
public:
    explicit ExhaustiveStrategy(const StrategyOptions& o)
        : m_options(o)
    {
    }
    Algo algo() const override { return Algo::Exhaustive; }

    bool next(KnobSpace& space) override
    {
        const int knobs = space.knobCount();
        if (!m_started) {
            m_started = true;
            m_size = countCandidates(space, m_options.exhaustiveLimit);
            if (m_size > m_options.exhaustiveLimit) {
                m_tooLarge = true;
                return false;
            }
            m_stack.assign(knobs, {});
            return descend(space, 0);
        }
        // Advance the deepest knob that has another allowed value, then descend with first choices.
        for (int k = knobs - 1; k >= 0; --k) {
            auto& level = m_stack[k];
            if (level.position + 1 < int(level.values.size())) {
                ++level.position;
                return descend(space, k, true);
            }
        }
        return false;
    }

    void report(double) override { }
    std::string refusal() const override
    {
        if (!m_tooLarge) {
            return {};
        }
        return "the space has more than " + std::to_string(m_options.exhaustiveLimit)
            + " candidates; exhaustive enumerates at most that many (use das, random or evolution, or fix knobs "
              "with --fix)";
    }

private:
    struct Level {
        std::vector<int> values;
        int position = 0;
    };

    // Rebuilds the candidate: replays knobs before `from`, then (re)computes allowed values from `from` on.
    bool descend(KnobSpace& space, int from, bool keepFrom = false)
    {
        const int knobs = space.knobCount();
        m_choices.resize(knobs);
        space.reset();
        for (int k = 0; k < knobs; ++k) {
            m_mask.assign(space.knobs()[k].size(), 0);
            space.allowed(k, m_mask.data());
            auto& level = m_stack[k];
            if (k > from || (k == from && !keepFrom)) {
                level.values.clear();
                for (int j = 0; j < int(m_mask.size()); ++j) {
                    if (m_mask[j]) {
                        level.values.push_back(j);
                    }
                }
                if (level.values.empty()) {
                    level.values.push_back(0);
                }
                level.position = 0;
            }
            m_choices[k] = level.values[level.position];
            space.choose(k, m_choices[k]);
        }
        return true;
    }

    StrategyOptions m_options;
    bool m_started = false;
    bool m_tooLarge = false;
    long long m_size = 0;
    std::vector<Level> m_stack;
    std::vector<uint8_t> m_mask;
};

} // namespace

namespace {

std::vector<StrategyInfo>& table()
{
    static std::vector<StrategyInfo> table {
        { Algo::Das, "das",
            "DNA's differentiable search: Gumbel-softmax samples of every knob, Adam on their logits (the default)",
            true,
            [](uint64_t seed, const StrategyOptions& o) -> std::unique_ptr<Strategy> {
                return std::make_unique<DasStrategy>(seed, o);
            } },
        { Algo::Random, "random", "uniform random samples of every knob", true,
            [](uint64_t seed, const StrategyOptions&) -> std::unique_ptr<Strategy> {
                return std::make_unique<RandomStrategy>(seed);
            } },
        { Algo::Evolution, "evolution",
            "regularized evolution (Real et al. 2019): tournaments in an ageing population, one knob mutated per child",
            true,
            [](uint64_t seed, const StrategyOptions& o) -> std::unique_ptr<Strategy> {
                return std::make_unique<EvolutionStrategy>(seed, o);
            } },
        { Algo::Exhaustive, "exhaustive", "every point of the space, for small spaces (it refuses larger ones)", false,
            [](uint64_t, const StrategyOptions& o) -> std::unique_ptr<Strategy> {
                return std::make_unique<ExhaustiveStrategy>(o);
            } },
    };
    return table;
}

} // namespace

const std::vector<StrategyInfo>& strategies() { return table(); }

bool registerStrategy(const StrategyInfo& info)
{
    if (!info.id || !*info.id || !info.make) {
        return false;
    }
    for (const auto& s : table()) {
        if (s.algo == info.algo || std::string(s.id) == info.id) {
            return false;
        }
    }
    table().push_back(info);
    return true;
}

std::unique_ptr<Strategy> makeStrategy(Algo algo, uint64_t seed, const StrategyOptions& options)
{
    for (const auto& s : strategies()) {
        if (s.algo == algo) {
            return s.make(seed, options);
        }
    }
    return nullptr;
}

} // namespace dna::hwsearch
