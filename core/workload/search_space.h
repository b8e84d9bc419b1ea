#pragma once

#include "workload/layer.h"

#include <string>
#include <vector>

namespace dna::workload {

/// One candidate operation of a searchable layer: an MBConv block (1x1 expand with `groups`, kxk depthwise,
/// 1x1 project) or `skip` (identity, or a 1x1 convolution where the shape changes).
struct OpSpec {
    std::string name; // "k3e6", "k5e1g2", "skip"
    int kernel = 0;
    int expansion = 0;
    int groups = 1;
    bool isSkip() const { return kernel == 0; }
};

struct Stage {
    int layers = 1;
    int channels = 16;
    int stride = 1;
};

/// An FBNet-style layer-wise supernet space (stem, stages of searchable layers, head). Shared by the cost
/// model (genotype -> layer list, here, without LibTorch) and the supernet (core/nas).
struct SearchSpace {
    std::string name;
    int inputChannels = 3;
    int inputSize = 32;
    int numClasses = 10;
    int stemChannels = 16;
    int stemStride = 1;
    std::vector<Stage> stages;
    int headChannels = 0;
    std::vector<OpSpec> ops;

    int searchableLayers() const;
    /// Input channels, output channels, input size and stride of searchable layer `i`.
    struct Slot {
        int inChannels, outChannels, inSize, stride;
    };
    Slot slot(int i) const;
    int opIndex(const std::string& opName) const; // -1 if unknown; accepts "k3_e6" and "k3e6"
};

/// The presets: "fmnist" (1x28x28, 8 layers x 7 ops), "cifar" and "imagenet" (22 layers x 9 ops as in the paper).
const std::vector<SearchSpace>& searchSpaces();
const SearchSpace* findSearchSpace(const std::string& name);

/// The conv layers an op turns into at a slot, named "<prefix>.<part>" (expand, dw, project, or proj for skip).
std::vector<Layer> opLayers(const SearchSpace& space, int slot, int op, const std::string& prefix);

} // namespace dna::workload
