// Cost-model throughput (one thread): layer-mapping evaluations per second for a 3x3 convolution and a
// depthwise layer over a pool of varied valid mappings, and whole-design evaluations of MobileNetV2 on ZC706.
#include "bench_util.h"

#include "accel/cost_model.h"
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"

#include <algorithm>
#include <random>
#include <vector>

using namespace dna;
using namespace dna::accel;
using namespace dna::workload;

namespace {

/// Valid mappings around the heuristic one: random loop orders and random GB/DRAM splits of each dimension.
std::vector<Mapping> mappingPool(const Layer& l, const Engine& e, const Platform& p, size_t count)
{
    std::mt19937 rng(2024);
    const Mapping base = heuristicMapping(l, e, p, true);
    std::vector<Mapping> pool;
    while (pool.size() < count) {
        Mapping m = base;
        for (int d = 0; d < kDims; ++d) {
            const int outer = m.gb[d] * m.dram[d];
            m.gb[d] = std::uniform_int_distribution<int>(1, outer)(rng);
            m.dram[d] = (outer + m.gb[d] - 1) / m.gb[d];
        }
        for (auto& o : m.order) {
            std::shuffle(o.begin(), o.end(), rng);
        }
        if (evaluateLayer(l, e, m, p, true).valid()) {
            pool.push_back(m);
        }
    }
    return pool;
}

double layerRate(const Layer& l, const Engine& e, const Platform& p)
{
    const auto pool = mappingPool(l, e, p, 1024);
    volatile double sink = 0;
    const double rate
        = bench::ratePerSecond([&](long i) { sink = sink + evaluateLayer(l, e, pool[i & 1023], p, true).cycles; });
    return rate;
}

} // namespace

int main()
{
    const Platform zc706 = *findPlatform("zc706");
    const Accelerator acc = defaultAccelerator(zc706, dataflowIndex("ws"));
    const Engine& engine = acc.engines[0];

    // ResNet-18 layer2 3x3 convolution (128 -> 128, 28x28) and a MobileNetV2 depthwise layer (144 ch, 56x56).
    const Layer conv = convLayer("conv3x3", 128, 128, 28, 3, 1, 1);
    const Layer dw = depthwiseLayer("dw3x3", 144, 56, 3, 1, 1);
    bench::report("conv3x3_evals_per_s", layerRate(conv, engine, zc706));
    bench::report("dwconv_evals_per_s", layerRate(dw, engine, zc706));

    const Design design = heuristicDesign(builtinNetwork("mobilenetv2").value(), zc706, dataflowIndex("ws"), 1);
    volatile double sink = 0;
    const double designs = bench::ratePerSecond([&](long) { sink = sink + evaluateDesign(design).fps; }, 1.0, 100);
    bench::report("mobilenetv2_zc706_designs_per_s", designs);
    bench::report("mobilenetv2_layers", double(design.network.layers.size()));
    return 0;
}
