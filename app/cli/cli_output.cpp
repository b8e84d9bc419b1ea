#include "cli_output.h"

#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace dna::cli {

using namespace dna::workload;

namespace {
std::string shapeText(const Layer& l)
{
    std::ostringstream os;
    if (l.type == LayerType::FullyConnected) {
        os << l.dims[C] << "->" << l.dims[K];
    } else {
        os << l.totalInputChannels() << "->" << l.totalOutputChannels() << ' ' << l.dims[Y] << 'x' << l.dims[X] << " k"
           << l.dims[R] << (l.strideY > 1 ? " s" + std::to_string(l.strideY) : "")
           << (l.dims[G] > 1 && l.type == LayerType::Conv ? " g" + std::to_string(l.dims[G]) : "");
    }
    return os.str();
}
} // namespace

void printCostTable(std::ostream& out, const accel::Design& design, const accel::DesignCost& cost)
{
    const double clockHz = design.platform.clockMhz * 1e6;
    out << "network " << design.network.label() << " on " << design.platform.name << ", batch " << design.batch << ", "
        << accel::microArchName(design.accelerator.arch) << ", " << design.accelerator.engines.size() << " engine(s)\n";
    out << std::left << std::setw(18) << "layer" << std::setw(6) << "type" << std::setw(24) << "shape" << std::right
        << std::setw(4) << "eng" << std::setw(6) << "flow" << std::setw(13) << "cycles" << std::setw(11) << "ms"
        << std::setw(12) << "energy uJ" << std::setw(7) << "util" << std::setw(9) << "bound" << '\n';
    out << std::fixed;
    for (size_t i = 0; i < cost.layers.size(); ++i) {
        const Layer& l = design.network.layers[i];
        const accel::LayerCost& lc = cost.layers[i];
        const auto& en = design.accelerator.engines[cost.layerEngine[i]];
        out << std::left << std::setw(18) << l.name.substr(0, 17) << std::setw(6)
            << std::string(layerTypeName(l.type)).substr(0, 5) << std::setw(24) << shapeText(l) << std::right
            << std::setw(4) << cost.layerEngine[i] << std::setw(6) << accel::dataflows()[en.dataflow].name;
        if (!lc.valid()) {
            out << "  invalid: " << accel::invalidCode(lc.invalid) << '\n';
            continue;
        }
        // Three decimals, more below 1 ms (up to six) so that a small network's layers do not all read 0.000.
        const double ms = lc.cycles / clockHz * 1e3;
        const int decimals = ms > 0 && ms < 1 ? std::min(6, 3 - int(std::floor(std::log10(ms)))) : 3;
        out << std::setw(13) << std::setprecision(0) << lc.cycles << std::setw(11) << std::setprecision(decimals) << ms
            << std::setw(12) << std::setprecision(2) << lc.energyPj.total() * 1e-6 << std::setw(6)
            << std::setprecision(0) << lc.utilization * 100 << '%' << std::setw(9) << accel::boundName(lc.bound)
            << '\n';
    }
    const auto& r = cost.resources;
    out << std::setprecision(3) << "\ntotal: latency " << cost.latencyMs << " ms, " << std::setprecision(2) << cost.fps
        << " FPS, energy " << std::setprecision(1) << cost.energyUj << " uJ/inference (MAC "
        << cost.energyPj.mac * 1e-6 / design.batch << ", RF " << cost.energyPj.rf * 1e-6 / design.batch << ", NoC "
        << cost.energyPj.noc * 1e-6 / design.batch << ", GB " << cost.energyPj.gb * 1e-6 / design.batch << ", DRAM "
        << cost.energyPj.dram * 1e-6 / design.batch << "), EDP " << std::setprecision(3) << cost.edp << " uJ*ms\n";
    out << "resources: " << r.pes << " PEs";
    if (design.platform.target == accel::Target::Fpga) {
        out << std::setprecision(0) << ", " << r.dsp << '/' << design.platform.budget.dsp << " DSP, " << r.bram18 << '/'
            << design.platform.budget.bram18 << " BRAM18";
    } else {
        out << std::setprecision(2) << ", " << r.areaMm2 << " mm^2";
    }
    out << ", GB " << r.gbBytes / 1024 << " KiB\n";
    out << (cost.valid()
            ? "valid\n"
            : "INVALID: " + std::string(accel::invalidCode(cost.invalid)) + ": " + cost.invalidDetail + "\n");
}

} // namespace dna::cli
