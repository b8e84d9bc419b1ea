// Hardware search: the DAS gradient against LibTorch autograd, exhaustive optimality and DAS / evolution
// reaching it, designs that re-evaluate to what the search reported, determinism, fixes and refusals.
#include <torch/torch.h> // before Qt: this test is built with QT_NO_KEYWORDS

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "hwsearch/arch_space.h"
#include "hwsearch/hw_search.h"
#include "hwsearch/knob_space.h"
#include "hwsearch/mapping_space.h"
#include "io/json_io.h"
#include "store/run_store.h"
#include "util/fast_math.h"

#include <QtTest>

#include <map>
#include <random>
#include <set>

using namespace dna;
using namespace dna::accel;
using namespace dna::hwsearch;
using namespace dna::workload;

namespace {

Layer layer(const char* name, std::array<int, kDims> dims)
{
    Layer l;
    l.name = name;
    l.dims = dims;
    return l;
}

/// Two small layers whose mapping spaces can be enumerated, on one 2x2 weight-stationary engine with a tiny
/// RF and GB so capacity matters.
struct Tiny {
    Network net;
    Platform platform = *findPlatform("eyeriss");
    Accelerator acc;
    Tiny()
    {
        net.name = "tiny";
        net.layers = { layer("a", { 1, 1, 8, 6, 4, 3, 1, 1 }), layer("b", { 1, 1, 6, 8, 3, 3, 1, 1 }) };
        Engine e;
        e.rows = 2;
        e.cols = 2;
        e.dataflow = dataflowIndex("ws");
        e.rfBytes = 16;
        e.rfSplit = { 0, 0, 0 };
        e.gbBytes = 256;
        e.gbShare = { 0, 0, 0 };
        acc.engines = { e };
        platform.budget = {};
        platform.budget.pes = 1000;
        platform.partialDoubleBuffer = false; // every GB tile two copies: a double-buffered generic engine
    }
};

/// Knobs of `sizes` choices where knob 1 allows only choices up to knob 0's (a conditional space); the cost is
/// what `cost` says of the choices.
class ToySpace : public KnobSpace {
public:
    ToySpace(std::vector<int> sizes, std::function<double(const std::vector<int>&)> cost)
        : m_cost(std::move(cost))
    {
        std::vector<Knob> knobs;
        for (size_t k = 0; k < sizes.size(); ++k) {
            Knob knob { "k" + std::to_string(k), {} };
            for (int v = 0; v < sizes[k]; ++v) {
                knob.labels.push_back(std::to_string(v));
            }
            knobs.push_back(knob);
        }
        setKnobs(knobs);
        reset();
    }
    void reset() override { m_choice.assign(size_t(knobCount()), 0); }
    void choose(int k, int value) override { m_choice[size_t(k)] = value; }
    double evaluate() override
    {
        ++evaluations;
        return m_cost(m_choice);
    }
    int evaluations = 0;

protected:
    int allowedImpl(int k, uint8_t* mask) override
    {
        int n = 0;
        for (int v = 0; v < knobs()[size_t(k)].size(); ++v) {
            mask[v] = k != 1 || v <= m_choice[0];
            n += mask[v];
        }
        return n;
    }

private:
    std::function<double(const std::vector<int>&)> m_cost;
    std::vector<int> m_choice;
};

double total(const MappingSearchResult& r)
{
    double s = 0;
    for (double c : r.layerCosts) {
        s += c;
    }
    return s;
}

} // namespace

class TestHwSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void objectiveTableDrivesNamesAndFronts();
    void dasGradientMatchesAutograd();
    void exhaustiveOptimumReachedByDasAndEvolution();
    void returnedDesignsReevaluate_data();
    void returnedDesignsReevaluate();
    void sameSeedSameResult();
    void sameResultOnAnyThreadCount();
    void fastLogAndGumbelNoise();
    void archSpaceKnowsWhatExceedsTheAreaBudget();
    void coordinateDescentStopsWhereNoKnobImproves();
    void dasRestartsWhenItStopsImproving();
    void fixesAreHonoured();
    void badFixesNameTheChoices();
    void nothingFitsSaysSo();
    void exhaustiveRefusesLargeSpaces();
    void mappingSamplesRespectCapacity();
};

