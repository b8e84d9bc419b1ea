#include "workload/network.h"

#include "util/text.h"
#include "workload/search_space.h"

#include <algorithm>
#include <sstream>

namespace dna::workload {

int64_t Network::macs() const
{
    int64_t m = 0;
    for (const auto& l : layers) {
        m += l.macs();
    }
    return m;
}

int64_t Network::weightWords() const
{
    int64_t w = 0;
    for (const auto& l : layers) {
        w += l.operandWords(Weights);
    }
    return w;
}

std::string Network::label() const
{
    if (space.empty()) {
        return name;
    }
    const SearchSpace* s = findSearchSpace(space);
    std::string out = space + ":";
    for (size_t i = 0; i < genotype.size(); ++i) {
        out += (i ? "," : "") + (s ? s->ops.at(genotype[i]).name : std::to_string(genotype[i]));
    }
    return out;
}

namespace {

Network alexnet()
{
    Network n { "alexnet", {}, {}, {} };
    n.layers = {
        convLayer("conv1", 3, 96, 227, 11, 4, 0),
        convLayer("conv2", 96, 256, 27, 5, 1, 2, 2),
        convLayer("conv3", 256, 384, 13, 3, 1, 1),
        convLayer("conv4", 384, 384, 13, 3, 1, 1, 2),
        convLayer("conv5", 384, 256, 13, 3, 1, 1, 2),
        fcLayer("fc6", 256 * 6 * 6, 4096),
        fcLayer("fc7", 4096, 4096),
        fcLayer("fc8", 4096, 1000),
    };
    return n;
}

Network vgg16()
{
    Network n { "vgg16", {}, {}, {} };
    const int cfg[][3] = { // in, out, input size
        { 3, 64, 224 }, { 64, 64, 224 }, { 64, 128, 112 }, { 128, 128, 112 }, { 128, 256, 56 }, { 256, 256, 56 },
        { 256, 256, 56 }, { 256, 512, 28 }, { 512, 512, 28 }, { 512, 512, 28 }, { 512, 512, 14 }, { 512, 512, 14 },
        { 512, 512, 14 }
    };
    const char* names[] = { "conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv4_1",
        "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3" };
    for (int i = 0; i < 13; ++i) {
        n.layers.push_back(convLayer(names[i], cfg[i][0], cfg[i][1], cfg[i][2], 3, 1, 1));
    }
    n.layers.push_back(fcLayer("fc6", 512 * 7 * 7, 4096));
    n.layers.push_back(fcLayer("fc7", 4096, 4096));
    n.layers.push_back(fcLayer("fc8", 4096, 1000));
    return n;
}

Network resnet18()
{
    Network n { "resnet18", {}, {}, {} };
    n.layers.push_back(convLayer("conv1", 3, 64, 224, 7, 2, 3));
    int size = 56; // after the 3x3/2 max pool
    int in = 64;
    const int widths[] = { 64, 128, 256, 512 };
    for (int stage = 0; stage < 4; ++stage) {
        const int out = widths[stage];
        for (int block = 0; block < 2; ++block) {
            const int stride = (stage > 0 && block == 0) ? 2 : 1;
            const std::string p = "layer" + std::to_string(stage + 1) + "." + std::to_string(block);
            n.layers.push_back(convLayer(p + ".conv1", in, out, size, 3, stride, 1));
            const int outSize = (size - 1) / stride + 1;
            n.layers.push_back(convLayer(p + ".conv2", out, out, outSize, 3, 1, 1));
            if (stride != 1 || in != out) {
                n.layers.push_back(convLayer(p + ".downsample", in, out, size, 1, stride, 0));
            }
            in = out;
            size = outSize;
        }
    }
    n.layers.push_back(fcLayer("fc", 512, 1000));
    return n;
}

Network mobilenetv2()
{
    Network n { "mobilenetv2", {}, {}, {} };
    n.layers.push_back(convLayer("conv0", 3, 32, 224, 3, 2, 1));
    const int cfg[][4] = { { 1, 16, 1, 1 }, { 6, 24, 2, 2 }, { 6, 32, 3, 2 }, { 6, 64, 4, 2 }, { 6, 96, 3, 1 },
        { 6, 160, 3, 2 }, { 6, 320, 1, 1 } }; // expansion t, channels c, repeats n, stride s
    int in = 32;
    int size = 112;
    int block = 0;
    for (const auto& c : cfg) {
        for (int i = 0; i < c[2]; ++i, ++block) {
            const int stride = i == 0 ? c[3] : 1;
            const int mid = in * c[0];
            const std::string p = "block" + std::to_string(block);
            if (c[0] != 1) {
                n.layers.push_back(convLayer(p + ".expand", in, mid, size, 1, 1, 0));
            }
            n.layers.push_back(depthwiseLayer(p + ".dw", mid, size, 3, stride, 1));
            size = (size - 1) / stride + 1;
            n.layers.push_back(convLayer(p + ".project", mid, c[1], size, 1, 1, 0));
            in = c[1];
        }
    }
    n.layers.push_back(convLayer("conv_last", 320, 1280, 7, 1, 1, 0));
    n.layers.push_back(fcLayer("fc", 1280, 1000));
    return n;
}

std::string joinNames(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v) {
        s += (s.empty() ? "" : ", ") + x;
    }
    return s;
}

} // namespace

const std::vector<std::string>& builtinNetworkNames()
{
    static const std::vector<std::string> names { "alexnet", "vgg16", "resnet18", "mobilenetv2" };
    return names;
}

