#include "nas/batch_loader.h"

#include <algorithm>

namespace dna::nas {

BatchLoader::BatchLoader(
    const Dataset& data, std::vector<int> indices, int batchSize, bool shuffle, Augment augment, uint64_t seed)
    : m_data(data)
    , m_indices(std::move(indices))
    , m_batchSize(std::max(1, batchSize))
    , m_shuffle(shuffle)
    , m_augment(augment)
    , m_rng(seed)
{
    if (m_shuffle) {
        std::shuffle(m_indices.begin(), m_indices.end(), m_rng);
    }
}

int BatchLoader::batchesPerEpoch() const
{
    const int n = size();
    return m_dropLast ? std::max(1, n / m_batchSize) : (n + m_batchSize - 1) / m_batchSize;
}

bool BatchLoader::epochDone()
{
    const bool done = m_wrapped;
    m_wrapped = false;
    return done;
}

const Batch& BatchLoader::next()
{
    const size_t n = m_indices.size();
    if (m_pos >= n || (m_dropLast && m_pos + m_batchSize > n && m_pos > 0)) {
        m_pos = 0;
        if (m_shuffle) {
            std::shuffle(m_indices.begin(), m_indices.end(), m_rng);
        }
    }
    const int count = int(std::min<size_t>(m_batchSize, n - m_pos));
    fill(int(m_pos), count);
    m_pos += count;
    if (m_pos >= n || (m_dropLast && m_pos + m_batchSize > n)) {
        m_wrapped = true;
    }
    return m_batch;
}

void BatchLoader::fill(int start, int count)
{
    const int c = m_data.channels, h = m_data.height, w = m_data.width;
    m_batch.n = count;
    m_batch.channels = c;
    m_batch.height = h;
    m_batch.width = w;
    m_batch.images.assign(size_t(count) * c * h * w, 0.f);
    m_batch.labels.resize(count);
    const int pad = m_augment.padCrop;
    std::uniform_int_distribution<int> shift(-pad, pad);
    std::bernoulli_distribution coin(0.5);
    for (int b = 0; b < count; ++b) {
        const int idx = m_indices[start + b];
        m_batch.labels[b] = m_data.labels[idx];
        const int dy = pad > 0 ? shift(m_rng) : 0;
        const int dx = pad > 0 ? shift(m_rng) : 0;
        const bool flip = m_augment.flip && coin(m_rng);
        const uint8_t* src = m_data.image(idx);
        float* dst = m_batch.images.data() + size_t(b) * c * h * w;
        for (int ch = 0; ch < c; ++ch) {
            const float mean = m_data.mean.empty() ? 0.f : m_data.mean[ch];
            const float scale = 1.f / (255.f * (m_data.stddev.empty() ? 1.f : m_data.stddev[ch]));
            // Padding is zero in pixel space, i.e. the normalised value of black.
            const float black = -mean * 255.f * scale;
            for (int y = 0; y < h; ++y) {
                const int sy = y + dy;
                for (int x = 0; x < w; ++x) {
                    const int sx0 = x + dx;
                    const int sx = flip ? w - 1 - sx0 : sx0;
                    float v = black;
                    if (sy >= 0 && sy < h && sx0 >= 0 && sx0 < w) {
                        v = (src[(size_t(ch) * h + sy) * w + sx] - mean * 255.f) * scale;
                    }
                    dst[(size_t(ch) * h + y) * w + x] = v;
                }
            }
        }
    }
}

Batch makeBatch(const Dataset& data, const std::vector<int>& indices, int start, int count)
{
    BatchLoader loader(
        data, std::vector<int>(indices.begin() + start, indices.begin() + start + count), count, false, Augment {}, 0);
    return loader.next();
}

} // namespace dna::nas
