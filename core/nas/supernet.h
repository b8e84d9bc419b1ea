#pragma once

#include "nas/batch_loader.h"
#include "nas/cost_table.h"
#include "nas/derivation.h"
#include "util/expected.h"
#include "workload/layer.h"
#include "workload/search_space.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dna::nas {

/// How the architecture step runs the candidate ops of a layer.
enum class ForwardMode {
    SinglePathTop2, // forward the top-1 Gumbel sample, back-propagate into the top-2 (Auto-NBA proxy_hard)
    SoftAllPaths, // every op, weighted by a soft Gumbel-softmax sample (DNACoS)
};

/// How the candidate ops of a searchable layer hold their weights.
enum class WeightSharing {
    Separate, // every op its own weights (FBNet, the DNA paper)
    Shared, // one superkernel per layer (Single-Path NAS, Once-for-All): k3 is the centre of the 5x5 depthwise
            // kernel, e1 and e3 the first channels of e6; batch norms per op; skip and grouped ops stay separate
};
const char* weightSharingName(WeightSharing s); // "separate", "shared"

/// The extra paths of the sandwich rule (SupernetOptions::sandwichEvery).
enum class SandwichPaths { Largest, Smallest, Both };
/// False (out unchanged) for anything but "separate" and "shared".
bool parseWeightSharing(const std::string& name, WeightSharing& out);

/// A tensor copied out of (or into) the network: its shape and values in row-major (NCHW) order.
struct TensorData {
    std::vector<int64_t> shape;
    std::vector<float> values;
};

struct SupernetOptions {
    ForwardMode mode = ForwardMode::SinglePathTop2;
    /// Supernet only (a standalone network of fixedOps has one op per layer and nothing to share).
    WeightSharing sharing = WeightSharing::Separate;
    /// Non-empty: a standalone network with exactly these ops (one candidate per layer, no logits used).
    std::vector<int> fixedOps;
    std::string device = "cpu"; // "cpu", "cuda", "cuda:1"
    bool channelsLast = true; // routes CPU convolutions through oneDNN (several times faster here)
    /// Supernet only: every residual op starts as the identity (last BN scale zero), so the paths that train on
    /// a fraction of the steps do not feed the next layer unrelated features (shared-weight estimates of the
    /// quick preset rise markedly). At initialisation the residual ops of a layer then give identical outputs,
    /// so their architecture gradients are zero until the weights have trained a little (the warm-up does that).
    bool zeroInitResidual = true;
    uint64_t seed = 1;
    double weightLr = 0.05;
    double weightMomentum = 0.9;
    double weightDecay = 5e-4;
    bool nesterov = true;
    double gradClip = 5.0;
    double labelSmoothing = 0.0;
    /// Shared mode: every n-th weight step also trains the largest path (every layer's op of the most channels
    /// and the widest kernel) on the same batch, its loss added to the sampled path's (the sandwich rule of
    /// BigNAS); 0 off.
    int sandwichEvery = 0;
    /// Which extra paths the sandwich rule trains: the largest, the smallest (every layer's op of the fewest
    /// FLOPs: skip where the space has it, whose projections at the layers that change shape then train on
    /// every such step), or both.
    SandwichPaths sandwichPaths = SandwichPaths::Largest;
    double archLr = 1e-2;
    double archBeta1 = 0.5;
    double archBeta2 = 0.999;
    double archWeightDecay = 0.0;
};

struct StepStats {
    double loss = 0; // cross-entropy
    double costTerm = 0; // lambda x cost of the sampled network (architecture steps)
    int correct = 0;
    int count = 0;
};

/// Sets LibTorch's intra-op thread count for the calling thread (the setting is per thread; the default here
/// is one). Call it in the thread that trains. It is the most the training uses: see adaptTrainingThreads.
void setTrainingThreads(int threads);

/// Fits the calling thread's intra-op threads to the cores other processes leave free (at most the count set
/// with setTrainingThreads): on two cores beside one busy process, one thread instead of two, which would share
/// a core with it and make every parallel step wait. Measures the others' CPU use since the previous call; call
/// it every few seconds of training (nas::train does). Returns the thread count now in use.
int adaptTrainingThreads();

