#pragma once

// The supernet's state behind Supernet's pointer, shared by its two torch translation units (supernet.cpp: training
// and sampling; supernet_checkpoint.cpp: tensors and checkpoints). Private to core/nas, torch inside.
#include "nas/supernet.h"
#include "nas/supernet_modules.h"
#include "nas/supernet_net.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace dna::nas {

struct Supernet::Impl {
    using Tensor = torch::Tensor;
    using SearchSpace = workload::SearchSpace;
    using LayerPlan = modules::LayerPlan;

    Impl(SearchSpace s, SupernetOptions o, torch::Device d)
        : space(std::move(s))
        , opt(std::move(o))
        , device(d)
        , rng(opt.seed)
    {
    }

    SearchSpace space;
    SupernetOptions opt;
    torch::Device device;
    modules::Net net { nullptr };
    std::vector<Tensor> weights;
    std::unique_ptr<torch::optim::SGD> weightOpt;
    std::unique_ptr<torch::optim::Adam> archOpt;
    std::mt19937_64 rng;
    double tau = 5.0;
    CostTable cost;
    double lambda = 0;
    int64_t steps = 0;
    int64_t weightSteps = 0; // weight steps only (the sandwich rule's period)
    std::vector<std::vector<int>> lastActive;
    std::vector<std::pair<Tensor, Tensor>> ownSnapshot; // fitOwnWeights: each fitted weight and its value before

    // The weights of `genotype` that no other op of their layer trains (shared mode: skip's projection where a
    // layer changes shape).
    std::vector<Tensor> ownWeights(const std::vector<int>& genotype) const
    {
        std::vector<Tensor> own;
        for (int l = 0; l < layers() && l < int(genotype.size()); ++l) {
            const auto& shared = net->m_shared[size_t(l)];
            const int op = genotype[size_t(l)];
            if (!shared || shared->covers(op) || shared->m_keepsShape || op < 0 || op >= ops()
                || !net->m_blocks[size_t(l)][size_t(op)]) {
                continue;
            }
            for (const auto& p : net->m_blocks[size_t(l)][size_t(op)]->parameters()) {
                own.push_back(p);
            }
        }
        return own;
    }

    // The sandwich rule's extra paths, one op in every layer. Largest: the shared op of the most channels and then
    // the widest kernel (in the fmnist and paper spaces k5e6, the whole superkernel).
    static int largestOp(const SearchSpace& s)
    {
        int best = 0;
        for (int o = 1; o < int(s.ops.size()); ++o) {
            const auto& a = s.ops[size_t(o)];
            const auto& b = s.ops[size_t(best)];
            if (modules::sharesWeights(a)
                && (!modules::sharesWeights(b)
                    || std::make_pair(a.expansion, a.kernel) > std::make_pair(b.expansion, b.kernel))) {
                best = o;
            }
        }
        return best;
    }
    // Smallest: the op of the fewest FLOPs, skip where the space has it, else the fewest channels and then the
    // narrowest kernel.
    static int smallestOp(const SearchSpace& s)
    {
        auto size = [](const workload::OpSpec& op) {
            return op.isSkip() ? std::make_pair(-1, -1) : std::make_pair(op.expansion, op.kernel);
        };
        int best = 0;
        for (int o = 1; o < int(s.ops.size()); ++o) {
            if (size(s.ops[size_t(o)]) < size(s.ops[size_t(best)])) {
                best = o;
            }
        }
        return best;
    }
    const std::vector<LayerPlan> largestPath = fixedPlan(std::vector<int>(size_t(layers()), largestOp(space)));
    const std::vector<LayerPlan> smallestPath = fixedPlan(std::vector<int>(size_t(layers()), smallestOp(space)));

    int layers() const { return space.searchableLayers(); }
    // What the network was built with: a standalone network shares nothing whatever the options say.
    WeightSharing sharing() const { return fixed() ? WeightSharing::Separate : opt.sharing; }
    int ops() const { return int(space.ops.size()); }
    bool fixed() const { return !opt.fixedOps.empty(); }