void TestHwSearch::dasGradientMatchesAutograd()
{
    std::mt19937 rng(3);
    std::normal_distribution<double> normal(0, 1.5);
    std::extreme_value_distribution<double> gumbel(0, 1);
    for (int trial = 0; trial < 50; ++trial) {
        const int size = 2 + trial % 7;
        std::vector<double> logits(size), noise(size);
        std::vector<uint8_t> mask(size, 1);
        for (int j = 0; j < size; ++j) {
            logits[j] = normal(rng);
            noise[j] = gumbel(rng);
        }
        if (size > 3) {
            mask[trial % size] = 0; // one disallowed entry
        }
        int chosen = 0;
        double bestScore = -1e300;
        for (int j = 0; j < size; ++j) {
            if (mask[j] && logits[j] + noise[j] > bestScore) {
                bestScore = logits[j] + noise[j];
                chosen = j;
            }
        }
        const double tau = 0.5 + 0.25 * (trial % 4);
        const double advantage = normal(rng);
        std::vector<double> mine(size);
        dasKnobGradient(logits.data(), noise.data(), mask.data(), size, chosen, tau, advantage, mine.data());

        // The same loss in LibTorch: allowed entries only, straight-through factor p + stopgrad(1 - p).
        std::vector<double> allowedLogits, allowedNoise;
        std::vector<int> index;
        for (int j = 0; j < size; ++j) {
            if (mask[j]) {
                index.push_back(j);
                allowedLogits.push_back(logits[j]);
                allowedNoise.push_back(noise[j]);
            }
        }
        auto opts = torch::TensorOptions().dtype(torch::kFloat64);
        torch::Tensor g = torch::tensor(allowedLogits, opts).requires_grad_(true);
        torch::Tensor n = torch::tensor(allowedNoise, opts);
        torch::Tensor y = torch::softmax((torch::log_softmax(g, 0) + n) / tau, 0);
        const int c = int(std::find(index.begin(), index.end(), chosen) - index.begin());
        torch::Tensor p = y[c];
        torch::Tensor factor = p + (1 - p).detach();
        torch::Tensor loss = advantage * factor;
        loss.backward();
        QVERIFY(std::abs(loss.item<double>() - advantage) < 1e-12);
        const torch::Tensor grad = g.grad();
        for (size_t i = 0; i < index.size(); ++i) {
            QVERIFY2(std::abs(grad[long(i)].item<double>() - mine[index[i]]) < 1e-10,
                qPrintable(QStringLiteral("trial %1 entry %2: autograd %3, ours %4")
                               .arg(trial)
                               .arg(index[i])
                               .arg(grad[long(i)].item<double>())
                               .arg(mine[index[i]])));
        }
        for (int j = 0; j < size; ++j) {
            if (!mask[j]) {
                QCOMPARE(mine[j], 0.0);
            }
        }
    }
}

