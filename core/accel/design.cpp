#include "accel/design.h"

namespace dna::accel {

const char* microArchName(MicroArch a) { return a == MicroArch::Pipelined ? "pipelined" : "multi-cycle"; }

const char* nocStyleName(NocStyle s)
{
    switch (s) {
    case NocStyle::Multicast:
        return "multicast";
    case NocStyle::Unicast:
        return "unicast";
    case NocStyle::Systolic:
        return "systolic";
    }
    return "multicast";
}

bool parseNocStyle(const std::string& s, NocStyle& out)
{
    if (s == "multicast") {
        out = NocStyle::Multicast;
    } else if (s == "unicast") {
        out = NocStyle::Unicast;
    } else if (s == "systolic") {
        out = NocStyle::Systolic;
    } else {
        return false;
    }
    return true;
}

std::vector<int> Accelerator::assignEngines(const workload::Network& net) const
{
    std::vector<int> engineOf(net.layers.size(), 0);
    size_t chunk = 0;
    for (size_t i = 0; i < net.layers.size(); ++i) {
        while (chunk + 1 < chunkStarts.size() && int(i) >= chunkStarts[chunk + 1]) {
            ++chunk;
        }
        const bool dw = net.layers[i].type == workload::LayerType::Depthwise;
        engineOf[i] = separateDepthwise ? int(2 * chunk + (dw ? 1 : 0)) : int(chunk);
    }
    return engineOf;
}

void setBatch(workload::Network& net, int batch)
{
    for (auto& l : net.layers) {
        l.dims[workload::N] = batch;
    }
}

} // namespace dna::accel
