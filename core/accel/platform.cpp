#include "accel/platform.h"

namespace dna::accel {

const char* targetName(Target t) { return t == Target::Fpga ? "fpga" : "asic"; }

double dspPerMac(int bits)
{
    if (bits <= 8) {
        return 0.5;
    }
    if (bits <= 18) {
        return 1.0;
    }
    return 4.0;
}

namespace {

// Eyeriss normalised costs (Chen et al., ISCA 2016: MAC 1, RF 1, NoC 2, GB 6, DRAM 200 per 16-bit access at
// 65 nm), scaled so one unit is the 16-bit MAC of the DNA authors' 65 nm figures (16 4-bit multipliers at
// 1/17 pJ + 4 4-bit adders at 1/68 pJ = 1.0 pJ).
EnergyTable eyerissTable()
{
    return { 1.0, 1.0, 2.0, 6.0, 200.0,
        "Eyeriss normalised costs (Chen et al. ISCA 2016), 1 unit = 1.0 pJ 16-bit MAC at 65 nm" };
}

// The DNA authors' simulator constants per 16-bit word (their '28 nm' scaling): MAC 1.6, RF->ALU 0.89,
// NoC->RF 1.187, GB->NoC 3.78, DRAM->GB 200 pJ. Used for the 28 nm ASIC and, as in their FPGA variant, the boards.
EnergyTable dnaTable(const std::string& what)
{
    return { 1.6, 0.89, 1.187, 3.78, 200.0, "DNA authors' simulator constants per 16-bit word (" + what + ")" };
}

Platform fpga(std::string name, std::string description, int dsp, int bram18, double dramGBps)
{
    Platform p;
    p.name = std::move(name);
    p.description = std::move(description);
    p.target = Target::Fpga;
    p.clockMhz = 200.0;
    p.dramGBps = dramGBps;
    p.energy = dnaTable("FPGA variant");
    p.budget.dsp = dsp;
    p.budget.bram18 = bram18;
    return p;
}

std::vector<Platform> makePresets()
{
    std::vector<Platform> v;
    v.push_back(
        fpga("zc706", "Xilinx ZC706 (XC7Z045): 900 DSP, 1090 BRAM18, DDR3 12.8 GB/s, 200 MHz", 900, 1090, 12.8));
    v.push_back(
        fpga("zcu102", "Xilinx ZCU102 (XCZU9EG): 2520 DSP, 1824 BRAM18, DDR4 19.2 GB/s, 200 MHz", 2520, 1824, 19.2));
    v.push_back(
        fpga("ultra96", "Avnet Ultra96 (XCZU3EG): 360 DSP, 432 BRAM18, LPDDR4 8.5 GB/s, 200 MHz", 360, 432, 8.5));

    Platform eyeriss;
    eyeriss.name = "eyeriss";
    eyeriss.description
        = "Eyeriss-like ASIC, 65 nm: 12x14 PEs, 108 KB global buffer, 520 B scratchpads per PE, 16-bit, 200 MHz";
    eyeriss.target = Target::Asic;
    eyeriss.clockMhz = 200.0;
    // Eyeriss talks to DRAM over a 64-bit link at up to 90 MHz (0.72 GB/s).
    eyeriss.dramGBps = 0.72;
    // The GLB feeds the array over a 64-bit bus per data type (notes 3.1): 4 words/cycle for each of the three.
    eyeriss.gbWordsPerCycle = 12.0;
    eyeriss.energy = eyerissTable();
    // Rough 65 nm figures: 16-bit MAC datapath + control 0.02 mm^2 per PE, register files 24 um^2 per byte,
    // SRAM about 1 um^2 per bit with periphery, 2 mm^2 for NoC, control and I/O. Not a synthesis result.
    eyeriss.area = { 0.02, 24e-6, 8e-6, 2.0, "scaled estimates for 65 nm (see platform.cpp)" };
    eyeriss.budget.pes = 168;
    eyeriss.budget.gbBytes = 108 * 1024;
    eyeriss.budget.rfBytesPerPe = 520; // 448 B filter + 24 B ifmap + 48 B psum scratchpads
    v.push_back(eyeriss);

    Platform asic28;
    asic28.name = "asic28";
    asic28.description = "28 nm edge ASIC: 2 mm^2 budget, 16-bit, 400 MHz, LPDDR4 6.4 GB/s";
    asic28.target = Target::Asic;
    asic28.clockMhz = 400.0;
    asic28.dramGBps = 6.4;
    asic28.gbWordsPerCycle = 32.0;
    asic28.energy = dnaTable("28 nm");
    // The 65 nm figures scaled by (28/65)^2 = 0.186.
    asic28.area = { 0.02 * 0.186, 24e-6 * 0.186, 8e-6 * 0.186, 0.3, "65 nm estimates scaled by (28/65)^2" };
    asic28.budget.areaMm2 = 2.0;
    asic28.budget.pes = 1024;
    asic28.budget.gbBytes = 512 * 1024;
    asic28.budget.rfBytesPerPe = 1024;
    v.push_back(asic28);
    return v;
}

} // namespace

const std::vector<Platform>& platformPresets()
{
    static const std::vector<Platform> presets = makePresets();
    return presets;
}

const Platform* findPlatform(const std::string& name)
{
    for (const auto& p : platformPresets()) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

std::string platformNames()
{
    std::string s;
    for (const auto& p : platformPresets()) {
        s += (s.empty() ? "" : ", ") + p.name;
    }
    return s;
}

} // namespace dna::accel
