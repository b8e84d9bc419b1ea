#pragma once

#include "accel/cost_model.h"
#include "hwsearch/objective.h"
#include "hwsearch/strategy.h"
#include "util/cancel.h"
#include "util/expected.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dna::hwsearch {

/// A hardware search: the accelerator (micro-architecture and engines) and every layer's mapping for a network
/// on a platform. Decomposed as DNA allows: half the budget screens micro-architectures on heuristic mappings
/// (the platform's own accelerator with every dataflow, a grid over the structure, then what the outer
/// strategy proposes, warm-started from the grid); the rest searches every layer's mapping on the best one,
/// each distinct layer on its own (exact for fps, latency and energy) by a strategy of the same kind whose
/// state carries over between accelerators. README "Hardware search" has the details.
struct HwSearchRequest {
    workload::Network network;
    accel::Platform platform;
    Objective objective = Objective::Fps;
    Algo algo = Algo::Das;
    /// Budget in cost-model evaluations of one layer mapping (the unit of work; a whole-design evaluation of
    /// an L-layer network costs L).
    long evaluations = 20000;
    uint64_t seed = 1;
    int batch = 1;
    std::vector<std::pair<std::string, std::string>> fixes; // knob name (or suffix) = choice label
    StrategyOptions options;
    /// Mapping samples per layer for each finalist accelerator, in rounds until the budget is spent; 0 shares
    /// what the screening left among the finalists.
    int innerIterations = 0;
    /// Threads for the layer searches; 0 = every online core. The result is the same for any count.
    int threads = 0;
};

struct HwSearchResult {
    bool found = false;
    accel::Design best;
    accel::DesignCost cost;
    double bestCost = 0; // the objective's scalar (see designCost)
    long evaluations = 0;
    long validEvaluations = 0;
    long invalidEvaluations = 0;
    long architectures = 0; // micro-architectures tried
    double seconds = 0;
    bool cancelled = false;
    std::vector<std::pair<long, double>> trace; // (evaluations, best cost so far)
    std::optional<Error> error; // bad fix, refusal, or no valid design
};

HwSearchResult searchHardware(const HwSearchRequest& request, const CancelToken& cancel, const ProgressSink& progress);

/// Best mapping of every layer on a fixed accelerator (the co-search's per-layer cost source).
struct MappingSearchResult {
    std::vector<accel::Mapping> mappings;
    std::vector<accel::LayerCost> costs;
    std::vector<double> layerCosts; // the per-layer objective values minimised
    std::vector<accel::LayerCost> mappingCosts; // the cost of every one of `mappings` (`costs` may leave a start out)
    long evaluations = 0;
    long invalid = 0;
    bool allValid = false;
    std::string refusal; // exhaustive on a too-large layer space
};
MappingSearchResult searchMappings(const workload::Network& net, const accel::Platform& platform,
    const accel::Accelerator& acc, Objective objective, Algo algo, long iterationsPerLayer, uint64_t seed,
    const StrategyOptions& options = {}, int threads = 1);

} // namespace dna::hwsearch
