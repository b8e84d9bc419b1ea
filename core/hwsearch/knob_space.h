#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace dna::hwsearch {

/// One discrete design variable: a name (for --fix and reports) and the labels of its choices.
struct Knob {
    std::string name;
    std::vector<std::string> labels;
    int size() const { return int(labels.size()); }
    /// Whether `n` names this knob: its whole name, or the part after "engineN." (a name for every engine).
    bool answersTo(const std::string& n) const
    {
        return name == n
            || (name.size() > n.size() && name.compare(name.size() - n.size(), n.size(), n) == 0
                && name[name.size() - n.size() - 1] == '.');
    }
};

/// A space of categorical knobs sampled in order, where the choices allowed for a knob may depend on the
/// choices made before it (conditional sampling: a tile no larger than what still fits, loop orders
/// without repetition). Strategies drive it as: reset(), then for every knob allowed() + choose(), then
/// evaluate(). Knobs can be fixed to one choice from outside.
class KnobSpace {
public:
    virtual ~KnobSpace() = default;

    const std::vector<Knob>& knobs() const { return m_knobs; }
    int knobCount() const { return int(m_knobs.size()); }

    virtual void reset() = 0;
    /// Fills mask[0..size) with 1 for the allowed choices of knob k (earlier knobs chosen); returns how many.
    int allowed(int k, uint8_t* mask);
    virtual void choose(int k, int value) = 0;
    /// Cost of the chosen candidate (lower is better); +infinity when the design is invalid.
    virtual double evaluate() = 0;

    /// Fixes knobs whose name equals `name` or ends with "." + name to the choice labelled `label`.
    /// Returns how many knobs matched; 0 means no such knob, -1 means no such label.
    int fix(const std::string& name, const std::string& label);
    int fixedValue(int k) const { return m_fixed.empty() ? -1 : m_fixed[k]; }

protected:
    void setKnobs(std::vector<Knob> knobs);
    virtual int allowedImpl(int k, uint8_t* mask) = 0;

private:
    std::vector<Knob> m_knobs;
    std::vector<int> m_fixed;
};

/// Number of complete candidates, counting by walking the conditional tree; stops at limit + 1.
long long countCandidates(KnobSpace& space, long long limit);

/// Sets `space` to the candidate nearest `want` (a choice per knob): each knob takes its wanted choice where the
/// space allows it after the choices before it, the first allowed choice otherwise. `choices` gets what was built;
/// false when a knob allows nothing.
bool buildChoices(KnobSpace& space, const std::vector<int>& want, std::vector<int>& choices);

/// Coordinate descent on `space` from `cur` (cost `curCost`; both updated): one knob at a time in a random order,
/// the nearest choices first, the first that improves taken; passes while one improves and `budgetLeft()`.
/// `evaluate()` costs the space's current candidate; `improved(choices, cost)` (may be empty) hears of every
/// improvement. Ends in a point no single knob change improves, unless the budget ends first.
void coordinateDescent(KnobSpace& space, std::vector<int>& cur, double& curCost, std::mt19937_64& rng,
    const std::function<bool()>& budgetLeft, const std::function<double()>& evaluate,
    const std::function<void(const std::vector<int>&, double)>& improved);

} // namespace dna::hwsearch
