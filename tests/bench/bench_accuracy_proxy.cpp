// How far the supernet's shared-weight accuracy estimates can be trusted: a fixed set of fmnist genotypes,
// each trained from scratch (the references), against their estimates after the quick preset's supernet
// schedule, for each weight-sharing mode. Real Fashion-MNIST only.
//
// The genotypes (a seeded rule, not a hand-picked list): the space's ops ranked by their FLOPs summed over the
// layers (skip cheapest); genotype i of 0..10 draws each layer's op from mt19937_64(2026) with weights
// exp(-(rank - 6 i / 10)^2 / 2), so genotype 0 is mostly skip and genotype 10 mostly k5e6; the twelfth is all
// k5e6. Duplicates are redrawn.
//
// References: nas::runTraining, 4 epochs (the ablation's retraining: dna-cli train defaults otherwise), seed 1,
// test accuracy on the 10,000 test images. They take about half an hour on two cores, so they are kept in
// tests/bench/data/accuracy_proxy_references.json (with the command, seed and schedule that made them) and
// reused; each finished genotype is written at once, so an interrupted run resumes. --recompute starts over.
//
// Estimates: nas::runSearch with the quick preset's schedule (epochs, warm-up, steps per epoch, batch, tau,
// architecture steps; no hardware term), then for every genotype the co-search's estimator (batch norm
// recalibrated on 5 training batches, accuracy on the preset's 2,000 held-out images of the validation split).
//
// Usage: bench_accuracy_proxy [--recompute] [--modes separate,shared] [--lr X (supernet weights)]
//        [--seed S | --seeds FROM-TO (one supernet per seed, default 1; the metrics are then the means over
//        the seeds, each seed's also printed with the suffix _seed<S>)]
//        [--steps N (per epoch)] [--epochs E] [--warmup E (weight-only epochs first)]
//        [--batch B (supernet weight and architecture steps)]
//        [--references FILE] [--sandwich N (every n-th weight step also trains the largest path, 0 off)]
//        [--sandwich-paths largest|smallest|both (which paths the sandwich rule trains)]
//        [--own-batches N (the estimator's fit of a genotype's own weights, EstimateSpec::ownWeightBatches)]
//        [--bn-batches N (the estimator's batch-norm calibration batches of 256, default the co-search's 5)]
//        [--keep DIR (keep each mode's trained supernet there, with the training options beside it in a .json, and
//        reuse it when present; a kept supernet trained with other options is refused)]
// Prints proxy_kendall_tau_<mode>, proxy_spearman_<mode>, proxy_mean_abs_gap_points_<mode>,
// proxy_best_estimate_<mode> (the highest estimate among the genotypes, in %) and the per-genotype table.
#include "bench_util.h"

#include "cosearch/co_search.h"
#include "nas/cost_table.h"
#include "nas/derivation.h"
#include "nas/search_run.h"
#include "nas/supernet.h"
#include "nas/train_run.h"
#include "workload/search_space.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

using namespace dna;
using Json = nlohmann::json;

namespace {

constexpr int kReferenceEpochs = 4;
constexpr uint64_t kGenotypeSeed = 2026;

double seconds(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::vector<std::vector<int>> calibrationGenotypes(const workload::SearchSpace& space)
{
    const auto flops = nas::flopsTable(space);
    const int ops = int(space.ops.size()), layers = space.searchableLayers();
    std::vector<double> opFlops(size_t(ops), 0.0);
    for (int o = 0; o < ops; ++o) {
        for (int l = 0; l < layers; ++l) {
            opFlops[size_t(o)] += flops.at(l, o);
        }
    }
    std::vector<int> byCost(static_cast<size_t>(ops));
    std::iota(byCost.begin(), byCost.end(), 0);
    std::sort(byCost.begin(), byCost.end(), [&](int a, int b) { return opFlops[size_t(a)] < opFlops[size_t(b)]; });
    std::mt19937_64 rng(kGenotypeSeed);
    std::set<std::vector<int>> seen;
    std::vector<std::vector<int>> out;
    for (int i = 0; i <= 10; ++i) {
        const double centre = double(ops - 1) * i / 10.0;
        std::vector<double> weights;
        for (int rank = 0; rank < ops; ++rank) {
            weights.push_back(std::exp(-(rank - centre) * (rank - centre) / 2.0));
        }
        std::discrete_distribution<int> pick(weights.begin(), weights.end());
        std::vector<int> g;
        do {
            g.clear();
            for (int l = 0; l < layers; ++l) {
                g.push_back(byCost[size_t(pick(rng))]);
            }
        } while (!seen.insert(g).second);
        out.push_back(g);
    }
    out.push_back(std::vector<int>(size_t(layers), byCost.back()));
    return out;
}

// Ranks with ties averaged (1-based).
std::vector<double> ranks(const std::vector<double>& v)
{
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < idx.size();) {
        size_t j = i;
        while (j + 1 < idx.size() && v[idx[j + 1]] == v[idx[i]]) {
            ++j;
        }
        for (size_t k = i; k <= j; ++k) {
            r[idx[k]] = (double(i + j) / 2.0) + 1.0;
        }
        i = j + 1;
    }
    return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b)
{
    const double n = double(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

// Kendall's tau-b.
double kendallTau(const std::vector<double>& a, const std::vector<double>& b)
{
    double concordant = 0, discordant = 0, tiesA = 0, tiesB = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        for (size_t j = i + 1; j < a.size(); ++j) {
            const double da = a[i] - a[j], db = b[i] - b[j];
            if (da == 0 && db == 0) {
                continue;
            }
            if (da == 0) {
                ++tiesA;
            } else if (db == 0) {
                ++tiesB;
            } else if ((da > 0) == (db > 0)) {
                ++concordant;
            } else {
                ++discordant;
            }
        }
    }
    const double denom = std::sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB));
    return denom > 0 ? (concordant - discordant) / denom : 0.0;
}

