#pragma once

// The op modules of the supernet (internal to core/nas's torch translation units, supernet.cpp and
// supernet_checkpoint.cpp): the separate-weights op block and the weight-entangled layer of the shared mode, with the
// layer recorder that describeLayers() reads.
#include "nas/torch_pch.h"

#include "workload/layer.h"
#include "workload/search_space.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace dna::nas::modules {

using torch::Tensor;
namespace nn = torch::nn;
using workload::Layer;
using workload::SearchSpace;

// Collects the conv layers a forward pass runs, with the shapes torch actually used.
struct Recorder {
    std::vector<Layer> layers;
};

inline nn::Conv2d makeConv(int in, int out, int kernel, int stride, int pad, int groups)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(pad).groups(groups).bias(false));
}

inline void recordConv(
    Recorder* rec, const std::string& name, int in, int out, int size, int k, int s, int pad, int groups)
{
    if (rec) {
        rec->layers.push_back(groups > 1 && groups == in && groups == out
                ? workload::depthwiseLayer(name, in, size, k, s, pad)
                : workload::convLayer(name, in, out, size, k, s, pad, groups));
    }
}

inline Tensor runConv(nn::Conv2d conv, const Tensor& x, Recorder* rec, const std::string& name)
{
    if (rec) {
        const auto& o = conv->options;
        recordConv(rec, name, int(o.in_channels()), int(o.out_channels()), int(x.size(2)), int((*o.kernel_size())[0]),
            int((*o.stride())[0]), int((*c10::get<torch::ExpandingArray<2>>(o.padding()))[0]), int(o.groups()));
    }
    return conv->forward(x);
}

inline Tensor bnRelu(nn::BatchNorm2d bn, const Tensor& x)
{
    auto y = bn->forward(x);
    y.relu_();
    return y;
}

// One candidate op at one slot, mirroring workload::opLayers: MBConv (1x1 expand with groups, channel
// shuffle when grouped, kxk depthwise with the stride, 1x1 project, residual when the shape is kept) or
// skip (identity, or 1x1 conv + BN + ReLU where the shape changes).
struct OpBlockImpl : nn::Module {
    OpBlockImpl(const SearchSpace& space, int slotIndex, int opIndex)
    {
        const auto slot = space.slot(slotIndex);
        const auto& op = space.ops.at(opIndex);
        m_keepsShape = slot.stride == 1 && slot.inChannels == slot.outChannels;
        if (op.isSkip()) {
            m_skip = true;
            if (!m_keepsShape) {
                m_proj = register_module("proj", makeConv(slot.inChannels, slot.outChannels, 1, slot.stride, 0, 1));
                m_bn3 = register_module("bn_proj", nn::BatchNorm2d(slot.outChannels));
            }
            return;
        }
        const int mid = slot.inChannels * op.expansion;
        // Same fallback as core/workload: groups only where the channel counts divide.
        m_groupsIn = (slot.inChannels % op.groups == 0 && mid % op.groups == 0) ? op.groups : 1;
        const int gOut = (mid % op.groups == 0 && slot.outChannels % op.groups == 0) ? op.groups : 1;
        const int pad = op.kernel / 2;
        m_expand = register_module("expand", makeConv(slot.inChannels, mid, 1, 1, 0, m_groupsIn));
        m_bn1 = register_module("bn_expand", nn::BatchNorm2d(mid));
        m_dw = register_module("dw", makeConv(mid, mid, op.kernel, slot.stride, pad, mid));
        m_bn2 = register_module("bn_dw", nn::BatchNorm2d(mid));
        m_project = register_module("project", makeConv(mid, slot.outChannels, 1, 1, 0, gOut));
        m_bn3 = register_module("bn_project", nn::BatchNorm2d(slot.outChannels));
    }

