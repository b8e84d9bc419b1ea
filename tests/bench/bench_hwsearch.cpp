// Hardware search quality and speed (one thread): best cost reached by DAS, random and regularized evolution
// at 1k, 10k and 100k cost-model evaluations, averaged over seeds, for MobileNetV2 on ZC706 (objective fps:
// cost = 1/FPS in seconds) and on the Eyeriss-like ASIC (objective edp: uJ x ms); the heuristic mapper on the
// default accelerator as the "no search" row.
#include "bench_util.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "hwsearch/hw_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace dna;
using namespace dna::hwsearch;

int main(int argc, char** argv)
{
    const int seeds = argc > 1 ? std::atoi(argv[1]) : 5;
    struct Case {
        const char* name;
        const char* platform;
        Objective objective;
        const char* dataflow;
    };
    const Case cases[] = { { "mobilenetv2_zc706_fps", "zc706", Objective::Fps, "ws" },
        { "mobilenetv2_eyeriss_edp", "eyeriss", Objective::Edp, "rs" } };
    const long budgets[] = { 1000, 10000, 100000 };
    const auto net = workload::builtinNetwork("mobilenetv2").value();
    for (const Case& c : cases) {
        const accel::Platform platform = *accel::findPlatform(c.platform);
        const accel::Design base = accel::heuristicDesign(net, platform, accel::dataflowIndex(c.dataflow), 1);
        const double heuristic = designCost(c.objective, accel::evaluateDesign(base));
        bench::report(std::string(c.name) + "_heuristic_cost", heuristic);
        double best100k = std::numeric_limits<double>::infinity();
        double das100k = 0;
        for (const auto& strategy : strategies()) { // every strategy that samples (exhaustive refuses this space)
            if (!strategy.samples) {
                continue;
            }
            const Algo algo = strategy.algo;
            for (long budget : budgets) {
                double sum = 0;
                double seconds = 0;
                int found = 0;
                for (int seed = 1; seed <= seeds; ++seed) {
                    HwSearchRequest req;
                    req.network = net;
                    req.platform = platform;
                    req.objective = c.objective;
                    req.algo = algo;
                    req.evaluations = budget;
                    req.seed = uint64_t(seed);
                    const HwSearchResult r = searchHardware(req, CancelToken {}, {});
                    seconds += r.seconds;
                    if (r.found) {
                        sum += r.bestCost;
                        ++found;
                    }
                }
                const std::string key
                    = std::string(c.name) + "_" + algoName(algo) + "_" + std::to_string(budget / 1000) + "k";
                const double mean = found ? sum / found : std::numeric_limits<double>::infinity();
                bench::report(key + "_mean_cost", mean);
                bench::report(key + "_found_of_" + std::to_string(seeds), found);
                bench::report(key + "_seconds", seconds / seeds);
                if (budget == 100000) {
                    best100k = std::min(best100k, mean);
                    if (algo == Algo::Das) {
                        das100k = mean;
                    }
                }
            }
        }
        bench::report(std::string(c.name) + "_das_gap_to_best_100k_percent", (das100k / best100k - 1) * 100);
        bench::report(std::string(c.name) + "_das_gain_over_heuristic_100k_percent", (1 - das100k / heuristic) * 100);
    }
    return 0;
}
