#pragma once

#include "nas/dataset.h"

#include <cstdint>
#include <random>
#include <vector>

namespace dna::nas {

/// One normalised mini-batch in N x C x H x W float layout, ready to wrap as a tensor.
struct Batch {
    int n = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> images;
    std::vector<int64_t> labels;
};

/// Light augmentation: a random crop from the image zero-padded by `padCrop` pixels, and a random
/// horizontal flip (right for clothes and natural images, wrong for digits).
struct Augment {
    int padCrop = 0;
    bool flip = false;
};

/// Cycles through a subset of a dataset in seeded shuffled order, one batch at a time. Not thread-safe.
class BatchLoader {
public:
    BatchLoader(
        const Dataset& data, std::vector<int> indices, int batchSize, bool shuffle, Augment augment, uint64_t seed);

    /// The next batch; at the end of a pass the order is reshuffled and `epochDone()` turns true once.
    /// The last batch of a pass may be smaller; with `dropLast` it is skipped instead.
    const Batch& next();
    bool epochDone();
    int batchesPerEpoch() const;
    int size() const { return int(m_indices.size()); }
    void setDropLast(bool dropLast) { m_dropLast = dropLast; }

private:
    void fill(int start, int count);

    const Dataset& m_data;
    std::vector<int> m_indices;
    int m_batchSize;
    bool m_shuffle;
    Augment m_augment;
    std::mt19937_64 m_rng;
    size_t m_pos = 0;
    bool m_dropLast = false;
    bool m_wrapped = false;
    Batch m_batch;
};

/// A batch of the given images without augmentation (evaluation).
Batch makeBatch(const Dataset& data, const std::vector<int>& indices, int start, int count);

} // namespace dna::nas