Json readJson(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return Json();
    }
    try {
        return Json::parse(in);
    } catch (const std::exception&) {
        return Json();
    }
}

void writeJson(const std::string& path, const Json& j)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump(2) << '\n';
    }
    std::filesystem::rename(tmp, path);
}

} // namespace

int main(int argc, char** argv)
{
    bool recompute = false;
    std::string modes = "separate,shared";
    std::vector<uint64_t> seeds { 1 }; // --seed S or --seeds FROM-TO: one supernet per seed, metrics averaged
    double lr = 0; // 0: the preset's
    int steps = 0; // supernet steps per epoch (at most a pass of the weight split), 0: the preset's
    int epochs = 0; // supernet epochs, 0: the preset's
    int warmup = -1; // weight-only epochs first, -1: the preset's
    int batch = 0; // supernet batch, 0: the preset's
    std::string refPath = std::string(DNA_BENCH_DATA_DIR) + "/accuracy_proxy_references.json";
    std::string keep; // --keep DIR: each mode's trained supernet is kept there and reused when present
    int sandwich = -1; // -1: the preset's
    std::string sandwichPaths = "largest"; // --sandwich-paths largest|smallest|both
    int ownBatches = -1; // the estimator's fit of a genotype's own weights, batches; -1: EstimateSpec's
    int bnBatches = 5; // the estimator's batch-norm calibration batches (the co-search's 5)
    std::string command = "bench_accuracy_proxy";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        command += " " + a;
        if (a == "--recompute") {
            recompute = true;
        } else if (a == "--modes" && i + 1 < argc) {
            modes = argv[++i];
            command += " " + modes;
        } else if (a == "--epochs" && i + 1 < argc) {
            epochs = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--warmup" && i + 1 < argc) {
            warmup = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--steps" && i + 1 < argc) {
            steps = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--lr" && i + 1 < argc) {
            lr = std::stod(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--batch" && i + 1 < argc) {
            batch = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if ((a == "--seed" || a == "--seeds") && i + 1 < argc) {
            const std::string list = argv[++i];
            command += " " + list;
            if (!bench::parseSeeds(list, seeds) || (a == "--seed" && seeds.size() != 1)) {
                std::fprintf(stderr, "%s takes %s, not '%s'\n", a.c_str(),
                    a == "--seed" ? "a seed S" : "S or FROM-TO (at most 100 seeds)", list.c_str());
                return 2;
            }
        } else if (a == "--sandwich" && i + 1 < argc) {
            sandwich = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--sandwich-paths" && i + 1 < argc) {
            sandwichPaths = argv[++i];
            command += " " + sandwichPaths;
            if (sandwichPaths != "largest" && sandwichPaths != "smallest" && sandwichPaths != "both") {
                std::fprintf(
                    stderr, "--sandwich-paths: '%s' is not largest, smallest or both\n", sandwichPaths.c_str());
                return 2;
            }
        } else if (a == "--own-batches" && i + 1 < argc) {
            ownBatches = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--bn-batches" && i + 1 < argc) {
            bnBatches = std::stoi(argv[++i]);
            command += std::string(" ") + argv[i];
        } else if (a == "--keep" && i + 1 < argc) {
            keep = argv[++i];
        } else if (a == "--references" && i + 1 < argc) {
            refPath = argv[++i];
            command += " " + refPath;
        } else {
            std::fprintf(stderr,
                "usage: bench_accuracy_proxy [--recompute] [--modes separate,shared] [--seed S | --seeds A-B] [--lr X] "
                "[--steps N] "
                "[--epochs E] [--warmup E] [--batch B] [--references FILE] [--sandwich N] [--sandwich-paths "
                "largest|smallest|both] "
                "[--own-batches N] [--bn-batches N] [--keep DIR]\n");
            return 2;
        }
    }
    auto loaded = nas::loadIdxDir(nas::defaultFashionMnistDir());
    if (!loaded) {
        std::fprintf(stderr, "bench_accuracy_proxy needs Fashion-MNIST: %s\n", loaded.error().detail.c_str());
        return 1;
    }
    const auto data = std::make_shared<const nas::TrainTest>(std::move(loaded).value());
    const auto& space = *workload::findSearchSpace("fmnist");
    const auto genotypes = calibrationGenotypes(space);
    const auto flops = nas::flopsTable(space);

    // References: reuse what the file holds for the same genotypes and schedule.
    const Json schedule { { "epochs", kReferenceEpochs }, { "trainer", "nas::runTraining (dna-cli train defaults)" },
        { "seed", 1 }, { "genotype_seed", kGenotypeSeed }, { "accuracy", "test split, 10,000 images" } };
    Json refs = recompute ? Json() : readJson(refPath);
    if (!refs.is_object() || refs.value("schedule", Json()) != schedule) {
        refs = Json { { "command", command }, { "schedule", schedule }, { "genotypes", Json::object() } };
    }
    std::vector<double> reference;
    for (const auto& g : genotypes) {
        const std::string label = nas::genotypeString(space, g);
        if (!refs["genotypes"].contains(label)) {
            const auto t0 = std::chrono::steady_clock::now();
            nas::TrainRequest tr;
            tr.genotype = label;
            tr.data = data;
            tr.epochs = kReferenceEpochs;
            tr.seed = 1;
            const auto r = nas::runTraining(tr, CancelToken {}, {});
            if (!r) {
                std::fprintf(stderr, "training %s failed: %s\n", label.c_str(), r.error().detail.c_str());
                return 1;
            }
            refs["genotypes"][label]
                = { { "test_accuracy", r->testAccuracy }, { "mflops", r->mflops }, { "seconds", seconds(t0) } };
            refs["command"] = command;
            writeJson(refPath, refs);
            std::fprintf(stderr, "reference %s: %.4f (%.0f s)\n", label.c_str(), r->testAccuracy, seconds(t0));
        }
        reference.push_back(refs["genotypes"][label]["test_accuracy"].get<double>());
    }
    bench::report("proxy_genotypes", double(genotypes.size()));
    bench::report("proxy_reference_epochs", kReferenceEpochs);

    const auto quick = cosearch::presetRequest("quick").value();
    std::stringstream modeList(modes);
    std::string mode;
    std::vector<std::pair<std::string, std::vector<double>>> estimates;
    while (std::getline(modeList, mode, ',')) {
        nas::WeightSharing sharing;
        if (!nas::parseWeightSharing(mode, sharing)) {
            std::fprintf(stderr, "--modes: '%s' is not separate or shared\n", mode.c_str());
            return 2;
        }
        std::map<std::string, double> sums; // metric -> sum over the seeds
        for (const uint64_t seed : seeds) {
            const std::string suffix = seeds.size() > 1 ? "_seed" + std::to_string(seed) : "";
            const auto report = [&](const std::string& metric, double value) {
                bench::report(metric + "_" + mode + suffix, value);
                sums[metric] += value;
            };
            const auto tmp = (keep.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(keep))
                / ("proxy-" + mode + (seeds.size() > 1 ? "-seed" + std::to_string(seed) : "") + ".pt");
            auto base = quick;
            base.data = data;
            base.seed = seed;
            nas::SearchRequest sr = cosearch::supernetRequest(base);
            sr.options.sharing = sharing;
            if (lr > 0) {
                sr.options.weightLr = lr;
            }
            if (steps > 0) {
                sr.maxStepsPerEpoch = steps;
            }
            if (epochs > 0) {
                sr.epochs = epochs;
            }
            if (batch > 0) {
                sr.batchSize = batch;
            }
            if (warmup >= 0) {
                sr.warmupEpochs = warmup;
            }
            if (sandwich >= 0) {
                sr.options.sandwichEvery = sandwich;
            }
            sr.options.sandwichPaths = sandwichPaths == "both" ? nas::SandwichPaths::Both
                : sandwichPaths == "smallest"                  ? nas::SandwichPaths::Smallest
                                                               : nas::SandwichPaths::Largest;
            sr.checkpointPath = tmp.string();
            // What made a kept supernet, beside it: a later --keep run with other training options is refused instead
            // of measuring estimates on weights trained some other way.
            const nlohmann::json trainedWith { { "seed", seed }, { "epochs", sr.epochs },
                { "warmup_epochs", sr.warmupEpochs }, { "max_steps_per_epoch", sr.maxStepsPerEpoch },
                { "batch_size", sr.batchSize }, { "weight_lr", sr.options.weightLr },
                { "sandwich_every", sr.options.sandwichEvery }, { "sandwich_paths", sandwichPaths } };
            const auto sidecar = std::filesystem::path(tmp.string() + ".json");
            if (!keep.empty() && std::filesystem::exists(tmp)) {
                nlohmann::json kept;
                std::ifstream in(sidecar);
                if (in) {
                    kept = nlohmann::json::parse(in, nullptr, false);
                }
                if (kept != trainedWith) {
                    std::fprintf(stderr,
                        "--keep: %s was trained with %s, this run asks for %s; remove it or give another --keep DIR\n",
                        tmp.string().c_str(),
                        kept.is_discarded() || kept.is_null() ? "unknown options" : kept.dump().c_str(),
                        trainedWith.dump().c_str());
                    return 2;
                }
            }
            if (keep.empty() || !std::filesystem::exists(tmp)) {
                const auto t0 = std::chrono::steady_clock::now();
                const auto searched = nas::runSearch(sr, CancelToken {}, {});
                if (!searched) {
                    std::fprintf(stderr, "search (%s) failed: %s\n", mode.c_str(), searched.error().detail.c_str());
                    return 1;
                }
                report("proxy_search_seconds", seconds(t0));
                if (!keep.empty()) {
                    std::ofstream(sidecar) << trainedWith.dump(2) << '\n';
                }
            }
            // As the search sets them (a kept supernet skips it): the threads, and large tensors kept on the heap,
            // without which every estimate's activations were fresh page-faulted mmaps (2.4 s per genotype, not 0.4).
            nas::setTrainingThreads(sr.threads);
            nas::SupernetOptions o = sr.options;
            o.seed = seed;
            auto net = nas::Supernet::create(space, o).value();
            if (auto e = net->load(tmp.string())) {
                std::fprintf(stderr, "%s\n", e->detail.c_str());
                return 1;
            }
            if (keep.empty()) {
                std::filesystem::remove(tmp);
            }
            // The co-search's held-out images: the first valImages of the validation split.
            const auto splits = nas::makeSplits(data->train.size(), 0.2, 0.1, seed);
            std::vector<int> heldOut(
                splits.val.begin(), splits.val.begin() + std::min<size_t>(splits.val.size(), size_t(quick.valImages)));
            std::vector<double> est;
            nas::EstimateSpec spec; // the co-search's estimator (nas::searchEstimateSpec)
            spec.calibrationBatches = bnBatches;
            spec.seed = seed + 7;
            if (ownBatches >= 0) {
                spec.ownWeightBatches = ownBatches;
            }
            const auto te = std::chrono::steady_clock::now();
            for (const auto& g : genotypes) {
                est.push_back(nas::estimateAccuracy(*net, data->train, splits.train, heldOut, g, spec));
            }
            report("proxy_estimate_seconds_per_genotype", seconds(te) / double(genotypes.size()));
            double gap = 0;
            for (size_t i = 0; i < est.size(); ++i) {
                gap += std::abs(est[i] - reference[i]) * 100.0;
            }
            report("proxy_kendall_tau", kendallTau(est, reference));
            report("proxy_spearman", pearson(ranks(est), ranks(reference)));
            report("proxy_mean_abs_gap_points", gap / double(est.size()));
            report("proxy_best_estimate", 100.0 * *std::max_element(est.begin(), est.end()));
            estimates.emplace_back(seeds.size() > 1 ? mode + "/s" + std::to_string(seed) : mode, est);
        }
        if (seeds.size() > 1) { // the means over the seeds (the search time only over the seeds that trained)
            for (const auto& [metric, sum] : sums) {
                if (metric != "proxy_search_seconds") {
                    bench::report(metric + "_" + mode, sum / double(seeds.size()));
                }
            }
        }
    }
    std::printf("\n%-44s %8s %9s", "genotype", "MFLOPs", "trained");
    for (const auto& [m, e] : estimates) {
        std::printf(" %9s", m.c_str());
    }
    std::printf("\n");
    for (size_t i = 0; i < genotypes.size(); ++i) {
        std::printf("%-44s %8.2f %8.2f%%", nas::genotypeString(space, genotypes[i]).c_str(),
            flops.genotypeCost(genotypes[i]), 100 * reference[i]);
        for (const auto& [m, e] : estimates) {
            std::printf(" %8.2f%%", 100 * e[i]);
        }
        std::printf("\n");
    }
    return 0;
}
