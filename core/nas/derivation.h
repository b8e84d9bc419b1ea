#pragma once

#include "workload/search_space.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace dna::nas {

/// Architecture logits: one vector per searchable layer, one entry per candidate op.
using ArchLogits = std::vector<std::vector<float>>;

/// softmax of each layer's logits.
std::vector<std::vector<double>> opProbabilities(const ArchLogits& logits);

/// The most likely op per layer (ties: the lower index).
std::vector<int> argmaxGenotype(const ArchLogits& logits);

/// The k most likely genotypes under the per-layer softmax (probability = product over layers), most likely
/// first; exact (a beam of k over layers keeps every genotype that can still be in the top k).
std::vector<std::vector<int>> topKGenotypes(const ArchLogits& logits, int k);

/// One genotype drawn from softmax(logits / tau) per layer.
std::vector<int> sampleGenotype(const ArchLogits& logits, std::mt19937_64& rng, double tau = 1.0);

/// log of the genotype's probability under the per-layer softmax.
double genotypeLogProbability(const ArchLogits& logits, const std::vector<int>& genotype);

/// "space:op,op,..." (the format core/workload parses).
std::string genotypeString(const workload::SearchSpace& space, const std::vector<int>& genotype);

} // namespace dna::nas