void TestHwSearch::exhaustiveOptimumReachedByDasAndEvolution()
{
    Tiny t;
    StrategyOptions o;
    o.seedWithHeuristic = false;
    long long spaceSize = 0;
    for (const auto& l : t.net.layers) {
        LayerMappingSpace space(l, t.acc.engines[0], t.platform, true, layerWeights(Objective::Energy, 1, 1));
        spaceSize += countCandidates(space, 10'000'000);
    }
    QVERIFY2(spaceSize > 5000 && spaceSize < 2'000'000, qPrintable(QString::number(spaceSize)));
    const MappingSearchResult ex
        = searchMappings(t.net, t.platform, t.acc, Objective::Energy, Algo::Exhaustive, 0, 1, o);
    QVERIFY(ex.refusal.empty());
    QVERIFY(ex.allValid);
    QVERIFY(ex.evaluations >= spaceSize);
    const double optimum = total(ex);
    qInfo("tiny space: %lld mappings over both layers, exhaustive used %ld evaluations", spaceSize, ex.evaluations);
    // Budget per layer: far below the space (a twentieth of it over both layers).
    const long perLayer = long(spaceSize / 40);
    for (Algo algo : { Algo::Das, Algo::Evolution }) {
        for (uint64_t seed = 1; seed <= 4; ++seed) {
            const MappingSearchResult r
                = searchMappings(t.net, t.platform, t.acc, Objective::Energy, algo, perLayer, seed, o);
            QVERIFY(r.allValid);
            QVERIFY(total(r) >= optimum * (1 - 1e-12)); // nothing beats exhaustive
            QVERIFY2(total(r) <= optimum * 1.01,
                qPrintable(QStringLiteral("%1 seed %2: %3 vs optimum %4 with %5 of %6 evaluations")
                               .arg(QString::fromLatin1(algoName(algo)))
                               .arg(seed)
                               .arg(total(r))
                               .arg(optimum)
                               .arg(r.evaluations)
                               .arg(spaceSize)));
        }
    }
}

void TestHwSearch::returnedDesignsReevaluate_data()
{
    QTest::addColumn<int>("algo");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("objective");
    QTest::addRow("das zc706 fps") << int(Algo::Das) << "zc706" << int(Objective::Fps);
    QTest::addRow("random eyeriss edp") << int(Algo::Random) << "eyeriss" << int(Objective::Edp);
    QTest::addRow("evolution ultra96 energy") << int(Algo::Evolution) << "ultra96" << int(Objective::Energy);
    QTest::addRow("das asic28 latency") << int(Algo::Das) << "asic28" << int(Objective::Latency);
}

void TestHwSearch::returnedDesignsReevaluate()
{
    QFETCH(int, algo);
    QFETCH(QString, platform);
    QFETCH(int, objective);
    HwSearchRequest req;
    req.network = networkFromGenotype("fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1").value();
    req.platform = *findPlatform(platform.toStdString());
    req.algo = Algo(algo);
    req.objective = Objective(objective);
    req.evaluations = 6000;
    const HwSearchResult r = searchHardware(req, CancelToken {}, {});
    QVERIFY2(r.found, r.error ? r.error->detail.c_str() : "");
    QVERIFY(r.evaluations >= req.evaluations);
    const DesignCost again = evaluateDesign(r.best);
    QVERIFY(again.valid());
    QCOMPARE(again.latencyCycles, r.cost.latencyCycles);
    QCOMPARE(again.energyPj.total(), r.cost.energyPj.total());
    QCOMPARE(designCost(req.objective, again), r.bestCost);
    const Budget& b = req.platform.budget;
    if (b.dsp)
        QVERIFY(again.resources.dsp <= b.dsp);
    if (b.bram18)
        QVERIFY(again.resources.bram18 <= b.bram18);
    if (b.pes)
        QVERIFY(again.resources.pes <= b.pes);
    if (b.areaMm2 > 0)
        QVERIFY(again.resources.areaMm2 <= b.areaMm2);
    // The trace only improves.
    for (size_t i = 1; i < r.trace.size(); ++i) {
        QVERIFY(r.trace[i].second <= r.trace[i - 1].second);
        QVERIFY(r.trace[i].first >= r.trace[i - 1].first);
    }
}

