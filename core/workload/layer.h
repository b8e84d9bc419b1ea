#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace dna::workload {

/// The eight loop dimensions of a (grouped) convolution, in the order used everywhere in the core:
/// N batch, G groups, K output channels per group, C input channels per group, Y/X output rows/columns,
/// R/S filter rows/columns. A depthwise layer has G = channels and K = C = 1.
enum Dim : int { N = 0, G, K, C, Y, X, R, S };
inline constexpr int kDims = 8;
inline constexpr std::array<char, kDims> kDimNames { 'N', 'G', 'K', 'C', 'Y', 'X', 'R', 'S' };

/// The three operands (data types) of a layer.
enum Operand : int { Weights = 0, Inputs, Outputs };
inline constexpr int kOperands = 3;
inline constexpr std::array<const char*, kOperands> kOperandNames { "weights", "inputs", "outputs" };

enum class LayerType { Conv, Depthwise, FullyConnected };

const char* layerTypeName(LayerType t);
/// Parses "conv", "depthwise" (or "dw"), "fc"; returns false for anything else.
bool parseLayerType(const std::string& s, LayerType& out);

/// One layer in the 8-D loop form. Grouped convolutions keep K and C per group; pointwise is R = S = 1; a fully
/// connected layer is a 1x1 convolution on a 1x1 map. Bit widths are per operand.
struct Layer {
    std::string name;
    LayerType type = LayerType::Conv;
    std::array<int, kDims> dims { 1, 1, 1, 1, 1, 1, 1, 1 };
    int strideY = 1;
    int strideX = 1;
    int padY = 0;
    int padX = 0;
    int weightBits = 16;
    int inputBits = 16;
    int outputBits = 16;
    /// Fractions of zero values in the input and output activations (data statistics, e.g. after a ReLU; 0
    /// when not measured). Only platforms that exploit zeros read them (Platform::dramRlc, zeroGating).
    double inputZeros = 0.0;
    double outputZeros = 0.0;

    int dim(Dim d) const { return dims[d]; }
    int totalOutputChannels() const { return dims[G] * dims[K]; }
    int totalInputChannels() const { return dims[G] * dims[C]; }
    /// Input rows/columns the layer touches, padding included (see windowExtent).
    int inputRows() const;
    int inputCols() const;

    int64_t macs() const;
    /// Operand sizes in words (elements): weights G*K*C*R*S, inputs N*G*C*H*W (padded), outputs N*G*K*Y*X.
    int64_t operandWords(Operand o) const;
    int operandBits(Operand o) const { return o == Weights ? weightBits : o == Inputs ? inputBits : outputBits; }
};

/// Builders with the usual shapes; `inSize` is the (square) input feature map, the output size follows from
/// stride and padding. Depthwise uses `channels` for G.
Layer convLayer(
    std::string name, int inChannels, int outChannels, int inSize, int kernel, int stride, int pad, int groups = 1);
Layer depthwiseLayer(std::string name, int channels, int inSize, int kernel, int stride, int pad);
Layer fcLayer(std::string name, int inFeatures, int outFeatures);

/// Input rows (or columns) touched by `out` output rows with `kernel` filter rows at a stride: the windows
/// (out - 1) * stride + kernel, or out * kernel when the windows do not overlap (kernel < stride skips rows).
template <class T> constexpr T windowExtent(T out, T kernel, int stride)
{
    const T overlapping = (out - 1) * stride + kernel;
    const T disjoint = out * kernel;
    return overlapping < disjoint ? overlapping : disjoint;
}

inline int Layer::inputRows() const { return windowExtent(dims[Y], dims[R], strideY); }

inline int Layer::inputCols() const { return windowExtent(dims[X], dims[S], strideX); }

inline int64_t Layer::operandWords(Operand o) const
{
    const auto& d = dims;
    switch (o) {
    case Weights:
        return int64_t(d[G]) * d[K] * d[C] * d[R] * d[S];
    case Inputs:
        return int64_t(d[N]) * d[G] * d[C] * inputRows() * inputCols();
    case Outputs:
        return int64_t(d[N]) * d[G] * d[K] * d[Y] * d[X];
    }
    return 0;
}

/// Words of an operand's tile whose extent along every dimension is `t` (inputs with the sliding-window halo).
/// T is int or double (averaged edge tiles).
template <class T> constexpr double tileWords(Operand o, const std::array<T, kDims>& t, int strideY, int strideX)
{
    switch (o) {
    case Weights:
        return double(t[G]) * t[K] * t[C] * t[R] * t[S];
    case Inputs:
        return double(t[N]) * t[G] * t[C] * windowExtent(t[Y], t[R], strideY) * windowExtent(t[X], t[S], strideX);
    case Outputs:
        return double(t[N]) * t[G] * t[K] * t[Y] * t[X];
    }
    return 0;
}

/// Which operands a loop dimension indexes. Inputs depend on Y, X, R and S through the sliding window.
constexpr bool relevant(Operand o, int d)
{
    switch (o) {
    case Weights:
        return d == G || d == K || d == C || d == R || d == S;
    case Inputs:
        return d != K;
    case Outputs:
        return d == N || d == G || d == K || d == Y || d == X;
    }
    return false;
}

} // namespace dna::workload
