#include "workload/layer.h"

namespace dna::workload {

const char* layerTypeName(LayerType t)
{
    switch (t) {
    case LayerType::Conv:
        return "conv";
    case LayerType::Depthwise:
        return "depthwise";
    case LayerType::FullyConnected:
        return "fc";
    }
    return "conv";
}

bool parseLayerType(const std::string& s, LayerType& out)
{
    if (s == "conv") {
        out = LayerType::Conv;
    } else if (s == "depthwise" || s == "dw") {
        out = LayerType::Depthwise;
    } else if (s == "fc") {
        out = LayerType::FullyConnected;
    } else {
        return false;
    }
    return true;
}

int64_t Layer::macs() const
{
    int64_t m = 1;
    for (int d : dims) {
        m *= d;
    }
    return m;
}

Layer convLayer(
    std::string name, int inChannels, int outChannels, int inSize, int kernel, int stride, int pad, int groups)
{
    Layer l;
    l.name = std::move(name);
    l.type = LayerType::Conv;
    const int out = (inSize + 2 * pad - kernel) / stride + 1;
    l.dims = { 1, groups, outChannels / groups, inChannels / groups, out, out, kernel, kernel };
    l.strideY = l.strideX = stride;
    l.padY = l.padX = pad;
    return l;
}

Layer depthwiseLayer(std::string name, int channels, int inSize, int kernel, int stride, int pad)
{
    Layer l = convLayer(std::move(name), channels, channels, inSize, kernel, stride, pad, channels);
    l.type = LayerType::Depthwise;
    return l;
}

Layer fcLayer(std::string name, int inFeatures, int outFeatures)
{
    Layer l;
    l.name = std::move(name);
    l.type = LayerType::FullyConnected;
    l.dims = { 1, 1, outFeatures, inFeatures, 1, 1, 1, 1 };
    return l;
}

} // namespace dna::workload