    Tensor forward(const Tensor& x, Recorder* rec, const std::string& prefix)
    {
        if (m_skip) {
            return m_keepsShape ? x : bnRelu(m_bn3, runConv(m_proj, x, rec, prefix + ".proj"));
        }
        auto y = bnRelu(m_bn1, runConv(m_expand, x, rec, prefix + ".expand"));
        if (m_groupsIn > 1) {
            const auto n = y.size(0), c = y.size(1), h = y.size(2), w = y.size(3);
            y = y.view({ n, m_groupsIn, c / m_groupsIn, h, w })
                    .transpose(1, 2)
                    .reshape({ n, c, h, w })
                    .contiguous(y.suggest_memory_format());
        }
        y = bnRelu(m_bn2, runConv(m_dw, y, rec, prefix + ".dw"));
        y = m_bn3->forward(runConv(m_project, y, rec, prefix + ".project"));
        return m_keepsShape ? y + x : y;
    }

    /// A residual op starts as the identity (its last BN scale at zero). In the supernet each op trains on about
    /// 1/ops of the steps, and separately initialised paths would otherwise feed the next layer unrelated
    /// features until they co-adapt; starting from the identity, shared-weight estimates after the quick preset's
    /// 480 steps rise from about 30% to 36% and after 1,440 from 59% to 70% (k3e3 path, Fashion-MNIST). Used
    /// for the supernet only; standalone networks keep the usual initialisation.
    void zeroInitResidual()
    {
        if (!m_skip && m_keepsShape) {
            torch::NoGradGuard noGrad;
            m_bn3->weight.zero_();
        }
    }

    std::vector<nn::BatchNorm2d> batchNorms() const
    {
        std::vector<nn::BatchNorm2d> out;
        for (const auto& bn : { m_bn1, m_bn2, m_bn3 }) {
            if (bn) {
                out.push_back(bn);
            }
        }
        return out;
    }

    bool m_skip = false;
    bool m_keepsShape = false;
    int m_groupsIn = 1;
    nn::Conv2d m_expand { nullptr }, m_dw { nullptr }, m_project { nullptr }, m_proj { nullptr };
    nn::BatchNorm2d m_bn1 { nullptr }, m_bn2 { nullptr }, m_bn3 { nullptr };
};
TORCH_MODULE(OpBlock);

// Whether an op of the space can take its weights from its layer's superkernel: MBConv ops with one group (a
// grouped 1x1 convolution's weights are not a slice of the dense one).
inline bool sharesWeights(const workload::OpSpec& op) { return !op.isSkip() && op.groups == 1; }

// The weight-entangled ops of one searchable layer: one expand (in -> in x maxE), one depthwise (maxK x maxK)
// and one project (in x maxE -> out) convolution hold the weights of the largest op; an op of kernel k and
// expansion e runs on the first in x e channels and the centred k x k window. Each op keeps its own batch norms
// (the statistics of a slice depend on which op ran). Gradients of a step reach only the slice that ran; SGD's
// momentum and weight decay still move the rest of the superkernel a little, as in Once-for-All's training.
struct SharedLayerImpl : nn::Module {
    struct OpParts {
        int mid = 0;
        int kernel = 0;
        nn::BatchNorm2d bn1 { nullptr }, bn2 { nullptr }, bn3 { nullptr };
    };

    SharedLayerImpl(const SearchSpace& space, int slotIndex)
    {
        const auto slot = space.slot(slotIndex);
        m_in = slot.inChannels;
        m_out = slot.outChannels;
        m_stride = slot.stride;
        m_keepsShape = slot.stride == 1 && slot.inChannels == slot.outChannels;
        int maxE = 0, maxK = 0;
        for (const auto& op : space.ops) {
            if (sharesWeights(op)) {
                maxE = std::max(maxE, op.expansion);
                maxK = std::max(maxK, op.kernel);
            }
        }
        m_kernel = maxK;
        const int mid = m_in * maxE;
        m_expand = register_module("expand", makeConv(m_in, mid, 1, 1, 0, 1));
        m_dw = register_module("dw", makeConv(mid, mid, maxK, slot.stride, maxK / 2, mid));
        m_project = register_module("project", makeConv(mid, m_out, 1, 1, 0, 1));
        m_ops.resize(space.ops.size());
        for (size_t o = 0; o < space.ops.size(); ++o) {
            const auto& op = space.ops[o];
            if (!sharesWeights(op)) {
                continue;
            }
            auto& p = m_ops[o];
            p.mid = m_in * op.expansion;
            p.kernel = op.kernel;
            p.bn1 = register_module(op.name + "_bn_expand", nn::BatchNorm2d(p.mid));
            p.bn2 = register_module(op.name + "_bn_dw", nn::BatchNorm2d(p.mid));
            p.bn3 = register_module(op.name + "_bn_project", nn::BatchNorm2d(m_out));
        }
    }

