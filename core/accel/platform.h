#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dna::accel {

enum class Target { Fpga, Asic };
const char* targetName(Target t);

/// Energy per access of one 16-bit word (memory levels) and per 16-bit MAC, in pJ. Other widths scale
/// linearly with bits (memories) and with the product of operand widths (MAC). `source` says where it came from.
struct EnergyTable {
    double macPj = 1.0;
    double rfPj = 1.0;
    double nocPj = 2.0;
    double gbPj = 6.0;
    double dramPj = 200.0;
    std::string source;
};

/// ASIC area per component, in mm^2 (per PE datapath, per byte of RF, per byte of global buffer, fixed part).
struct AreaTable {
    double peMm2 = 0.0;
    double rfMm2PerByte = 0.0;
    double gbMm2PerByte = 0.0;
    double fixedMm2 = 0.0;
    std::string source;
};

/// Resource budget of a platform; 0 means unconstrained.
struct Budget {
    int dsp = 0;
    int bram18 = 0;
    double areaMm2 = 0.0;
    int pes = 0;
    int64_t gbBytes = 0;
    int rfBytesPerPe = 0;
};

/// A target device: an FPGA board or an ASIC technology/budget. Presets: zc706, zcu102, ultra96, eyeriss, asic28.
struct Platform {
    std::string name;
    std::string description;
    Target target = Target::Fpga;
    double clockMhz = 200.0;
    double dramGBps = 12.8;
    /// GB -> array bandwidth in words per cycle for ASICs; on FPGAs it follows from the BRAM banking instead.
    double gbWordsPerCycle = 0.0;
    EnergyTable energy;
    AreaTable area;
    Budget budget;

    double dramBytesPerCycle() const { return dramGBps * 1e9 / (clockMhz * 1e6); }
};

const std::vector<Platform>& platformPresets();
const Platform* findPlatform(const std::string& name);
std::string platformNames();

/// FPGA facts: DSP slices per MAC for a width (a DSP48 does one 16x16 MAC; two 8-bit MACs share one;
/// wider needs 4), and usable bits of one BRAM18 for power-of-two words (16 Kb; parity bits unused).
double dspPerMac(int bits);
inline constexpr int kBram18Bits = 16384;

} // namespace dna::accel
