#pragma once

// A hardware-search strategy that lives only in a test binary: every candidate takes the first allowed choice of
// every knob. Registered with hwsearch::registerStrategy, it must show wherever the strategies are listed.
#include "hwsearch/strategy.h"

#include <vector>

namespace dna::testing {

class FirstAllowedStrategy : public hwsearch::Strategy {
public:
    static constexpr hwsearch::Algo kAlgo = hwsearch::Algo(100);

    hwsearch::Algo algo() const override { return kAlgo; }
    bool next(hwsearch::KnobSpace& space) override
    {
        space.reset();
        m_choices.assign(size_t(space.knobCount()), 0);
        for (int k = 0; k < space.knobCount(); ++k) {
            m_mask.assign(space.knobs()[size_t(k)].size(), 0);
            space.allowed(k, m_mask.data());
            for (size_t j = 0; j < m_mask.size(); ++j) {
                if (m_mask[j]) {
                    m_choices[size_t(k)] = int(j);
                    break;
                }
            }
            space.choose(k, m_choices[size_t(k)]);
        }
        return true;
    }
    void report(double) override { }

private:
    std::vector<uint8_t> m_mask;
};

inline const hwsearch::StrategyInfo& firstAllowedInfo()
{
    static const hwsearch::StrategyInfo info { FirstAllowedStrategy::kAlgo, "first-allowed",
        "a test's own strategy: the first allowed choice of every knob", true,
        [](uint64_t, const hwsearch::StrategyOptions&) -> std::unique_ptr<hwsearch::Strategy> {
            return std::make_unique<FirstAllowedStrategy>();
        } };
    return info;
}

} // namespace dna::testing