void TestHwSearch::sameSeedSameResult()
{
    HwSearchRequest req;
    req.network = builtinNetwork("alexnet").value();
    req.platform = *findPlatform("zc706");
    req.evaluations = 4000;
    req.seed = 42;
    const HwSearchResult a = searchHardware(req, CancelToken {}, {});
    const HwSearchResult b = searchHardware(req, CancelToken {}, {});
    QVERIFY(a.found && b.found);
    QCOMPARE(a.bestCost, b.bestCost);
    QCOMPARE(io::designToJson(a.best, nullptr).dump(), io::designToJson(b.best, nullptr).dump());
    req.seed = 43;
    const HwSearchResult c = searchHardware(req, CancelToken {}, {});
    QVERIFY(c.found);
    QVERIFY(io::designToJson(a.best, nullptr).dump() != io::designToJson(c.best, nullptr).dump());
}

void TestHwSearch::coordinateDescentStopsWhereNoKnobImproves()
{
    // A separable cost, sum of (choice - target)^2 with targets 3, 2, 4, 0: every knob improves on its own, so
    // the descent reaches the targets (cost 0) from the all-zero start. Knob 1 may not exceed knob 0, which
    // the targets respect.
    const std::vector<int> target { 3, 2, 4, 0 };
    ToySpace space({ 5, 5, 6, 3 }, [&](const std::vector<int>& c) {
        double s = 0;
        for (size_t k = 0; k < c.size(); ++k) {
            s += double((c[k] - target[k]) * (c[k] - target[k]));
        }
        return s;
    });
    std::vector<int> cur { 0, 0, 0, 0 };
    double cost = 3 * 3 + 2 * 2 + 4 * 4;
    std::mt19937_64 rng(1);
    int improvements = 0;
    coordinateDescent(
        space, cur, cost, rng, [] { return true; }, [&] { return space.evaluate(); },
        [&](const std::vector<int>&, double) { ++improvements; });
    QCOMPARE(cur, target);
    QCOMPARE(cost, 0.0);
    // One step per improving move: knob 0 needs 3 (it must rise before knob 1 may), knob 1 two, knob 2 four.
    QCOMPARE(improvements, 3 + 2 + 4);

    // A budget of 5 evaluations ends it after at most 5.
    space.evaluations = 0;
    cur = { 0, 0, 0, 0 };
    cost = 29;
    int calls = 0;
    coordinateDescent(
        space, cur, cost, rng, [&] { return calls < 5; },
        [&] {
            ++calls;
            return space.evaluate();
        },
        {});
    QCOMPARE(space.evaluations, 5);
    QVERIFY(cost < 29);

    // Two binary knobs where only changing both improves: (0, 0) costs 1, (1, 1) 0, one knob changed 2. No single
    // change improves, so the descent stays at the start having tried both neighbours once each.
    ToySpace trap({ 2, 2 }, [](const std::vector<int>& c) { return c[0] == c[1] ? (c[0] == 1 ? 0.0 : 1.0) : 2.0; });
    cur = { 0, 0 };
    cost = 1;
    coordinateDescent(
        trap, cur, cost, rng, [] { return true; }, [&] { return trap.evaluate(); }, {});
    QCOMPARE(cur, (std::vector<int> { 0, 0 }));
    QCOMPARE(cost, 1.0);
    QCOMPARE(trap.evaluations, 1); // (1, 0); (0, 1) is not allowed: knob 1 may not exceed knob 0
}

void TestHwSearch::dasRestartsWhenItStopsImproving()
{
    // One knob of 6 choices costing 1 + choice: DAS learns choice 0 and its distribution settles there. Count
    // the samples of any other choice after 4000: without restarts the settled distribution (temperature near
    // its floor) gives next to none; restarting every 300 samples without a better one goes back to the prior (with a
    // bias toward choice 0) and samples the others again.
    auto othersLate = [](int restartAfter) {
        ToySpace space({ 6 }, [](const std::vector<int>& c) { return 1.0 + c[0]; });
        StrategyOptions o;
        o.restartAfter = restartAfter;
        auto das = makeStrategy(Algo::Das, 7, o);
        int others = 0;
        for (int i = 0; i < 8000; ++i) {
            das->next(space);
            const double cost = space.evaluate();
            das->report(cost);
            others += i >= 4000 && das->choices()[0] != 0;
        }
        return others;
    };
    const int settled = othersLate(0);
    const int restarted = othersLate(300);
    qInfo("other choices in the last 4000 samples: %d without restarts, %d with", settled, restarted);
    QVERIFY2(settled <= 5 && restarted >= 20 * std::max(settled, 5),
        qPrintable(QStringLiteral("%1 without restarts, %2 with").arg(settled).arg(restarted)));
}

