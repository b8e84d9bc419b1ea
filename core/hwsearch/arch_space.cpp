#include "hwsearch/arch_space.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dna::hwsearch {

using namespace dna::accel;
using namespace dna::workload;

namespace {

const double kFractions[] = { 1.0, 0.75, 0.5, 0.25 };
const double kAspects[] = { 1.0, 0.25, 0.5, 2.0, 4.0 }; // rows : cols, in the order of the labels
const int kRfBytes[] = { 64, 16, 32, 128, 256, 512 }; // index 0 is the neutral default
const std::array<double, 3> kSplits[] = { { 0, 0, 0 }, { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, { 0.5, 0.25, 0.25 },
    { 0.25, 0.5, 0.25 }, { 0.25, 0.25, 0.5 }, { 0.1, 0.45, 0.45 } };

std::vector<Knob> makeKnobs()
{
    std::vector<Knob> k;
    k.push_back({ "micro_arch", { "multi-cycle", "pipelined" } });
    k.push_back({ "chunks", { "1", "2", "3", "4" } });
    k.push_back({ "separate_dw", { "no", "yes" } });
    for (int b = 1; b <= 3; ++b) {
        k.push_back({ "boundary" + std::to_string(b), { "0", "-2", "-1", "+1", "+2" } });
    }
    k.push_back({ "pe_fraction", { "1", "0.75", "0.5", "0.25" } });
    k.push_back({ "gb_fraction", { "1", "0.75", "0.5", "0.25" } });
    k.push_back({ "double_buffer", { "yes", "no" } });
    std::vector<std::string> dfs;
    for (const auto& d : dataflows()) {
        dfs.push_back(d.name);
    }
    for (int e = 0; e < ArchSpace::kMaxEngines; ++e) {
        const std::string p = "engine" + std::to_string(e) + ".";
        k.push_back({ p + "pe_share", { "1", "2", "3", "4", "5", "6", "7", "8" } });
        k.push_back({ p + "aspect", { "1:1", "1:4", "1:2", "2:1", "4:1" } });
        k.push_back({ p + "dataflow", dfs });
        k.push_back({ p + "gb_share", { "1", "2", "3", "4", "5", "6", "7", "8" } });
        k.push_back({ p + "gb_split", { "shared", "even", "w-heavy", "i-heavy", "o-heavy", "w-light" } });
        k.push_back({ p + "rf_bytes", { "64", "16", "32", "128", "256", "512" } });
    }
    return k;
}

} // namespace

ArchSpace::ArchSpace(const Network& net, const Platform& platform, Evaluator evaluateAccelerator)
    : m_net(net)
    , m_platform(platform)
    , m_evaluate(std::move(evaluateAccelerator))
{
    static const std::vector<Knob> knobs = makeKnobs();
    setKnobs(knobs);
    int maxBits = 1;
    double macs = 0;
    for (const auto& l : net.layers) {
        m_hasDepthwise = m_hasDepthwise || l.type == LayerType::Depthwise;
        maxBits = std::max({ maxBits, l.weightBits, l.inputBits });
        macs += double(l.macs());
        m_cumulativeMacs.push_back(macs);
    }
    const Budget& b = platform.budget;
    if (platform.target == Target::Fpga) {
        m_maxPes = std::max(1, int(b.dsp / dspPerMac(maxBits)));
        // Three quarters of the BRAM as buffer capacity at most: the rest is left for the banks the array's
        // bandwidth needs (resourcesOf charges both).
        m_maxGb = std::max<int64_t>(1, int64_t(b.bram18) * (kBram18Bits / 8) * 3 / 4);
    } else {
        m_maxPes = b.pes > 0 ? b.pes : 1024;
        m_maxGb = b.gbBytes > 0 ? b.gbBytes : 512 * 1024;
        if (b.areaMm2 > 0) {
            // Under an area budget the default design gives half the area left after the fixed part to the PEs
            // (with 64 B of RF each) and half to the buffer.
            const AreaTable& a = platform.area;
            const double half = std::max(0.0, b.areaMm2 - a.fixedMm2) / 2;
            if (a.peMm2 + 64 * a.rfMm2PerByte > 0) {
                m_maxPes = std::min(m_maxPes, std::max(1, int(half / (a.peMm2 + 64 * a.rfMm2PerByte))));
            }
            if (a.gbMm2PerByte > 0) {
                m_maxGb = std::min<int64_t>(m_maxGb, std::max<int64_t>(1024, int64_t(half / a.gbMm2PerByte)));
            }
        }
    }
    reset();
}

void ArchSpace::reset() { m_choice.assign(knobCount(), 0); }

int ArchSpace::enginesInUse() const
{
    const int chunks = m_choice[MicroArchKnob] == 1 ? m_choice[ChunksKnob] + 1 : 1;
    return chunks * (m_choice[SeparateDwKnob] == 1 ? 2 : 1);
}

int ArchSpace::allowedImpl(int k, uint8_t* mask)
{
    const int size = knobs()[k].size();
    std::fill(mask, mask + size, uint8_t(0));
    auto only = [&](int v) {
        mask[v] = 1;
        return 1;
    };
    const int layers = int(m_net.layers.size());
    switch (k) {
    case ChunksKnob:
        if (m_choice[MicroArchKnob] == 0) {
            return only(0);
        }
        for (int c = 0; c < kMaxChunks && c < layers; ++c) {
            mask[c] = 1;
        }
        return std::min(kMaxChunks, layers);
    case SeparateDwKnob:
        if (!m_hasDepthwise) {
            return only(0);
        }
        break;
    case Boundary1:
    case Boundary2:
    case Boundary3:
        if (m_choice[MicroArchKnob] == 0 || k - Boundary1 + 1 > m_choice[ChunksKnob]) {
            return only(0);
        }
        break;
    default:
        break;
    }
    if (k >= GlobalKnobs) {
        const int e = (k - GlobalKnobs) / PerEngineKnobs;
        const int p = (k - GlobalKnobs) % PerEngineKnobs;
        if (e >= enginesInUse()) {
            return only(0);
        }
        if (p == RfBytes && m_platform.budget.rfBytesPerPe > 0) {
            int n = 0;
            for (int i = 0; i < size; ++i) {
                if (kRfBytes[i] <= m_platform.budget.rfBytesPerPe) {
                    mask[i] = 1;
                    ++n;
                }
            }
            return n;
        }
    }
    std::fill(mask, mask + size, uint8_t(1));
    return size;
}

void ArchSpace::choose(int k, int value) { m_choice[k] = value; }

Accelerator ArchSpace::decode(bool& ok) const
{
    Accelerator acc;
    ok = true;
    const bool pipelined = m_choice[MicroArchKnob] == 1;
    const int chunks = pipelined ? m_choice[ChunksKnob] + 1 : 1;
    acc.arch = pipelined ? MicroArch::Pipelined : MicroArch::MultiCycle;
    acc.separateDepthwise = m_choice[SeparateDwKnob] == 1;
    acc.doubleBuffer = m_choice[DoubleBufferKnob] == 0;
    const int layers = int(m_net.layers.size());

    // Chunk boundaries: equal shares of the MACs, each moved by the boundary knob's offset.
    acc.chunkStarts = { 0 };
    const int step = std::max(1, layers / (4 * chunks));
    const int offsets[] = { 0, -2, -1, 1, 2 };
    for (int c = 1; c < chunks; ++c) {
        const double target = m_cumulativeMacs.back() * c / chunks;
        int cut
            = int(std::lower_bound(m_cumulativeMacs.begin(), m_cumulativeMacs.end(), target) - m_cumulativeMacs.begin())
            + 1;
        cut += offsets[m_choice[Boundary1 + c - 1]] * step;
        cut = std::clamp(cut, acc.chunkStarts.back() + 1, layers - (chunks - c));
        acc.chunkStarts.push_back(cut);
    }

    const int engines = acc.expectedEngines();
    const int totalPes = std::max(1, int(m_maxPes * kFractions[m_choice[PeFraction]]));
    const double totalGb = double(m_maxGb) * kFractions[m_choice[GbFraction]];
    double peShares = 0;
    double gbShares = 0;
    for (int e = 0; e < engines; ++e) {
        peShares += m_choice[engineKnob(e, PeShare)] + 1;
        gbShares += m_choice[engineKnob(e, GbShare)] + 1;
    }
    acc.engines.clear();
    for (int e = 0; e < engines; ++e) {
        Engine en;
        const int pes = int(totalPes * (m_choice[engineKnob(e, PeShare)] + 1) / peShares);
        if (pes < 1) {
            ok = false;
            return acc;
        }
        en.rows = std::clamp(int(std::lround(std::sqrt(pes * kAspects[m_choice[engineKnob(e, Aspect)]]))), 1, pes);
        en.cols = std::max(1, pes / en.rows);
        en.dataflow = m_choice[engineKnob(e, DataflowKnob)];
        en.gbBytes = std::max<int64_t>(64, int64_t(totalGb * (m_choice[engineKnob(e, GbShare)] + 1) / gbShares));
        en.gbShare = kSplits[m_choice[engineKnob(e, GbSplit)]];
        en.rfBytes = kRfBytes[m_choice[engineKnob(e, RfBytes)]];
        en.rfSplit = { 0, 0, 0 };
        acc.engines.push_back(en);
    }
    return acc;
}

bool ArchSpace::exceedsBudget() const
{
    bool ok = false;
    const Accelerator acc = decode(ok);
    // No layer costs: resourcesOf then charges the buffer's capacity only, a lower bound of what a mapping needs.
    return ok && overBudget(resourcesOf(acc, m_platform, m_net, {}, {}), m_platform.budget).has_value();
}

double ArchSpace::evaluate()
{
    bool ok = false;
    const Accelerator acc = decode(ok);
    if (!ok) {
        return std::numeric_limits<double>::infinity();
    }
    return m_evaluate(acc);
}

} // namespace dna::hwsearch
