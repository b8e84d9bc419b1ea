#include "nas/derivation.h"

#include <algorithm>
#include <cmath>

namespace dna::nas {

namespace {
std::vector<double> logSoftmax(const std::vector<float>& v)
{
    std::vector<double> out(v.size());
    if (v.empty()) {
        return out;
    }
    const double m = *std::max_element(v.begin(), v.end());
    double sum = 0;
    for (float x : v) {
        sum += std::exp(x - m);
    }
    const double lse = m + std::log(sum);
    for (size_t i = 0; i < v.size(); ++i) {
        out[i] = v[i] - lse;
    }
    return out;
}
} // namespace

std::vector<std::vector<double>> opProbabilities(const ArchLogits& logits)
{
    std::vector<std::vector<double>> p;
    for (const auto& row : logits) {
        auto l = logSoftmax(row);
        for (auto& x : l) {
            x = std::exp(x);
        }
        p.push_back(std::move(l));
    }
    return p;
}

std::vector<int> argmaxGenotype(const ArchLogits& logits)
{
    std::vector<int> g;
    for (const auto& row : logits) {
        g.push_back(int(std::max_element(row.begin(), row.end()) - row.begin()));
    }
    return g;
}

std::vector<std::vector<int>> topKGenotypes(const ArchLogits& logits, int k)
{
    struct Partial {
        double logp;
        std::vector<int> ops;
    };
    std::vector<Partial> beam { { 0.0, {} } };
    for (const auto& row : logits) {
        const auto lp = logSoftmax(row);
        std::vector<Partial> next;
        for (const auto& p : beam) {
            for (size_t o = 0; o < lp.size(); ++o) {
                Partial q = p;
                q.logp += lp[o];
                q.ops.push_back(int(o));
                next.push_back(std::move(q));
            }
        }
        // A prefix outside the top k stays outside: every extension adds the same per-layer choices.
        std::stable_sort(next.begin(), next.end(), [](const Partial& a, const Partial& b) { return a.logp > b.logp; });
        if (int(next.size()) > k) {
            next.resize(std::max(k, 0));
        }
        beam = std::move(next);
    }
    std::vector<std::vector<int>> out;
    for (auto& p : beam) {
        if (!p.ops.empty()) {
            out.push_back(std::move(p.ops));
        }
    }
    return out;
}

std::vector<int> sampleGenotype(const ArchLogits& logits, std::mt19937_64& rng, double tau)
{
    std::vector<int> g;
    for (const auto& row : logits) {
        std::vector<float> scaled(row.size());
        for (size_t i = 0; i < row.size(); ++i) {
            scaled[i] = float(row[i] / std::max(tau, 1e-6));
        }
        auto lp = logSoftmax(scaled);
        std::vector<double> w(lp.size());
        for (size_t i = 0; i < lp.size(); ++i) {
            w[i] = std::exp(lp[i]);
        }
        std::discrete_distribution<int> pick(w.begin(), w.end());
        g.push_back(pick(rng));
    }
    return g;
}

double genotypeLogProbability(const ArchLogits& logits, const std::vector<int>& genotype)
{
    double s = 0;
    for (size_t l = 0; l < logits.size() && l < genotype.size(); ++l) {
        s += logSoftmax(logits[l])[genotype[l]];
    }
    return s;
}

std::string genotypeString(const workload::SearchSpace& space, const std::vector<int>& genotype)
{
    std::string s = space.name + ":";
    for (size_t i = 0; i < genotype.size(); ++i) {
        s += (i ? "," : "") + space.ops.at(genotype[i]).name;
    }
    return s;
}

} // namespace dna::nas