void TestHwSearch::fastLogAndGumbelNoise()
{
    // fastLog against std::log over the range DAS's noise uses (and beyond), relative error.
    std::mt19937_64 rng(5);
    double worst = 0;
    for (int i = 0; i < 200000; ++i) {
        const double x = std::exp(std::uniform_real_distribution<double>(-700.0, 700.0)(rng));
        worst = std::max(worst, std::abs(fastLog(x) - std::log(x)) / std::max(1.0, std::abs(std::log(x))));
    }
    QVERIFY2(worst < 1e-12, qPrintable(QString::number(worst)));
    QCOMPARE(fastLog(1.0), 0.0);
    // Next to 1, where -log(u) of a u close to 1 is the inner log of a large Gumbel draw: relative error.
    double worstNearOne = 0;
    for (int i = 0; i < 200000; ++i) {
        const double x = 1.0 + std::uniform_real_distribution<double>(-1e-3, 1e-3)(rng);
        if (x != 1.0) {
            worstNearOne = std::max(worstNearOne, std::abs(fastLog(x) / std::log(x) - 1.0));
        }
    }
    QVERIFY2(worstNearOne < 1e-11, qPrintable(QString::number(worstNearOne)));
    // Gumbel(0, 1) from the bits: mean the Euler-Mascheroni constant 0.5772..., variance pi^2 / 6; 10^6 draws
    // give standard errors of 0.0013 and 0.0045 (sigma^2 sqrt((kurtosis - 1) / n), kurtosis 8.4), so 5-sigma
    // bounds are 0.0065 and 0.023.
    const int n = 1000000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; ++i) {
        const double g = gumbelFromBits(rng());
        sum += g;
        sumSq += g * g;
    }
    const double mean = sum / n;
    const double variance = sumSq / n - mean * mean;
    QVERIFY2(std::abs(mean - 0.5772156649) < 0.0065, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(variance - M_PI * M_PI / 6) < 0.023, qPrintable(QString::number(variance)));
    // The extremes of u stay finite: u = 2^-54 and 1 - 2^-54.
    QVERIFY(std::isfinite(gumbelFromBits(0)) && std::isfinite(gumbelFromBits(~0ULL)));
}