    Tensor input(const Batch& b) const
    {
        auto x = torch::from_blob(
            const_cast<float*>(b.images.data()), { b.n, b.channels, b.height, b.width }, torch::kFloat)
                     .to(device);
        if (opt.channelsLast) {
            x = x.contiguous(at::MemoryFormat::ChannelsLast);
        }
        return x;
    }
    Tensor targets(const Batch& b) const
    {
        return torch::from_blob(const_cast<int64_t*>(b.labels.data()), { b.n }, torch::kLong).to(device);
    }

    std::vector<std::vector<double>> gumbelScores()
    {
        auto a = net->m_logits.detach().to(torch::kCPU).contiguous();
        const float* p = a.data_ptr<float>();
        std::uniform_real_distribution<double> u(1e-12, 1.0);
        std::vector<std::vector<double>> s(layers(), std::vector<double>(ops()));
        for (int l = 0; l < layers(); ++l) {
            for (int o = 0; o < ops(); ++o) {
                s[l][o] = p[l * ops() + o] - std::log(-std::log(u(rng)));
            }
        }
        return s;
    }

    std::vector<LayerPlan> fixedPlan(const std::vector<int>& genotype) const
    {
        std::vector<LayerPlan> plan(layers());
        for (int l = 0; l < layers(); ++l) {
            plan[l].ops = { genotype[l] };
        }
        return plan;
    }

    // Weight step: one hard Gumbel sample per layer (argmax of logits + noise; tau does not change the argmax),
    // or in the soft mode all ops with detached soft weights.
    std::vector<LayerPlan> weightPlan()
    {
        if (fixed()) {
            return fixedPlan(opt.fixedOps);
        }
        const auto scores = gumbelScores();
        std::vector<LayerPlan> plan(layers());
        for (int l = 0; l < layers(); ++l) {
            if (opt.mode == ForwardMode::SoftAllPaths) {
                auto w = torch::softmax(torch::tensor(std::vector<float>(scores[l].begin(), scores[l].end())) / tau, 0)
                             .to(device);
                for (int o = 0; o < ops(); ++o) {
                    plan[l].ops.push_back(o);
                    plan[l].gates.push_back(w[o]);
                }
            } else {
                plan[l].ops = { int(std::max_element(scores[l].begin(), scores[l].end()) - scores[l].begin()) };
            }
        }
        return plan;
    }

    Expected<StepStats> finishStep(const Tensor& out, const Tensor& ce, const Tensor& costTerm, const Tensor& y,
        const std::vector<Tensor>& params, torch::optim::Optimizer& optimiser, bool clip,
        const Tensor& extra = {}) // extra: a further loss trained on and not reported (the sandwich rule)
    {
        StepStats st;
        st.loss = ce.item<double>();
        st.costTerm = costTerm.defined() ? costTerm.item<double>() : 0.0;
        if (!std::isfinite(st.loss) || !std::isfinite(st.costTerm)) {
            return Error { ErrorCode::NanLoss,
                "the loss became " + std::to_string(st.loss) + " at step " + std::to_string(steps)
                    + "; lower the learning rate or the hardware weight" };
        }
        auto total = costTerm.defined() ? ce + costTerm : ce;
        if (extra.defined()) {
            total = total + extra;
        }
        total.backward();
        if (clip && opt.gradClip > 0) {
            torch::nn::utils::clip_grad_norm_(params, opt.gradClip);
        }
        optimiser.step();
        st.correct = int(out.argmax(1).eq(y).sum().item<int64_t>());
        st.count = int(y.size(0));
        ++steps;
        return st;
    }

    // Undefined rather than zero: SGD then skips the ops that did not run, so momentum and weight decay do not
    // keep moving the weights of paths that were not sampled.
    void zeroAllGrads()
    {
        for (auto& p : net->parameters()) {
            p.mutable_grad() = Tensor();
        }
    }

    Tensor crossEntropy(const Tensor& out, const Tensor& y) const
    {
        return torch::nn::functional::cross_entropy(
            out, y, torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(opt.labelSmoothing));
    }
};

} // namespace dna::nas
