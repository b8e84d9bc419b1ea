#pragma once

#include <cstdint>
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

} // namespace dna::hwsearch