void TestHwSearch::archSpaceKnowsWhatExceedsTheAreaBudget()
{
    // asic28: 2 mm^2, of which 0.3 fixed; a PE 0.00372 mm^2, RF and buffer 4.464e-6 and 1.488e-6 mm^2 per byte.
    // The space gives the PEs half of the 1.7 mm^2 left at 64 B of RF (212 PEs; a 15 x 14 array uses 210) and the
    // buffer the whole 512 KiB (0.780 mm^2). By hand: 128 B of RF 0.3 + 210 x 0.004291 + 0.780 = 1.981 mm^2 fits;
    // 256 B 0.3 + 210 x 0.004863 + 0.780 = 2.101 mm^2 does not; 256 B with three quarters of the buffer
    // (0.585 mm^2) is 1.906 mm^2 and fits again. This is the trade the search's polish makes.
    const Network net = builtinNetwork("mobilenetv2").value();
    const Platform platform = *findPlatform("asic28");
    ArchSpace arch(net, platform, [](const Accelerator&) { return 1.0; });
    auto knob = [&](const std::string& name) {
        for (int k = 0; k < arch.knobCount(); ++k) {
            if (arch.knobs()[size_t(k)].name == name) {
                return k;
            }
        }
        return -1;
    };
    auto choose = [&](const std::vector<std::pair<std::string, std::string>>& labels) {
        std::vector<int> want(size_t(arch.knobCount()), 0);
        for (const auto& [name, label] : labels) {
            const auto& l = arch.knobs()[size_t(knob(name))].labels;
            want[size_t(knob(name))] = int(std::find(l.begin(), l.end(), label) - l.begin());
        }
        std::vector<int> got;
        QVERIFY(buildChoices(arch, want, got));
        QCOMPARE(got, want);
    };
    choose({ { "engine0.rf_bytes", "128" } });
    QVERIFY(!arch.exceedsBudget());
    choose({ { "engine0.rf_bytes", "256" } });
    QVERIFY(arch.exceedsBudget());
    bool ok = false;
    const Accelerator over = arch.decode(ok);
    QVERIFY(ok);
    QCOMPARE(over.engines[0].pes(), 210);
    choose({ { "engine0.rf_bytes", "256" }, { "gb_fraction", "0.75" } });
    QVERIFY(!arch.exceedsBudget());
    // The evaluated design says the same (a second method: the whole cost model's budget check).
    std::vector<Mapping> mappings;
    for (const Layer& l : net.layers) {
        mappings.push_back(heuristicMapping(l, over.engines[0], platform, over.doubleBuffer));
    }
    const Design d { net, platform, over, mappings, 1 };
    const DesignCost dc = evaluateDesign(d);
    QCOMPARE(dc.invalid, Invalid::AreaOverBudget);
    QVERIFY(std::abs(dc.resources.areaMm2 - 2.1013) < 1e-3);
}

void TestHwSearch::sameResultOnAnyThreadCount()
{
    // Large enough that the layer searches run on several threads (small pieces stay on one).
    for (const auto& strategy : strategies()) {
        if (!strategy.samples) {
            continue;
        }
        HwSearchRequest req;
        req.network = builtinNetwork("mobilenetv2").value();
        req.platform = *findPlatform("zc706");
        req.algo = strategy.algo;
        req.evaluations = 40000;
        req.seed = 7;
        req.threads = 1;
        const HwSearchResult one = searchHardware(req, CancelToken {}, {});
        for (int threads : { 2, 3 }) {
            req.threads = threads;
            const HwSearchResult many = searchHardware(req, CancelToken {}, {});
            QVERIFY(one.found && many.found);
            QCOMPARE(many.bestCost, one.bestCost);
            QCOMPARE(many.evaluations, one.evaluations);
            QCOMPARE(many.architectures, one.architectures);
            QCOMPARE(io::designToJson(many.best, nullptr).dump(), io::designToJson(one.best, nullptr).dump());
        }
    }
}

void TestHwSearch::fixesAreHonoured()
{
    HwSearchRequest req;
    req.network = builtinNetwork("mobilenetv2").value();
    req.platform = *findPlatform("zc706");
    req.evaluations = 8000;
    req.fixes = { { "dataflow", "rs" }, { "micro_arch", "pipelined" }, { "chunks", "2" }, { "separate_dw", "no" } };
    const HwSearchResult r = searchHardware(req, CancelToken {}, {});
    QVERIFY2(r.found, r.error ? r.error->detail.c_str() : "");
    QCOMPARE(r.best.accelerator.arch, MicroArch::Pipelined);
    QCOMPARE(int(r.best.accelerator.chunkStarts.size()), 2);
    QCOMPARE(int(r.best.accelerator.engines.size()), 2);
    for (const auto& e : r.best.accelerator.engines) {
        QCOMPARE(e.dataflow, dataflowIndex("rs"));
    }
    // Pipelined: FPS follows the slower of the two engines.
    const double slowest = std::max(r.cost.engineCycles[0], r.cost.engineCycles[1]);
    QVERIFY(std::abs(r.cost.fps - 200e6 / slowest) < 1e-6 * r.cost.fps);
}

