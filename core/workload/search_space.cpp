#include "workload/search_space.h"

#include <algorithm>

namespace dna::workload {

int SearchSpace::searchableLayers() const
{
    int n = 0;
    for (const auto& s : stages) {
        n += s.layers;
    }
    return n;
}

SearchSpace::Slot SearchSpace::slot(int i) const
{
    int size = (inputSize + 2 * 1 - 3) / stemStride + 1;
    int channels = stemChannels;
    int index = 0;
    for (const auto& st : stages) {
        for (int j = 0; j < st.layers; ++j, ++index) {
            const int stride = j == 0 ? st.stride : 1;
            if (index == i) {
                return { channels, st.channels, size, stride };
            }
            size = (size - 1) / stride + 1;
            channels = st.channels;
        }
    }
    return { 0, 0, 0, 0 };
}

int SearchSpace::opIndex(const std::string& opName) const
{
    std::string key;
    std::copy_if(opName.begin(), opName.end(), std::back_inserter(key), [](char c) { return c != '_'; });
    for (size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].name == key) {
            return int(i);
        }
    }
    return -1;
}

namespace {

std::vector<OpSpec> paperOps()
{
    return { { "k3e1", 3, 1, 1 }, { "k3e1g2", 3, 1, 2 }, { "k3e3", 3, 3, 1 }, { "k3e6", 3, 6, 1 }, { "k5e1", 5, 1, 1 },
        { "k5e1g2", 5, 1, 2 }, { "k5e3", 5, 3, 1 }, { "k5e6", 5, 6, 1 }, { "skip", 0, 0, 1 } };
}

std::vector<SearchSpace> makeSpaces()
{
    // fmnist: our small space so a supernet epoch on Fashion-MNIST fits in about a minute on two cores. The
    // stride-2 stem (28x28 -> 14x14) keeps the searchable layers at 14, 7 and 4; with a stride-1 stem a
    // supernet step took 2.5x as long (bench_nas), and a derived network still reaches 92% (README).
    SearchSpace fmnist;
    fmnist.name = "fmnist";
    fmnist.inputChannels = 1;
    fmnist.inputSize = 28;
    fmnist.numClasses = 10;
    fmnist.stemChannels = 16;
    fmnist.stemStride = 2;
    fmnist.stages = { { 1, 16, 1 }, { 2, 24, 2 }, { 2, 32, 1 }, { 2, 48, 2 }, { 1, 64, 1 } };
    fmnist.headChannels = 256;
    fmnist.ops = { { "k3e1", 3, 1, 1 }, { "k3e3", 3, 3, 1 }, { "k3e6", 3, 6, 1 }, { "k5e1", 5, 1, 1 },
        { "k5e3", 5, 3, 1 }, { "k5e6", 5, 6, 1 }, { "skip", 0, 0, 1 } };

    // cifar / imagenet: the authors' supernet (notes section 1.2); stage 6 uses 184 channels as in the configs.
    SearchSpace cifar;
    cifar.name = "cifar";
    cifar.inputChannels = 3;
    cifar.inputSize = 32;
    cifar.numClasses = 10;
    cifar.stemChannels = 16;
    cifar.stemStride = 1;
    const int layers[] = { 1, 4, 4, 4, 4, 4, 1 };
    const int channels[] = { 16, 24, 32, 64, 112, 184, 352 };
    const int cifarStrides[] = { 1, 1, 2, 2, 1, 2, 1 };
    const int imagenetStrides[] = { 1, 2, 2, 2, 1, 2, 1 };
    for (int i = 0; i < 7; ++i) {
        cifar.stages.push_back({ layers[i], channels[i], cifarStrides[i] });
    }
    cifar.headChannels = 1504;
    cifar.ops = paperOps();

    SearchSpace imagenet = cifar;
    imagenet.name = "imagenet";
    imagenet.inputSize = 224;
    imagenet.numClasses = 1000;
    imagenet.stemStride = 2;
    for (int i = 0; i < 7; ++i) {
        imagenet.stages[i].stride = imagenetStrides[i];
    }
    imagenet.headChannels = 1984;
    return { fmnist, cifar, imagenet };
}

} // namespace

const std::vector<SearchSpace>& searchSpaces()
{
    static const std::vector<SearchSpace> spaces = makeSpaces();
    return spaces;
}

const SearchSpace* findSearchSpace(const std::string& name)
{
    for (const auto& s : searchSpaces()) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

std::vector<Layer> opLayers(const SearchSpace& space, int slotIndex, int opIndex, const std::string& prefix)
{
    const auto slot = space.slot(slotIndex);
    const OpSpec& op = space.ops.at(opIndex);
    std::vector<Layer> out;
    if (op.isSkip()) {
        if (slot.stride != 1 || slot.inChannels != slot.outChannels) {
            out.push_back(
                convLayer(prefix + ".proj", slot.inChannels, slot.outChannels, slot.inSize, 1, slot.stride, 0));
        }
        return out;
    }
    const int mid = slot.inChannels * op.expansion;
    // Grouped 1x1 convs need channel counts divisible by the groups; fall back to one group otherwise.
    const int gIn = (slot.inChannels % op.groups == 0 && mid % op.groups == 0) ? op.groups : 1;
    const int gOut = (mid % op.groups == 0 && slot.outChannels % op.groups == 0) ? op.groups : 1;
    const int pad = op.kernel / 2;
    out.push_back(convLayer(prefix + ".expand", slot.inChannels, mid, slot.inSize, 1, 1, 0, gIn));
    out.push_back(depthwiseLayer(prefix + ".dw", mid, slot.inSize, op.kernel, slot.stride, pad));
    const int outSize = (slot.inSize + 2 * pad - op.kernel) / slot.stride + 1;
    out.push_back(convLayer(prefix + ".project", mid, slot.outChannels, outSize, 1, 1, 0, gOut));
    return out;
}

} // namespace dna::workload
