// The supernet in LibTorch (op modules in supernet_modules.h, the network of them in supernet_net.h): the layer-wise
// network with one logit vector per searchable layer, the two optimisers and the single-path / top-2 sampling (its
// state in supernet_impl.h; tensors by name and checkpoints in supernet_checkpoint.cpp).
#include "nas/torch_pch.h"

#include "nas/supernet_impl.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace dna::nas {

namespace {

using torch::Tensor;
namespace nn = torch::nn;
using workload::SearchSpace;
using namespace modules;

/// Turns gradients off for `weights` while it lives (a step that needs none of theirs), on again however the
/// scope is left.
class FrozenWeights {
public:
    explicit FrozenWeights(std::vector<Tensor>& weights)
        : m_weights(weights)
    {
        for (auto& w : m_weights) {
            w.requires_grad_(false);
        }
    }
    ~FrozenWeights()
    {
        for (auto& w : m_weights) {
            w.requires_grad_(true);
        }
    }
    FrozenWeights(const FrozenWeights&) = delete;
    FrozenWeights& operator=(const FrozenWeights&) = delete;

private:
    std::vector<Tensor>& m_weights;
};

double logSumExp(double a, double b)
{
    const double m = std::max(a, b);
    return m + std::log(std::exp(a - m) + std::exp(b - m));
}

} // namespace

const char* weightSharingName(WeightSharing s) { return s == WeightSharing::Shared ? "shared" : "separate"; }