void TestHwSearch::badFixesNameTheChoices()
{
    HwSearchRequest req;
    req.network = builtinNetwork("alexnet").value();
    req.platform = *findPlatform("zc706");
    req.evaluations = 100;
    req.fixes = { { "dataflow", "nlr" } };
    HwSearchResult r = searchHardware(req, CancelToken {}, {});
    QVERIFY(r.error);
    QCOMPARE(QString::fromLatin1(r.error->name()), QStringLiteral("bad_fix"));
    QVERIFY(QString::fromStdString(r.error->detail).contains(QString::fromStdString(dataflowNames())));
    req.fixes = { { "warp_drive", "on" } };
    r = searchHardware(req, CancelToken {}, {});
    QCOMPARE(QString::fromLatin1(r.error->name()), QStringLiteral("unknown_knob"));
    QVERIFY(QString::fromStdString(r.error->detail).contains(QStringLiteral("micro_arch")));
}

void TestHwSearch::nothingFitsSaysSo()
{
    HwSearchRequest req;
    req.network = builtinNetwork("alexnet").value();
    req.platform = *findPlatform("zc706");
    req.platform.budget.dsp = 1;
    req.platform.budget.bram18 = 1;
    req.evaluations = 3000;
    const HwSearchResult r = searchHardware(req, CancelToken {}, {});
    QVERIFY(!r.found);
    QVERIFY(r.error);
    QCOMPARE(QString::fromLatin1(r.error->name()), QStringLiteral("no_valid_design"));
    QVERIFY(QString::fromStdString(r.error->detail).contains(QStringLiteral("bram18 1")));
    QVERIFY(r.evaluations >= 3000 && r.evaluations < 3000 + 20000); // stopped at the budget, no hang
}

void TestHwSearch::exhaustiveRefusesLargeSpaces()
{
    HwSearchRequest req;
    req.network = builtinNetwork("alexnet").value();
    req.platform = *findPlatform("zc706");
    req.algo = Algo::Exhaustive;
    const HwSearchResult r = searchHardware(req, CancelToken {}, {});
    QVERIFY(r.error);
    QCOMPARE(QString::fromLatin1(r.error->name()), QStringLiteral("exhaustive_refused"));
    QVERIFY(QString::fromStdString(r.error->detail).contains(QStringLiteral("2000000")));
}

void TestHwSearch::mappingSamplesRespectCapacity()
{
    // Conditional sampling: every random sample of a layer's space fits the RF and the GB.
    const Layer l = builtinNetwork("resnet18").value().layers[3];
    Engine e;
    e.rows = 12;
    e.cols = 14;
    e.dataflow = dataflowIndex("rs");
    e.gbBytes = 64 * 1024;
    e.rfBytes = 256;
    Platform p = *findPlatform("eyeriss");
    p.partialDoubleBuffer = false;
    LayerMappingSpace space(l, e, p, true, {});
    auto random = makeStrategy(Algo::Random, 5);
    int valid = 0;
    for (int i = 0; i < 2000; ++i) {
        QVERIFY(random->next(space));
        const double c = space.evaluate();
        valid += std::isfinite(c);
        QVERIFY2(space.lastCost().invalid != Invalid::RfOverflow && space.lastCost().invalid != Invalid::GbOverflow,
            invalidCode(space.lastCost().invalid));
    }
    QCOMPARE(valid, 2000);

    // With partial double buffering the tiles are sampled for one copy each: every sample fits single-buffered, and
    // the cost model turns down only the ones whose loop order asks for second copies that do not fit.
    p.partialDoubleBuffer = true;
    LayerMappingSpace partial(l, e, p, true, {});
    int accepted = 0;
    int overflows = 0;
    for (int i = 0; i < 2000; ++i) {
        QVERIFY(random->next(partial));
        accepted += std::isfinite(partial.evaluate());
        overflows += partial.lastCost().invalid == Invalid::GbOverflow;
        const LayerCost single = evaluateLayer(l, e, partial.mapping(), p, false);
        QVERIFY2(single.valid(), invalidCode(single.invalid));
    }
    QCOMPARE(accepted + overflows, 2000);
    QVERIFY2(accepted > 0 && overflows > 0, qPrintable(QStringLiteral("%1 accepted").arg(accepted)));
}

