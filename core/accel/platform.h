#pragma once

#include <array>
#include <cstdint>
#include <optional>
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

/// The engine a platform starts from when it fixes one (a chip's own array and scratchpads); without it
/// defaultAccelerator sizes one from the budget by the target's generic rule.
struct EngineDefaults {
    int rows = 1;
    int cols = 1;
    int64_t gbBytes = 1;
    int rfBytes = 1;
    std::array<double, 3> gbShare { 0.0, 0.0, 0.0 }; // weights, inputs, outputs; all zero = shared
    std::array<int, 3> rfSplit { 0, 0, 0 };
};

/// A target device: an FPGA board or an ASIC technology/budget. Platforms are data: the presets are the JSON
/// files of resources/platforms/ (embedded at build time, listed in file-name order), then the user's own
/// files in userPlatformDir(); all are read by io::platformFromJson, the same path as `--platform FILE.json`.
struct Platform {
    std::string name;
    std::string description;
    Target target = Target::Fpga;
    double clockMhz = 200.0;
    double dramGBps = 12.8;
    /// GB -> array bandwidth in words per cycle for ASICs; on FPGAs it follows from the BRAM banking instead.
    double gbWordsPerCycle = 0.0;
    /// Zero-aware features of the chip, off for generic platforms; both read Layer::inputZeros/outputZeros.
    /// dramRlc: activations cross the DRAM link run-length coded (rlcWordsPerValue), filters and partial sums
    /// raw. zeroGating: a zero input skips the MAC, the filter read and the partial-sum update (no cycles saved).
    bool dramRlc = false;
    bool zeroGating = false;
    /// partialDoubleBuffer: a double-buffered accelerator keeps a second copy only of the GB tiles that change on
    /// the innermost DRAM loop (the next one is fetched while the array works on the current one); the tiles of the
    /// other operands are refilled while the array waits (their DRAM time adds to the layer's). Off: every GB tile
    /// has two copies and all DRAM traffic overlaps compute.
    bool partialDoubleBuffer = false;
    EnergyTable energy;
    AreaTable area;
    Budget budget;
    std::string defaultDataflow = "ws"; // the dataflow of the default design (evaluate, the hwsearch baseline)
    std::optional<EngineDefaults> defaultEngine;
    std::vector<std::string> notes; // where the numbers come from

    double dramBytesPerCycle() const { return dramGBps * 1e9 / (clockMhz * 1e6); }
};

/// DRAM words per raw value of an activation run-length coded as Eyeriss does (Chen et al., JSSC 2017:
/// a 64-bit word holds three pairs of a 5-bit run of zeros and a 16-bit value, plus a last-word bit): a pair
/// covers the zeros before a value, at most 31, so with independent zeros at fraction z a pair covers
/// (1 - z^32) / (1 - z) values. 1 when coding would not shrink the data (the codec is bypassed, as for
/// CONV1's image) or the width does not fit three pairs.
double rlcWordsPerValue(double zeros, int bits);

/// The presets and the user's platforms, loaded once (io/platform_presets.cpp). A user file that cannot be
/// read, or reuses a name, is skipped and named in platformLoadProblems().
const std::vector<Platform>& platformPresets();
const Platform* findPlatform(const std::string& name);
std::string platformNames();
/// One line per skipped user platform file: its path and why.
const std::vector<std::string>& platformLoadProblems();
/// Where the user's platform files live: $DNA_PLATFORM_DIR, else the explorer's data folder
/// ($XDG_DATA_HOME or ~/.local/share, then DnaExplorer/DNA Explorer/platforms).
std::string userPlatformDir();

/// FPGA facts: DSP slices per MAC for a width (a DSP48 does one 16x16 MAC; two 8-bit MACs share one;
/// wider needs 4), and usable bits of one BRAM18 for power-of-two words (16 Kb; parity bits unused).
double dspPerMac(int bits);
inline constexpr int kBram18Bits = 16384;

} // namespace dna::accel