    bool covers(int op) const { return op >= 0 && op < int(m_ops.size()) && m_ops[size_t(op)].mid > 0; }

    // The slices of the three weights an op uses (views: their gradients flow into the superkernel).
    std::array<Tensor, 3> slices(int op) const
    {
        const auto& p = m_ops[size_t(op)];
        const int off = (m_kernel - p.kernel) / 2;
        return { m_expand->weight.narrow(0, 0, p.mid),
            m_dw->weight.narrow(0, 0, p.mid).narrow(2, off, p.kernel).narrow(3, off, p.kernel),
            m_project->weight.narrow(1, 0, p.mid) };
    }

    Tensor forward(int op, const Tensor& x, Recorder* rec, const std::string& prefix)
    {
        auto& p = m_ops[size_t(op)];
        const auto w = slices(op);
        const auto format = x.suggest_memory_format();
        const int size = int(x.size(2));
        recordConv(rec, prefix + ".expand", m_in, p.mid, size, 1, 1, 0, 1);
        auto y = bnRelu(p.bn1, torch::conv2d(x, w[0].contiguous(format)));
        recordConv(rec, prefix + ".dw", p.mid, p.mid, size, p.kernel, m_stride, p.kernel / 2, p.mid);
        y = bnRelu(p.bn2, torch::conv2d(y, w[1].contiguous(format), {}, m_stride, p.kernel / 2, 1, p.mid));
        recordConv(rec, prefix + ".project", p.mid, m_out, int(y.size(2)), 1, 1, 0, 1);
        y = p.bn3->forward(torch::conv2d(y, w[2].contiguous(format)));
        return m_keepsShape ? y + x : y;
    }

    void zeroInitResidual()
    {
        if (m_keepsShape) {
            torch::NoGradGuard noGrad;
            for (auto& p : m_ops) {
                if (p.bn3) {
                    p.bn3->weight.zero_();
                }
            }
        }
    }

    std::vector<nn::BatchNorm2d> batchNorms(int op) const
    {
        const auto& p = m_ops[size_t(op)];
        return { p.bn1, p.bn2, p.bn3 };
    }

    // Sum of |gradient| over the op's slices and its batch norms.
    double gradientMass(int op) const
    {
        double total = 0;
        const std::array<Tensor, 3> full { m_expand->weight, m_dw->weight, m_project->weight };
        const auto& p = m_ops[size_t(op)];
        const int off = (m_kernel - p.kernel) / 2;
        for (int i = 0; i < 3; ++i) {
            const auto& g = full[size_t(i)].grad();
            if (!g.defined()) {
                continue;
            }
            const Tensor s = i == 0 ? g.narrow(0, 0, p.mid)
                : i == 1            ? g.narrow(0, 0, p.mid).narrow(2, off, p.kernel).narrow(3, off, p.kernel)
                                    : g.narrow(1, 0, p.mid);
            total += s.abs().sum().item<double>();
        }
        for (const auto& bn : batchNorms(op)) {
            for (const auto& t : bn->parameters()) {
                if (t.grad().defined()) {
                    total += t.grad().abs().sum().item<double>();
                }
            }
        }
        return total;
    }

    int m_in = 0, m_out = 0, m_stride = 1, m_kernel = 0;
    bool m_keepsShape = false;
    nn::Conv2d m_expand { nullptr }, m_dw { nullptr }, m_project { nullptr };
    std::vector<OpParts> m_ops;
};
TORCH_MODULE(SharedLayer);

} // namespace dna::nas::modules