void TestHwSearch::objectiveTableDrivesNamesAndFronts()
{
    // A hand-made candidate whose four metrics differ, so each objective picks its own field.
    store::CandidateRecord c;
    c.fps = 250;
    c.latencyMs = 4;
    c.energyUj = 30;
    c.edp = 120;
    const std::map<std::string, double> expected { { "fps", 250 }, { "latency", 4 }, { "energy", 30 }, { "edp", 120 } };
    QCOMPARE(objectives().size(), expected.size());
    std::set<std::string> names;
    for (const ObjectiveInfo& o : objectives()) {
        names.insert(o.name);
        Objective back = Objective::Edp == o.id ? Objective::Fps : Objective::Edp;
        QVERIFY(parseObjective(o.name, back));
        QCOMPARE(int(back), int(o.id));
        QCOMPARE(store::frontMetric(c, o.name), expected.at(o.name));
        // Throughput is better high; latency, energy and their product are better low.
        QCOMPARE(store::frontMaximises(o.name), std::string(o.name) == "fps");
        QCOMPARE(o.maximise, std::string(o.name) == "fps");
    }
    QCOMPARE(names.size(), objectives().size());
    // What the search minimises for a design with the same four figures: 1/FPS (seconds per inference), then the
    // others as they are; and the layer searches' weights for reference cycles 1000 and energy 2e6 pJ.
    accel::DesignCost d;
    d.fps = 250;
    d.latencyMs = 4;
    d.energyUj = 30;
    d.edp = 120;
    QVERIFY(d.valid());
    QCOMPARE(designCost(Objective::Fps, d), 1.0 / 250);
    QCOMPARE(designCost(Objective::Latency, d), 4.0);
    QCOMPARE(designCost(Objective::Energy, d), 30.0);
    QCOMPARE(designCost(Objective::Edp, d), 120.0);
    QCOMPARE(layerWeights(Objective::Fps, 1000, 2e6).energyWeight, 1e-6 * 1000 / 2e6); // energy breaks ties
    QCOMPARE(layerWeights(Objective::Latency, 1000, 2e6).cyclesWeight, 1.0);
    QCOMPARE(layerWeights(Objective::Energy, 1000, 2e6).cyclesWeight, 1e-6 * 2e6 / 1000);
    QCOMPARE(layerWeights(Objective::Edp, 1000, 2e6).cyclesWeight, 1.0 / 1000); // d log(E L) = dL/L + dE/E
    QCOMPARE(layerWeights(Objective::Edp, 1000, 2e6).energyWeight, 1.0 / 2e6);
    std::set<std::string> labels;
    for (const ObjectiveInfo& o : objectives()) {
        labels.insert(o.axisLabel);
        QVERIFY(std::string(o.axisLabel).find(o.label) == 0); // the axis label is the label with its unit
    }
    QCOMPARE(labels.size(), objectives().size());
    // Runs stored before objectives were recorded (no name) trade accuracy against FPS.
    QCOMPARE(store::frontMetric(c, ""), 250.0);
    QVERIFY(store::frontMaximises(""));
    QCOMPARE(QString::fromStdString(objectiveNames("|")), QStringLiteral("fps|latency|energy|edp"));
}

QTEST_GUILESS_MAIN(TestHwSearch)
#include "tst_hwsearch.moc"
