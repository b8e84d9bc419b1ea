#include "hwsearch/mapping_space.h"

#include "accel/dataflow.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dna::hwsearch {

using namespace dna::accel;
using namespace dna::workload;

namespace {

int ceilDiv(int a, int b) { return (a + b - 1) / b; }

/// Factors worth using for an extent: for each pass count the smallest factor that needs that many passes.
std::vector<int> efficientFactors(int extent, int limit)
{
    std::vector<int> out;
    for (int passes = ceilDiv(extent, std::max(1, std::min(extent, limit))); passes <= extent; ++passes) {
        const int f = ceilDiv(extent, passes);
        if (out.empty() || f < out.back()) {
            out.push_back(f);
        }
        if (f == 1) {
            break;
        }
    }
    return out;
}

std::vector<Knob> makeKnobs()
{
    std::vector<Knob> knobs;
    auto indices = [](int n) {
        std::vector<std::string> v;
        for (int i = 0; i < n; ++i) {
            v.push_back(std::to_string(i));
        }
        return v;
    };
    knobs.push_back({ "spatial", indices(LayerMappingSpace::kSpatialChoices) });
    for (const char* level : { "rf", "gb" }) {
        for (int d = 0; d < kDims; ++d) {
            knobs.push_back({ std::string(level) + "." + kDimNames[d], indices(LayerMappingSpace::kTileChoices) });
        }
    }
    std::vector<std::string> dims;
    for (char c : kDimNames) {
        dims.push_back(std::string(1, c));
    }
    for (const char* level : { "gb_order", "dram_order" }) {
        for (int i = 0; i < kDims; ++i) {
            knobs.push_back({ std::string(level) + "." + std::to_string(i), dims });
        }
    }
    return knobs;
}

} // namespace

LayerMappingSpace::LayerMappingSpace(
    const Layer& layer, const Engine& engine, const Platform& platform, bool doubleBuffer, LayerWeights weights)
    : m_layer(layer)
    , m_engine(engine)
    , m_platform(platform)
    , m_doubleBuffer(doubleBuffer)
    , m_weights(weights)
{
    static const std::vector<Knob> knobs = makeKnobs();
    setKnobs(knobs);
    buildSpatialCandidates();
    reset();
}

void LayerMappingSpace::buildSpatialCandidates()
{
    const Dataflow& df = dataflows()[m_engine.dataflow];
    struct Scored {
        Spatial s;
        double steps;
        int pes;
    };
    std::vector<Scored> all;
    Spatial cur {};
    cur.row.fill(1);
    cur.col.fill(1);
    // Depth-first over the row dims then the column dims, each factor from the efficient list.
    std::vector<std::pair<int, bool>> slots;
    for (int d : df.rowDims) {
        slots.push_back({ d, true });
    }
    for (int d : df.colDims) {
        slots.push_back({ d, false });
    }
    auto recurse = [&](auto&& self, size_t i, int rowsLeft, int colsLeft) -> void {
        if (all.size() > 4096) {
            return;
        }
        if (i == slots.size()) {
            double steps = 1;
            int pes = 1;
            for (int d = 0; d < kDims; ++d) {
                const int s = cur.row[d] * cur.col[d];
                steps *= ceilDiv(m_layer.dims[d], s);
                pes *= s;
            }
            all.push_back({ cur, steps, pes });
            return;
        }
        const auto [d, isRow] = slots[i];
        const int already = cur.row[d] * cur.col[d];
        const int remaining = ceilDiv(m_layer.dims[d], already);
        const int limit = isRow ? rowsLeft : colsLeft;
        for (int f : efficientFactors(remaining, limit)) {
            (isRow ? cur.row[d] : cur.col[d]) = f;
            self(self, i + 1, isRow ? rowsLeft / f : rowsLeft, isRow ? colsLeft : colsLeft / f);
        }
        (isRow ? cur.row[d] : cur.col[d]) = 1;
    };
    recurse(recurse, 0, m_engine.rows, m_engine.cols);
    std::sort(all.begin(), all.end(),
        [](const Scored& a, const Scored& b) { return a.steps != b.steps ? a.steps < b.steps : a.pes < b.pes; });
    m_spatial.clear();
    for (const auto& s : all) {
        if (int(m_spatial.size()) == kSpatialChoices) {
            break;
        }
        m_spatial.push_back(s.s);
    }
}

