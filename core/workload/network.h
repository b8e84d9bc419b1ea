#pragma once

#include "util/expected.h"
#include "workload/layer.h"

#include <string>
#include <vector>

namespace dna::workload {

/// A network as the cost model sees it: an ordered list of conv / depthwise / fc layers. Pooling, BN,
/// activations and residual adds are not costed. `genotype` is set when the network came from a search space.
struct Network {
    std::string name;
    std::string space; // search space name, empty for the built-in networks
    std::vector<int> genotype; // op index per searchable layer
    std::vector<Layer> layers;

    int64_t macs() const;
    int64_t weightWords() const;
    /// The genotype in its string form "space:op,op,...", or the name for built-in networks.
    std::string label() const;
};

/// Built-in networks with the published shapes: alexnet (227x227, grouped CONV2/4/5), vgg16, resnet18,
/// mobilenetv2 (224x224).
const std::vector<std::string>& builtinNetworkNames();
Expected<Network> builtinNetwork(const std::string& name);

/// "fmnist:k3e3,k5e6,skip,..." -> the network of that genotype (stem, searchable layers, head, classifier).
Expected<Network> networkFromGenotype(const std::string& genotype);
/// The same from a space name and op indices.
Expected<Network> networkFromOps(const std::string& spaceName, const std::vector<int>& ops);

/// A built-in name or a genotype string (a JSON file is read by io::readNetworkFile).
Expected<Network> resolveNetwork(const std::string& nameOrGenotype);

/// Checks shapes: every dimension >= 1, strides >= 1, bit widths 1..32; the error names the layer and field.
[[nodiscard]] std::optional<Error> validateNetwork(const Network& net);

} // namespace dna::workload
