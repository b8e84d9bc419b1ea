#pragma once

#include "accel/design.h"
#include "hwsearch/knob_space.h"

#include <functional>

namespace dna::hwsearch {

/// The micro-architecture as knobs: multi-cycle or pipelined, chunk count and boundaries, separate depthwise
/// engines, how much of the PE and buffer budget to use, double buffering, and per engine its share of PEs
/// and buffer, array aspect ratio, dataflow, buffer split and RF size. Evaluating a candidate hands the
/// decoded accelerator to `evaluateAccelerator` (which searches the layer mappings on it).
class ArchSpace : public KnobSpace {
public:
    static constexpr int kMaxChunks = 4;
    static constexpr int kMaxEngines = 2 * kMaxChunks;
    using Evaluator = std::function<double(const accel::Accelerator&)>;

    ArchSpace(const workload::Network& net, const accel::Platform& platform, Evaluator evaluateAccelerator);

    void reset() override;
    void choose(int k, int value) override;
    double evaluate() override;

    /// The accelerator of the current choices; `ok` false when a share leaves an engine without PEs.
    accel::Accelerator decode(bool& ok) const;
    /// Whether the current choices' accelerator needs more than the platform's budget whatever its mappings
    /// (area, PEs, buffer bytes, RF per PE, DSPs, buffer capacity; not the buffer ports a mapping's bandwidth
    /// adds on an FPGA), known without an evaluation. False when the choices do not decode.
    bool exceedsBudget() const;
    /// Total PEs and buffer bytes the platform's budget allows (before the fractions).
    int maxPes() const { return m_maxPes; }
    int64_t maxGbBytes() const { return m_maxGb; }

protected:
    int allowedImpl(int k, uint8_t* mask) override;

private:
    enum Global {
        MicroArchKnob,
        ChunksKnob,
        SeparateDwKnob,
        Boundary1,
        Boundary2,
        Boundary3,
        PeFraction,
        GbFraction,
        DoubleBufferKnob,
        GlobalKnobs
    };
    enum PerEngine { PeShare, Aspect, DataflowKnob, GbShare, GbSplit, RfBytes, PerEngineKnobs };
    int engineKnob(int e, PerEngine p) const { return GlobalKnobs + e * PerEngineKnobs + p; }
    int enginesInUse() const;

    const workload::Network& m_net;
    const accel::Platform& m_platform;
    Evaluator m_evaluate;
    std::vector<int> m_choice;
    bool m_hasDepthwise = false;
    int m_maxPes = 1;
    int64_t m_maxGb = 1;
    std::vector<double> m_cumulativeMacs;
};

} // namespace dna::hwsearch