bool LayerMappingSpace::fits(const std::array<int, kDims>& tile, bool gbLevel) const
{
    const Layer& l = m_layer;
    // With partial double buffering the loop order decides which tiles get a second copy, and it is chosen after the
    // tiles: the candidates assume one copy, and the cost model rejects an order whose second copies do not fit.
    const double copies = gbLevel && m_doubleBuffer && !m_platform.partialDoubleBuffer ? 2.0 : 1.0;
    double total = 0;
    for (int o = 0; o < kOperands; ++o) {
        const double w = tileWords(Operand(o), tile, l.strideY, l.strideX);
        const double bytes = w * l.operandBits(Operand(o)) / 8.0 * copies;
        if (gbLevel) {
            if (!m_engine.gbShared() && bytes > m_engine.gbShare[o] * double(m_engine.gbBytes) + 1e-9) {
                return false;
            }
        } else if (!m_engine.rfShared() && bytes > m_engine.rfSplit[o] + 1e-9) {
            return false;
        }
        total += bytes;
    }
    if (gbLevel) {
        return !m_engine.gbShared() || total <= double(m_engine.gbBytes) + 1e-9;
    }
    return !m_engine.rfShared() || total <= m_engine.rfBytes + 1e-9;
}

size_t LayerMappingSpace::TileKeyHash::operator()(const TileKey& key) const
{
    uint64_t h = 1469598103934665603ULL; // FNV-1a over the ints
    for (int v : key) {
        h = (h ^ uint32_t(v)) * 1099511628211ULL;
    }
    return size_t(h ^ (h >> 29));
}

size_t LayerMappingSpace::slotOf(const TileKey& key) const
{
    const size_t mask = m_tileSlots.size() - 1;
    size_t i = TileKeyHash {}(key)&mask;
    while (m_tileSlots[i].used && m_tileSlots[i].key != key) {
        i = (i + 1) & mask;
    }
    return i;
}

const LayerMappingSpace::TileList& LayerMappingSpace::tileCandidates(int k)
{
    const bool gbLevel = k >= kGbKnob;
    const int d = (k - kRfKnob) % kDims;
    // The tile currently chosen for every dimension at this level (dims not chosen yet are at 1).
    TileKey key;
    key[0] = k;
    for (int i = 0; i < kDims; ++i) {
        key[size_t(i) + 1] = gbLevel
            ? std::min(m_mapping.rf[i] * m_mapping.spatial(i) * m_mapping.gb[i], m_layer.dims[i])
            : std::min(m_mapping.rf[i], m_layer.dims[i]);
    }
    key[kDims + 1] = gbLevel ? m_mapping.rf[d] * m_mapping.spatial(d) : m_mapping.spatial(d);
    if (m_tileSlots.empty()) {
        m_tileSlots.resize(1024);
    }
    size_t i = slotOf(key);
    if (m_tileSlots[i].used) {
        return m_tileSlots[i].list;
    }
    if (2 * (m_tileCount + 1) > m_tileSlots.size()) {
        if (m_tileSlots.size() < 2 * kMaxTileLists) {
            std::vector<TileSlot> old(m_tileSlots.size() * 2);
            old.swap(m_tileSlots);
            for (const TileSlot& s : old) {
                if (s.used) {
                    m_tileSlots[slotOf(s.key)] = s;
                }
            }
        } else {
            for (TileSlot& s : m_tileSlots) {
                s.used = false;
            }
            m_tileCount = 0;
        }
        i = slotOf(key);
    }
    TileSlot& slot = m_tileSlots[i];
    slot.key = key;
    slot.used = true;
    ++m_tileCount;
    std::array<int, kDims> tile;
    std::copy(key.begin() + 1, key.begin() + 1 + kDims, tile.begin());
    computeTileCandidates(d, gbLevel, tile, key[kDims + 1], slot.list);
    return slot.list;
}