Expected<Network> builtinNetwork(const std::string& name)
{
    if (name == "alexnet") {
        return alexnet();
    }
    if (name == "vgg16") {
        return vgg16();
    }
    if (name == "resnet18") {
        return resnet18();
    }
    if (name == "mobilenetv2") {
        return mobilenetv2();
    }
    return Error { ErrorCode::UnknownNetwork,
        "unknown network '" + clipped(name) + "'; built-in networks are " + joinNames(builtinNetworkNames())
            + ", or give a genotype such as fmnist:k3e3,... or a JSON layer file" };
}

Expected<Network> networkFromOps(const std::string& spaceName, const std::vector<int>& ops)
{
    const SearchSpace* space = findSearchSpace(spaceName);
    if (!space) {
        return Error { ErrorCode::UnknownSpace,
            "unknown search space '" + spaceName + "'; spaces are fmnist, cifar, imagenet" };
    }
    if (int(ops.size()) != space->searchableLayers()) {
        return Error { ErrorCode::BadGenotype,
            "a genotype of space " + spaceName + " needs " + std::to_string(space->searchableLayers()) + " ops, got "
                + std::to_string(ops.size()) };
    }
    Network n;
    n.space = spaceName;
    n.genotype = ops;
    n.name = spaceName + "-net";
    n.layers.push_back(
        convLayer("stem", space->inputChannels, space->stemChannels, space->inputSize, 3, space->stemStride, 1));
    for (int i = 0; i < int(ops.size()); ++i) {
        if (ops[i] < 0 || ops[i] >= int(space->ops.size())) {
            return Error { ErrorCode::BadGenotype,
                "op index " + std::to_string(ops[i]) + " at layer " + std::to_string(i) + " is outside 0.."
                    + std::to_string(space->ops.size() - 1) };
        }
        for (auto& l : opLayers(*space, i, ops[i], "layer" + std::to_string(i))) {
            n.layers.push_back(std::move(l));
        }
    }
    const auto last = space->slot(space->searchableLayers() - 1);
    const int finalSize = (last.inSize - 1) / last.stride + 1;
    n.layers.push_back(convLayer("head", last.outChannels, space->headChannels, finalSize, 1, 1, 0));
    n.layers.push_back(fcLayer("classifier", space->headChannels, space->numClasses));
    return n;
}

Expected<Network> networkFromGenotype(const std::string& genotype)
{
    const auto colon = genotype.find(':');
    if (colon == std::string::npos) {
        return Error { ErrorCode::BadGenotype,
            "a genotype looks like SPACE:op,op,... (for example fmnist:k3e3,k5e6,skip,...)" };
    }
    const std::string spaceName = genotype.substr(0, colon);
    const SearchSpace* space = findSearchSpace(spaceName);
    if (!space) {
        return Error { ErrorCode::UnknownSpace,
            "unknown search space '" + clipped(spaceName) + "'; spaces are fmnist, cifar, imagenet" };
    }
    std::vector<int> ops;
    const std::string list = genotype.substr(colon + 1);
    for (size_t start = 0;;) {
        const size_t comma = list.find(',', start);
        const std::string tok = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (tok.empty()) {
            return Error { ErrorCode::BadGenotype,
                "the genotype has an empty op at layer " + std::to_string(ops.size())
                    + " (a leading, doubled or trailing comma?); it looks like " + spaceName + ":op,op,..." };
        }
        const int idx = space->opIndex(tok);
        if (idx < 0) {
            std::vector<std::string> names;
            for (const auto& o : space->ops) {
                names.push_back(o.name);
            }
            return Error { ErrorCode::BadGenotype,
                "unknown op '" + clipped(tok) + "' at layer " + std::to_string(ops.size()) + "; ops of " + spaceName
                    + " are " + joinNames(names) };
        }
        ops.push_back(idx);
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return networkFromOps(spaceName, ops);
}

Expected<Network> resolveNetwork(const std::string& nameOrGenotype)
{
    if (nameOrGenotype.find(':') != std::string::npos) {
        return networkFromGenotype(nameOrGenotype);
    }
    return builtinNetwork(nameOrGenotype);
}

std::optional<Error> validateNetwork(const Network& net)
{
    constexpr double kMaxLayerMacs = double(int64_t(1) << 50);
    if (net.layers.empty()) {
        return Error { ErrorCode::EmptyNetwork, "network '" + net.name + "' has no layers" };
    }
    for (const auto& l : net.layers) {
        for (int d = 0; d < kDims; ++d) {
            if (l.dims[d] < 1) {
                return Error { ErrorCode::BadLayer,
                    "layer '" + l.name + "': " + std::string(1, kDimNames[d]) + " = " + std::to_string(l.dims[d])
                        + " must be at least 1" };
            }
        }
        if (l.strideY < 1 || l.strideX < 1) {
            return Error { ErrorCode::BadLayer, "layer '" + l.name + "': stride must be at least 1" };
        }
        // Every size the models compute is a product of these: keep the largest (the MACs, or an input
        // window with its stride) far inside 64 bits.
        double macs = 1;
        for (int d = 0; d < kDims; ++d) {
            macs *= l.dims[d];
        }
        macs *= double(std::max(l.strideY, 1)) * std::max(l.strideX, 1);
        if (macs > kMaxLayerMacs) {
            return Error { ErrorCode::BadLayer,
                "layer '" + l.name
                    + "' is too large: the product of its dimensions (and strides) must stay below 2^50" };
        }
        for (int bits : { l.weightBits, l.inputBits, l.outputBits }) {
            if (bits < 1 || bits > 32) {
                return Error { ErrorCode::BadLayer, "layer '" + l.name + "': bit widths must be 1..32" };
            }
        }
    }
    return std::nullopt;
}

} // namespace dna::workload