/// The FBNet-style weight-sharing supernet of a search space in LibTorch, with its two optimisers (SGD on the
/// weights, Adam on the logits). Everything torch stays behind this class. Not thread-safe: use it from one
/// thread at a time.
class Supernet {
public:
    /// Errors: "bad_request" (fixedOps of the wrong length or op index), "device_unavailable".
    static Expected<std::unique_ptr<Supernet>> create(const workload::SearchSpace& space, SupernetOptions options);
    ~Supernet();
    Supernet(const Supernet&) = delete;
    Supernet& operator=(const Supernet&) = delete;

    const workload::SearchSpace& space() const;
    const SupernetOptions& options() const;

    /// One SGD step on the weights of one sampled path (hard Gumbel sample of the logits; in the soft mode
    /// all paths). Error "nan_loss" when the loss is not finite (nothing is updated then).
    Expected<StepStats> weightStep(const Batch& batch);
    /// One Adam step on the logits: cross-entropy + lambda x cost of the sampled ops, then (single-path mode)
    /// the offset correction that keeps the total probability of the two active ops unchanged.
    Expected<StepStats> archStep(const Batch& batch);

    void setTau(double tau);
    double tau() const;
    void setWeightLr(double lr);
    void setArchLr(double lr);
    /// The hardware term; an empty table or lambda 0 switches it off.
    void setCostTable(const CostTable& table, double lambda);

    /// Accuracy counters of `genotype` (op indices of the space) in inference mode.
    StepStats evaluate(const Batch& batch, const std::vector<int>& genotype);
    /// Re-estimates the batch-norm statistics of `genotype`'s path from training batches: with shared weights
    /// the running statistics mix every path that ran, which is wrong for any single one.
    void recalibrateBatchNorm(const std::vector<Batch>& batches, const std::vector<int>& genotype);
    /// Shared mode: fits the weights of `genotype` that no other op of their layer trains (skip's projection where
    /// a layer changes shape: the supernet trains it only on the steps that sample skip there) with one plain
    /// SGD step at `lr` per batch, every other weight frozen. Returns how many weights it fitted (0: the genotype
    /// has none, or the separate mode). restoreOwnWeights() puts back what they were before.
    int64_t fitOwnWeights(const std::vector<Batch>& batches, const std::vector<int>& genotype, double lr);
    bool hasOwnWeights(const std::vector<int>& genotype) const;
    void restoreOwnWeights();
    /// Class scores (n x classes, row-major) of `genotype` in inference mode.
    std::vector<float> predict(const Batch& batch, const std::vector<int>& genotype);

    ArchLogits logits() const;
    void setLogits(const ArchLogits& logits);
    /// The gradient of the logits from the last step (zeros where none arrived).
    ArchLogits logitGradients() const;
    /// Per layer, per op of the space: sum of |gradient| over that op's weights from the last step's backward
    /// (0 for ops that did not run). Diagnostics and tests.
    std::vector<std::vector<double>> opWeightGradients() const;
    /// Every weight and batch-norm statistic by its module path (e.g. "layer0_shared.dw.weight",
    /// "layer0_k3e3.bn_dw.running_var"), or with `gradients` the gradients from the last step (weights without
    /// one are left out). Diagnostics and tests.
    std::vector<std::pair<std::string, TensorData>> namedTensors(bool gradients = false) const;
    /// Overwrites one tensor named as namedTensors() names it. Error "bad_request" for an unknown name or a
    /// shape that differs.
    [[nodiscard]] std::optional<Error> setTensor(const std::string& name, const TensorData& value);
    /// Per layer, the ops that ran in the last step (top-1 first).
    std::vector<std::vector<int>> lastActiveOps() const;

    /// The conv and fc layers the network of `genotype` actually runs, read from the torch modules during a
    /// one-image forward (names as core/workload: stem, layer<i>.expand|dw|project|proj, head, classifier).
    std::vector<workload::Layer> describeLayers(const std::vector<int>& genotype);
    int64_t parameterCount() const;

    /// Weights, batch-norm statistics, logits, both optimiser states, tau and the step counter, with the
    /// space name and op list so a mismatched file is refused ("checkpoint_mismatch"); "io_error" otherwise.
    [[nodiscard]] std::optional<Error> save(const std::string& path) const;
    [[nodiscard]] std::optional<Error> load(const std::string& path);

private:
    struct Impl;
    explicit Supernet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace dna::nas
