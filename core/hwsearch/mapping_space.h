#pragma once

#include "accel/cost_model.h"
#include "hwsearch/knob_space.h"
#include "hwsearch/objective.h"

#include <array>
#include <vector>

namespace dna::hwsearch {

/// The mapping space of one layer on one engine, as knobs: a spatial unrolling (one of the best few for the
/// engine's dataflow and array), an RF tile and a GB tile per dimension (each "the i-th largest that still
/// fits", so every sample respects capacity and tile <= parent tile), then the GB and DRAM loop orders, one
/// position at a time without repetition (dimensions with a single iteration go last: their place changes
/// nothing). DRAM factors cover the rest. Cost: the LayerWeights combination of cycles and energy.
class LayerMappingSpace : public KnobSpace {
public:
    static constexpr int kSpatialChoices = 16;
    static constexpr int kTileChoices = 8;

    LayerMappingSpace(const workload::Layer& layer, const accel::Engine& engine, const accel::Platform& platform,
        bool doubleBuffer, LayerWeights weights);

    void reset() override;
    void choose(int k, int value) override;
    double evaluate() override;

    const accel::Mapping& mapping() const { return m_mapping; }
    const accel::LayerCost& lastCost() const { return m_cost; }
    int spatialCandidates() const { return int(m_spatial.size()); }
    void setWeights(LayerWeights w) { m_weights = w; }

    /// Knob indices.
    static constexpr int kSpatialKnob = 0;
    static constexpr int kRfKnob = 1;
    static constexpr int kGbKnob = 1 + workload::kDims;
    static constexpr int kGbOrderKnob = 1 + 2 * workload::kDims;
    static constexpr int kDramOrderKnob = 1 + 3 * workload::kDims;

protected:
    int allowedImpl(int k, uint8_t* mask) override;

private:
    struct Spatial {
        std::array<int, workload::kDims> row, col;
    };
    /// What a tile knob's candidates depend on: the knob, the level's tile of every dimension (the ones not
    /// chosen yet at 1) and the dimension's inner extent.
    using TileKey = std::array<int, workload::kDims + 2>;
    struct TileKeyHash {
        size_t operator()(const TileKey& key) const;
    };
    struct TileList {
        std::array<int, kTileChoices> values;
        int count = 0;
    };
    static constexpr size_t kMaxTileLists = 1 << 14; // past this the memory of them starts again
    /// An open-addressed table of candidate lists (linear probing, a power-of-two size at most half full): a search
    /// looks one up for every tile knob of every sample, and a node-based map's division and pointer chase showed
    /// in the profile.
    struct TileSlot {
        TileKey key;
        TileList list;
        bool used = false;
    };

    void buildSpatialCandidates();
    /// The candidates of tile knob k (a search asks for the same ones again and again: they are remembered).
    const TileList& tileCandidates(int k);
    /// The slot of `key` in the table: where it is, or the free slot where it goes.
    size_t slotOf(const TileKey& key) const;
    void computeTileCandidates(
        int d, bool gbLevel, const std::array<int, workload::kDims>& tile, int inner, TileList& out) const;
    bool fits(const std::array<int, workload::kDims>& tile, bool gbLevel) const;

    const workload::Layer& m_layer;
    const accel::Engine& m_engine;
    const accel::Platform& m_platform;
    bool m_doubleBuffer;
    LayerWeights m_weights;
    std::vector<Spatial> m_spatial;
    accel::Mapping m_mapping;
    accel::LayerCost m_cost;
    const TileList* m_candidates = nullptr; // tile values behind the current tile knob's choices
    std::vector<TileSlot> m_tileSlots;
    size_t m_tileCount = 0;
    unsigned m_usedGb = 0;
    unsigned m_usedDram = 0;
    int m_orderPos = 0;
};

} // namespace dna::hwsearch
