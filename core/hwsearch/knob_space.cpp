#include "hwsearch/knob_space.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace dna::hwsearch {

void KnobSpace::setKnobs(std::vector<Knob> knobs)
{
    m_knobs = std::move(knobs);
    m_fixed.assign(m_knobs.size(), -1);
}

int KnobSpace::allowed(int k, uint8_t* mask)
{
    int n = allowedImpl(k, mask);
    const int fixed = m_fixed[k];
    if (fixed >= 0) {
        // A fixed knob keeps its value where the space allows it; otherwise it is left to the space (a fixed
        // dataflow on an engine that does not exist, say).
        if (mask[fixed]) {
            std::fill(mask, mask + m_knobs[k].size(), uint8_t(0));
            mask[fixed] = 1;
            n = 1;
        }
    }
    return n;
}

int KnobSpace::fix(const std::string& name, const std::string& label)
{
    int matched = 0;
    for (size_t k = 0; k < m_knobs.size(); ++k) {
        if (!m_knobs[k].answersTo(name)) {
            continue;
        }
        const auto& labels = m_knobs[k].labels;
        const auto it = std::find(labels.begin(), labels.end(), label);
        if (it == labels.end()) {
            return -1;
        }
        m_fixed[k] = int(it - labels.begin());
        ++matched;
    }
    return matched;
}

namespace {

void countFrom(KnobSpace& space, int k, std::vector<int>& prefix, long long& count, long long limit)
{
    if (count > limit) {
        return;
    }
    if (k == space.knobCount()) {
        ++count;
        return;
    }
    std::vector<uint8_t> mask(space.knobs()[k].size());
    space.reset();
    for (int i = 0; i < k; ++i) {
        std::vector<uint8_t> m(space.knobs()[i].size());
        space.allowed(i, m.data());
        space.choose(i, prefix[i]);
    }
    space.allowed(k, mask.data());
    for (int v = 0; v < int(mask.size()) && count <= limit; ++v) {
        if (mask[v]) {
            prefix[k] = v;
            countFrom(space, k + 1, prefix, count, limit);
        }
    }
}

} // namespace

namespace {

/// Knuth's estimator of a tree's size: the product of the branching factors along a random root-to-leaf
/// path is an unbiased estimate; averaged over probes it tells a huge space from a small one quickly.
double estimateCandidates(KnobSpace& space, int probes)
{
    std::mt19937_64 rng(12345);
    double sum = 0;
    std::vector<uint8_t> mask;
    for (int p = 0; p < probes; ++p) {
        space.reset();
        double product = 1;
        for (int k = 0; k < space.knobCount(); ++k) {
            mask.assign(space.knobs()[k].size(), 0);
            const int n = space.allowed(k, mask.data());
            product *= std::max(1, n);
            int pick = n > 0 ? std::uniform_int_distribution<int>(0, n - 1)(rng) : 0;
            int v = 0;
            for (int j = 0; j < int(mask.size()); ++j) {
                if (mask[j] && pick-- == 0) {
                    v = j;
                    break;
                }
            }
            space.choose(k, v);
        }
        sum += product;
    }
    return sum / probes;
}

} // namespace

long long countCandidates(KnobSpace& space, long long limit)
{
    // A space estimated at many times the limit is not walked (the walk would take as long as the search).
    if (estimateCandidates(space, 64) > 8.0 * double(limit)) {
        return limit + 1;
    }
    long long count = 0;
    std::vector<int> prefix(space.knobCount(), 0);
    countFrom(space, 0, prefix, count, limit);
    return count;
}

bool buildChoices(KnobSpace& space, const std::vector<int>& want, std::vector<int>& choices)
{
    space.reset();
    choices.assign(size_t(space.knobCount()), 0);
    thread_local std::vector<uint8_t> mask; // a descent builds once per evaluation: no allocation each time
    for (int k = 0; k < space.knobCount(); ++k) {
        mask.assign(size_t(space.knobs()[size_t(k)].size()), 0);
        space.allowed(k, mask.data());
        int value = want[size_t(k)];
        if (value < 0 || value >= int(mask.size()) || !mask[size_t(value)]) {
            value = int(std::find(mask.begin(), mask.end(), uint8_t(1)) - mask.begin());
            if (value >= int(mask.size())) {
                return false;
            }
        }
        space.choose(k, value);
        choices[size_t(k)] = value;
    }
    return true;
}

void coordinateDescent(KnobSpace& space, std::vector<int>& cur, double& curCost, std::mt19937_64& rng,
    const std::function<bool()>& budgetLeft, const std::function<double()>& evaluate,
    const std::function<void(const std::vector<int>&, double)>& improved)
{
    std::vector<int> order(size_t(space.knobCount()));
    std::vector<int> got;
    std::vector<int> want;
    bool moved = true;
    while (moved && budgetLeft()) {
        moved = false;
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        for (int k : order) {
            const int size = space.knobs()[size_t(k)].size();
            bool movedKnob = false;
            for (int d = 1; d < size && !movedKnob && budgetLeft(); ++d) {
                for (int v : { cur[size_t(k)] - d, cur[size_t(k)] + d }) {
                    if (v < 0 || v >= size || !budgetLeft()) {
                        continue;
                    }
                    want = cur;
                    want[size_t(k)] = v;
                    if (!buildChoices(space, want, got) || got[size_t(k)] != v || got == cur) {
                        continue;
                    }
                    const double cost = evaluate();
                    if (cost < curCost) {
                        cur = got;
                        curCost = cost;
                        if (improved) {
                            improved(cur, cost);
                        }
                        movedKnob = moved = true;
                        break;
                    }
                }
            }
            if (!budgetLeft()) {
                break;
            }
        }
    }
}

} // namespace dna::hwsearch