void LayerMappingSpace::computeTileCandidates(
    int d, bool gbLevel, const std::array<int, kDims>& tile, int innerOrSpatial, TileList& out) const
{
    out.count = 0;
    const int inner = gbLevel ? innerOrSpatial : 1;
    const int q = ceilDiv(m_layer.dims[d], innerOrSpatial);
    auto extentOf = [&](int t) { return std::min(gbLevel ? inner * t : t, m_layer.dims[d]); };
    // Largest efficient factor that fits (fitting is monotone in the factor): binary search over pass counts.
    int lo = 1;
    int hi = q;
    auto fitsWith = [&](int passes) {
        auto t = tile;
        t[d] = extentOf(ceilDiv(q, passes));
        return fits(t, gbLevel);
    };
    if (!fitsWith(q)) {
        return; // not even a factor of 1 fits
    }
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (fitsWith(mid)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    const int largest = ceilDiv(q, lo);
    // Then a geometric ladder down to 1.
    const double ratio = std::max(2.0, std::pow(double(largest), 1.0 / (kTileChoices - 1)));
    double target = largest;
    while (out.count < kTileChoices) {
        const int t = std::max(1, ceilDiv(q, ceilDiv(q, std::max(1, int(target)))));
        if (out.count == 0 || t < out.values[size_t(out.count) - 1]) {
            out.values[size_t(out.count++)] = t;
        }
        if (t == 1) {
            break;
        }
        target = std::floor(target / ratio);
        if (target < 1) {
            target = 1;
        }
    }
}

void LayerMappingSpace::reset()
{
    m_mapping = Mapping {};
    m_usedGb = m_usedDram = 0;
    m_orderPos = 0;
}

int LayerMappingSpace::allowedImpl(int k, uint8_t* mask)
{
    const int size = knobs()[k].size();
    std::fill(mask, mask + size, uint8_t(0));
    if (k == kSpatialKnob) {
        for (int i = 0; i < int(m_spatial.size()); ++i) {
            mask[i] = 1;
        }
        return int(m_spatial.size());
    }
    if (k < kGbOrderKnob) {
        m_candidates = &tileCandidates(k);
        if (m_candidates->count == 0) {
            mask[0] = 1; // nothing fits: the single-word tile, which the cost model will reject
            return 1;
        }
        std::fill(mask, mask + m_candidates->count, uint8_t(1));
        return m_candidates->count;
    }
    const bool gbLevel = k < kDramOrderKnob;
    const unsigned used = gbLevel ? m_usedGb : m_usedDram;
    int n = 0;
    for (int d = 0; d < kDims; ++d) {
        const int f = gbLevel ? m_mapping.gb[d] : m_mapping.dram[d];
        if (!(used & (1u << d)) && f > 1) {
            mask[d] = 1;
            ++n;
        }
    }
    if (n == 0) {
        for (int d = 0; d < kDims; ++d) {
            if (!(used & (1u << d))) {
                mask[d] = 1;
                return 1;
            }
        }
    }
    return n;
}

void LayerMappingSpace::choose(int k, int value)
{
    if (k == kSpatialKnob) {
        const Spatial& s = m_spatial.empty() ? Spatial {} : m_spatial[std::min(value, int(m_spatial.size()) - 1)];
        m_mapping.spatialRow = s.row;
        m_mapping.spatialCol = s.col;
        if (m_spatial.empty()) {
            m_mapping.spatialRow.fill(1);
            m_mapping.spatialCol.fill(1);
        }
        return;
    }
    if (k < kGbOrderKnob) {
        const bool gbLevel = k >= kGbKnob;
        const int d = (k - kRfKnob) % kDims;
        // allowed() for this knob set m_candidates just before.
        const int n = m_candidates ? m_candidates->count : 0;
        const int t = n == 0 ? 1 : m_candidates->values[size_t(std::min(value, n - 1))];
        (gbLevel ? m_mapping.gb[d] : m_mapping.rf[d]) = t;
        if (gbLevel && d == kDims - 1) {
            for (int i = 0; i < kDims; ++i) {
                m_mapping.dram[i] = ceilDiv(m_layer.dims[i], m_mapping.rf[i] * m_mapping.spatial(i) * m_mapping.gb[i]);
            }
        }
        return;
    }
    const bool gbLevel = k < kDramOrderKnob;
    const int pos = (k - kGbOrderKnob) % kDims;
    (gbLevel ? m_mapping.order[Mapping::GbLevel] : m_mapping.order[Mapping::DramLevel])[pos] = value;
    (gbLevel ? m_usedGb : m_usedDram) |= 1u << value;
}

double LayerMappingSpace::evaluate()
{
    m_cost = evaluateLayer(m_layer, m_engine, m_mapping, m_platform, m_doubleBuffer);
    if (!m_cost.valid()) {
        return std::numeric_limits<double>::infinity();
    }
    return m_weights.cyclesWeight * m_cost.cycles + m_weights.energyWeight * m_cost.energyPj.total();
}

} // namespace dna::hwsearch