bool parseWeightSharing(const std::string& name, WeightSharing& out)
{
    for (auto s : { WeightSharing::Separate, WeightSharing::Shared }) {
        if (name == weightSharingName(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

Supernet::Supernet(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Supernet::~Supernet() = default;

Expected<std::unique_ptr<Supernet>> Supernet::create(const workload::SearchSpace& space, SupernetOptions options)
{
    const int layers = space.searchableLayers();
    if (layers == 0 || space.ops.empty()) {
        return Error { ErrorCode::BadRequest, "search space '" + space.name + "' has no searchable layers or ops" };
    }
    if (!options.fixedOps.empty()) {
        if (int(options.fixedOps.size()) != layers) {
            return Error { ErrorCode::BadRequest,
                "a genotype of " + space.name + " needs " + std::to_string(layers) + " ops, got "
                    + std::to_string(options.fixedOps.size()) };
        }
        for (int o : options.fixedOps) {
            if (o < 0 || o >= int(space.ops.size())) {
                return Error { ErrorCode::BadRequest, "op index " + std::to_string(o) + " is outside the space's ops" };
            }
        }
    }
    std::optional<torch::Device> device;
    try {
        device = torch::Device(options.device);
    } catch (const std::exception&) {
        return Error { ErrorCode::BadRequest, "device must be cpu, cuda or cuda:N, not '" + options.device + "'" };
    }
    if (device->is_cuda() && !torch::cuda::is_available()) {
        return Error { ErrorCode::DeviceUnavailable,
            "device " + options.device
                + " requested but this LibTorch has no CUDA "
                  "device available; use --device cpu" };
    }
    torch::manual_seed(options.seed); // weight initialisation
    auto impl = std::make_unique<Impl>(space, options, *device);
    impl->net = Net(space, options.fixedOps, options.zeroInitResidual, options.sharing == WeightSharing::Shared);
    impl->net->m_channelsLast = options.channelsLast;
    impl->net->to(*device);
    if (options.channelsLast) {
        torch::NoGradGuard guard;
        for (auto& p : impl->net->parameters()) {
            if (p.dim() == 4) {
                p.set_data(p.data().contiguous(at::MemoryFormat::ChannelsLast));
            }
        }
    }
    for (auto& kv : impl->net->named_parameters()) {
        if (kv.key() != "logits") {
            impl->weights.push_back(kv.value());
        }
    }
    impl->weightOpt = std::make_unique<torch::optim::SGD>(impl->weights,
        torch::optim::SGDOptions(options.weightLr)
            .momentum(options.weightMomentum)
            .weight_decay(options.weightDecay)
            .nesterov(options.nesterov && options.weightMomentum > 0));
    impl->archOpt = std::make_unique<torch::optim::Adam>(std::vector<Tensor> { impl->net->m_logits },
        torch::optim::AdamOptions(options.archLr)
            .betas({ options.archBeta1, options.archBeta2 })
            .weight_decay(options.archWeightDecay));
    return std::unique_ptr<Supernet>(new Supernet(std::move(impl)));
}

const workload::SearchSpace& Supernet::space() const { return m_impl->space; }
const SupernetOptions& Supernet::options() const { return m_impl->opt; }
void Supernet::setTau(double tau) { m_impl->tau = std::max(tau, 1e-3); }
double Supernet::tau() const { return m_impl->tau; }

void Supernet::setWeightLr(double lr)
{
    for (auto& g : m_impl->weightOpt->param_groups()) {
        static_cast<torch::optim::SGDOptions&>(g.options()).lr(lr);
    }
}

void Supernet::setArchLr(double lr)
{
    for (auto& g : m_impl->archOpt->param_groups()) {
        static_cast<torch::optim::AdamOptions&>(g.options()).lr(lr);
    }
}

void Supernet::setCostTable(const CostTable& table, double lambda)
{
    m_impl->cost = table;
    m_impl->lambda = lambda;
}

Expected<StepStats> Supernet::weightStep(const Batch& batch)
{
    auto& d = *m_impl;
    try {
        d.net->train();
        d.zeroAllGrads();
        const auto plan = d.weightPlan();
        d.lastActive.clear();
        for (const auto& p : plan) {
            d.lastActive.push_back(p.ops);
        }
        const auto x = d.input(batch);
        const auto y = d.targets(batch);
        const auto out = d.net->forward(x, plan, nullptr);
        Tensor sandwich;
        if (d.sharing() == WeightSharing::Shared && d.opt.sandwichEvery > 0
            && d.weightSteps++ % d.opt.sandwichEvery == 0) {
            const auto paths = d.opt.sandwichPaths;
            if (paths != SandwichPaths::Smallest) {
                sandwich = d.crossEntropy(d.net->forward(x, d.largestPath, nullptr), y);
            }
            if (paths != SandwichPaths::Largest) {
                auto smallest = d.crossEntropy(d.net->forward(x, d.smallestPath, nullptr), y);
                sandwich = sandwich.defined() ? sandwich + smallest : smallest;
            }
        }
        return d.finishStep(out, d.crossEntropy(out, y), Tensor(), y, d.weights, *d.weightOpt, true, sandwich);
    } catch (const c10::Error& e) {
        return Error { ErrorCode::TorchError, e.what_without_backtrace() };
    }
}

Expected<StepStats> Supernet::archStep(const Batch& batch)
{
    auto& d = *m_impl;
    if (d.fixed()) {
        return Error { ErrorCode::BadRequest, "a standalone network (fixed ops) has no architecture to train" };
    }
    try {
        d.net->train();
        d.zeroAllGrads();
        const auto scores = d.gumbelScores();
        const auto before = d.net->m_logits.detach().to(torch::kCPU).clone();
        const bool useCost = d.lambda != 0 && d.cost.layers == d.layers() && d.cost.ops == d.ops();
        std::vector<LayerPlan> plan(d.layers());
        Tensor costTerm;
        for (int l = 0; l < d.layers(); ++l) {
            auto row = d.net->m_logits[l];
            auto noise
                = torch::tensor(std::vector<float>(scores[l].begin(), scores[l].end())).to(d.device) - row.detach();
            if (d.opt.mode == ForwardMode::SoftAllPaths) {
                auto w = torch::softmax((row + noise) / d.tau, 0);
                for (int o = 0; o < d.ops(); ++o) {
                    plan[l].ops.push_back(o);
                    plan[l].gates.push_back(w[o]);
                    if (useCost) {
                        auto c = w[o] * d.cost.at(l, o);
                        costTerm = costTerm.defined() ? costTerm + c : c;
                    }
                }
                continue;
            }
            std::vector<int> order(d.ops());
            std::iota(order.begin(), order.end(), 0);
            std::partial_sort(order.begin(), order.begin() + std::min(2, d.ops()), order.end(),
                [&](int a, int b) { return scores[l][a] > scores[l][b]; });
            if (d.ops() == 1) {
                plan[l].ops = { 0 };
                continue;
            }
            const std::vector<int64_t> pair { order[0], order[1] };
            auto idx = torch::tensor(pair, torch::kLong).to(d.device);
            // Gumbel-softmax restricted to the active pair, hard forward (1, 0) with straight-through gradients.
            auto p = torch::softmax((row.index_select(0, idx) + noise.index_select(0, idx)) / d.tau, 0);
            auto g0 = p[0] + (1 - p[0]).detach();
            auto g1 = p[1] - p[1].detach();
            plan[l].ops = { order[0], order[1] };
            plan[l].gates = { g0, g1 };
            plan[l].secondWithoutGrad = true;
            if (useCost) {
                auto c = g0 * d.cost.at(l, order[0]) + g1 * d.cost.at(l, order[1]);
                costTerm = costTerm.defined() ? costTerm + c : c;
            }
        }
        d.lastActive.clear();
        for (const auto& p : plan) {
            d.lastActive.push_back(p.ops);
        }
        if (costTerm.defined()) {
            costTerm = costTerm * d.lambda;
        }
        const auto x = d.input(batch);
        const auto y = d.targets(batch);
        // The architecture step needs no weight gradients: skipping them saves a third of the backward pass.
        Expected<StepStats> st = Error {};
        {
            FrozenWeights frozen(d.weights);
            const auto out = d.net->forward(x, plan, nullptr);
            st = d.finishStep(out, d.crossEntropy(out, y), costTerm, y, {}, *d.archOpt, false);
        }
        if (!st || d.opt.mode != ForwardMode::SinglePathTop2) {
            return st;
        }
        // Offset correction (ProxylessNAS): shift the two active logits so their total probability mass is what
        // it was before the step; only their ratio is learnt from this sample.
        torch::NoGradGuard guard;
        auto after = d.net->m_logits.detach().to(torch::kCPU).clone();
        auto b = before.accessor<float, 2>();
        auto a = after.accessor<float, 2>();
        for (int l = 0; l < d.layers(); ++l) {
            const int i = plan[l].ops[0], j = plan[l].ops[1];
            const double offset = logSumExp(b[l][i], b[l][j]) - logSumExp(a[l][i], a[l][j]);
            a[l][i] += float(offset);
            a[l][j] += float(offset);
        }
        d.net->m_logits.copy_(after.to(d.device));
        return st;
    } catch (const c10::Error& e) {
        return Error { ErrorCode::TorchError, e.what_without_backtrace() };
    }
}

StepStats Supernet::evaluate(const Batch& batch, const std::vector<int>& genotype)
{
    auto& d = *m_impl;
    torch::NoGradGuard guard;
    d.net->eval();
    const auto y = d.targets(batch);
    const auto out = d.net->forward(d.input(batch), d.fixedPlan(genotype), nullptr);
    StepStats st;
    st.loss = d.crossEntropy(out, y).item<double>() * batch.n;
    st.correct = int(out.argmax(1).eq(y).sum().item<int64_t>());
    st.count = batch.n;
    return st;
}

std::vector<float> Supernet::predict(const Batch& batch, const std::vector<int>& genotype)
{
    auto& d = *m_impl;
    torch::NoGradGuard guard;
    d.net->eval();
    auto out = d.net->forward(d.input(batch), d.fixedPlan(genotype), nullptr).to(torch::kCPU).contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
}

void Supernet::recalibrateBatchNorm(const std::vector<Batch>& batches, const std::vector<int>& genotype)
{
    auto& d = *m_impl;
    if (batches.empty()) {
        return;
    }
    std::vector<nn::BatchNorm2d> bns { d.net->m_stemBn, d.net->m_headBn };
    for (int l = 0; l < d.layers(); ++l) {
        for (auto& bn : d.net->opBatchNorms(l, genotype[l])) {
            bns.push_back(bn);
        }
    }
    for (auto& bn : bns) {
        bn->reset_running_stats();
        bn->options.momentum(c10::nullopt); // a plain average over the calibration batches
    }
    torch::NoGradGuard guard;
    d.net->train();
    const auto plan = d.fixedPlan(genotype);
    for (const auto& b : batches) {
        d.net->forward(d.input(b), plan, nullptr);
    }
    for (auto& bn : bns) {
        bn->options.momentum(0.1);
    }
    d.net->eval();
}

int64_t Supernet::fitOwnWeights(const std::vector<Batch>& batches, const std::vector<int>& genotype, double lr)
{
    auto& d = *m_impl;
    restoreOwnWeights();
    std::vector<Tensor> own = d.ownWeights(genotype);
    if (own.empty() || batches.empty()) {
        return 0;
    }
    int64_t count = 0;
    for (const auto& p : own) {
        d.ownSnapshot.push_back({ p, p.detach().clone() });
        count += p.numel();
    }
    try {
        // Only the fitted weights need gradients; the others are frozen for the fit.
        FrozenWeights frozen(d.weights);
        for (auto& p : own) {
            p.requires_grad_(true);
        }
        d.net->train();
        const auto plan = d.fixedPlan(genotype);
        for (const auto& b : batches) {
            for (auto& p : own) {
                p.mutable_grad() = Tensor();
            }
            const auto out = d.net->forward(d.input(b), plan, nullptr);
            d.crossEntropy(out, d.targets(b)).backward();
            torch::NoGradGuard guard;
            for (auto& p : own) {
                if (p.grad().defined()) {
                    p.sub_(p.grad(), lr);
                }
            }
        }
    } catch (...) {
        restoreOwnWeights(); // a failed fit leaves the supernet as it was
        throw;
    }
    for (auto& p : own) {
        p.mutable_grad() = Tensor();
    }
    d.net->eval();
    return count;
}

bool Supernet::hasOwnWeights(const std::vector<int>& genotype) const { return !m_impl->ownWeights(genotype).empty(); }

void Supernet::restoreOwnWeights()
{
    auto& d = *m_impl;
    torch::NoGradGuard guard;
    for (auto& [p, saved] : d.ownSnapshot) {
        p.copy_(saved);
    }
    d.ownSnapshot.clear();
}

ArchLogits Supernet::logits() const
{
    auto a = m_impl->net->m_logits.detach().to(torch::kCPU).contiguous();
    ArchLogits out(m_impl->layers(), std::vector<float>(m_impl->ops()));
    for (int l = 0; l < m_impl->layers(); ++l) {
        for (int o = 0; o < m_impl->ops(); ++o) {
            out[l][o] = a[l][o].item<float>();
        }
    }
    return out;
}

void Supernet::setLogits(const ArchLogits& logits)
{
    torch::NoGradGuard guard;
    for (int l = 0; l < m_impl->layers() && l < int(logits.size()); ++l) {
        for (int o = 0; o < m_impl->ops() && o < int(logits[l].size()); ++o) {
            m_impl->net->m_logits[l][o].fill_(logits[l][o]);
        }
    }
}

ArchLogits Supernet::logitGradients() const
{
    ArchLogits out(m_impl->layers(), std::vector<float>(m_impl->ops(), 0.f));
    const auto& g = m_impl->net->m_logits.grad();
    if (!g.defined()) {
        return out;
    }
    auto c = g.to(torch::kCPU).contiguous();
    for (int l = 0; l < m_impl->layers(); ++l) {
        for (int o = 0; o < m_impl->ops(); ++o) {
            out[l][o] = c[l][o].item<float>();
        }
    }
    return out;
}

std::vector<std::vector<double>> Supernet::opWeightGradients() const
{
    auto& d = *m_impl;
    std::vector<std::vector<double>> out(d.layers(), std::vector<double>(d.ops(), 0.0));
    for (int l = 0; l < d.layers(); ++l) {
        for (int o = 0; o < d.ops(); ++o) {
            out[l][o] = d.net->opGradientMass(l, o);
        }
    }
    return out;
}

std::vector<std::vector<int>> Supernet::lastActiveOps() const { return m_impl->lastActive; }

std::vector<workload::Layer> Supernet::describeLayers(const std::vector<int>& genotype)
{
    auto& d = *m_impl;
    torch::NoGradGuard guard;
    d.net->eval();
    Recorder rec;
    auto x = torch::zeros({ 1, d.space.inputChannels, d.space.inputSize, d.space.inputSize }).to(d.device);
    d.net->forward(x, d.fixedPlan(genotype), &rec);
    return rec.layers;
}

int64_t Supernet::parameterCount() const
{
    int64_t n = 0;
    for (const auto& p : m_impl->weights) {
        n += p.numel();
    }
    return n;
}

} // namespace dna::nas
