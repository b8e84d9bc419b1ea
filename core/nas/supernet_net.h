#pragma once

// The supernet's network (internal to core/nas's torch translation units, supernet.cpp and supernet_checkpoint.cpp):
// stem, one slot of candidate ops per searchable layer (separate op blocks or a weight-entangled layer), head and
// classifier, run along a per-layer plan of ops and gates; and the architecture logits it owns.
#include "nas/supernet_modules.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dna::nas::modules {

// What one searchable layer runs in one forward: op indices and their gates (undefined = weight 1).
struct LayerPlan {
    std::vector<int> ops;
    std::vector<Tensor> gates;
    // The second op of a top-2 pair has gate value 0: gradients through it are zero, only its output is needed
    // (for the gate's gradient), so it runs without autograd.
    bool secondWithoutGrad = false;
};

struct NetImpl : nn::Module {
    NetImpl(const SearchSpace& space, const std::vector<int>& fixedOps, bool zeroInitResidual, bool shared)
    {
        const int layers = space.searchableLayers();
        const int ops = int(space.ops.size());
        m_stem = register_module("stem", makeConv(space.inputChannels, space.stemChannels, 3, space.stemStride, 1, 1));
        m_stemBn = register_module("stem_bn", nn::BatchNorm2d(space.stemChannels));
        m_blocks.assign(layers, std::vector<OpBlock>(ops, OpBlock(nullptr)));
        m_shared.assign(layers, SharedLayer(nullptr));
        shared = shared && fixedOps.empty()
            && std::count_if(space.ops.begin(), space.ops.end(), [](const auto& op) { return sharesWeights(op); }) > 0;
        for (int l = 0; l < layers; ++l) {
            if (shared) {
                m_shared[l] = register_module("layer" + std::to_string(l) + "_shared", SharedLayer(space, l));
                if (zeroInitResidual) {
                    m_shared[l]->zeroInitResidual();
                }
            }
            for (int o = 0; o < ops; ++o) {
                if ((!fixedOps.empty() && fixedOps[l] != o) || (m_shared[l] && m_shared[l]->covers(o))) {
                    continue;
                }
                m_blocks[l][o]
                    = register_module("layer" + std::to_string(l) + "_" + space.ops[o].name, OpBlock(space, l, o));
                if (fixedOps.empty() && zeroInitResidual) {
                    m_blocks[l][o]->zeroInitResidual();
                }
            }
        }
        const int lastChannels = space.slot(layers - 1).outChannels;
        m_head = register_module("head", makeConv(lastChannels, space.headChannels, 1, 1, 0, 1));
        m_headBn = register_module("head_bn", nn::BatchNorm2d(space.headChannels));
        m_classifier = register_module("classifier", nn::Linear(space.headChannels, space.numClasses));
        // DNACoS initialises every logit to 1e-3 (uniform op probabilities).
        m_logits = register_parameter("logits", torch::full({ layers, ops }, 1e-3));
    }

    Tensor forward(const Tensor& x, const std::vector<LayerPlan>& plan, Recorder* rec)
    {
        auto y = runConv(m_stem, x, rec, "stem");
        if (m_channelsLast) {
            // A one-channel input (and the stem's weight) is both NCHW and NHWC by its strides, and oneDNN then
            // takes NCHW for the rest of the network, whose depthwise convolutions run 3-13x slower that way.
            y = y.contiguous(at::MemoryFormat::ChannelsLast);
        }
        y = bnRelu(m_stemBn, y);
        for (size_t l = 0; l < plan.size(); ++l) {
            const auto& p = plan[l];
            const std::string prefix = "layer" + std::to_string(l);
            Tensor sum;
            for (size_t k = 0; k < p.ops.size(); ++k) {
                Tensor out;
                if (k == 1 && p.secondWithoutGrad) {
                    torch::NoGradGuard guard;
                    out = runOp(int(l), p.ops[k], y, rec, prefix);
                } else {
                    out = runOp(int(l), p.ops[k], y, rec, prefix);
                }
                if (k < p.gates.size() && p.gates[k].defined()) {
                    out = out * p.gates[k];
                }
                sum = sum.defined() ? sum + out : out;
            }
            y = sum;
        }
        y = bnRelu(m_headBn, runConv(m_head, y, rec, "head"));
        y = y.mean({ 2, 3 });
        if (rec) {
            rec->layers.push_back(workload::fcLayer(
                "classifier", int(m_classifier->options.in_features()), int(m_classifier->options.out_features())));
        }
        return m_classifier->forward(y);
    }

    Tensor runOp(int layer, int op, const Tensor& x, Recorder* rec, const std::string& prefix)
    {
        if (m_shared[size_t(layer)] && m_shared[size_t(layer)]->covers(op)) {
            return m_shared[size_t(layer)]->forward(op, x, rec, prefix);
        }
        return m_blocks[size_t(layer)][size_t(op)]->forward(x, rec, prefix);
    }

    std::vector<nn::BatchNorm2d> opBatchNorms(int layer, int op) const
    {
        if (m_shared[size_t(layer)] && m_shared[size_t(layer)]->covers(op)) {
            return m_shared[size_t(layer)]->batchNorms(op);
        }
        return m_blocks[size_t(layer)][size_t(op)]->batchNorms();
    }

    double opGradientMass(int layer, int op) const
    {
        if (m_shared[size_t(layer)] && m_shared[size_t(layer)]->covers(op)) {
            return m_shared[size_t(layer)]->gradientMass(op);
        }
        double total = 0;
        if (m_blocks[size_t(layer)][size_t(op)]) {
            for (const auto& p : m_blocks[size_t(layer)][size_t(op)]->parameters()) {
                if (p.grad().defined()) {
                    total += p.grad().abs().sum().item<double>();
                }
            }
        }
        return total;
    }

    bool m_channelsLast = false;
    std::vector<SharedLayer> m_shared; // per layer; null in the separate mode
    nn::Conv2d m_stem { nullptr }, m_head { nullptr };
    nn::BatchNorm2d m_stemBn { nullptr }, m_headBn { nullptr };
    nn::Linear m_classifier { nullptr };
    std::vector<std::vector<OpBlock>> m_blocks;
    Tensor m_logits;
};
TORCH_MODULE(Net);

} // namespace dna::nas::modules
