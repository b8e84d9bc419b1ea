#pragma once

// What leaves the store as files, for dna-cli export and the explorer's export alike: a candidate's stored design
// read and checked, the names of the files written for it, its Timeloop inputs, and the candidates as CSV.
#include "accel/cost_model.h"
#include "accel/design.h"
#include "io/json_io.h"
#include "store/run_store.h"
#include "util/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dna::store {

/// A candidate's design as the store keeps it: the JSON exactly as stored (what a design export writes) and the
/// design read from it.
struct StoredDesign {
    int64_t candidateId = 0;
    io::Json json;
    accel::Design design;
};

/// The stored design of a candidate. Errors: no_candidate (not in the store), bad_design (no design stored, as for
/// a candidate without a feasible accelerator, or one that does not read back; the detail says which).
[[nodiscard]] Expected<StoredDesign> loadStoredDesign(const RunStore& store, int64_t candidateId);

/// Where a candidate's stored per-layer figures (the store's layer_mappings, written when the candidate was
/// recorded) differ from the same design evaluated now (`cost` = accel::evaluateDesign(design)): one sentence
/// naming the first layer and figure that differ (relative tolerance 1e-9), for a store written by a build whose
/// cost model was different. Empty when they agree or when nothing is stored for the candidate.
std::string storedLayersDiffer(
    const std::vector<LayerMappingRecord>& stored, const accel::Design& design, const accel::DesignCost& cost);

/// Every design read and checked before anything is written, so a bad id leaves no partial export behind.
/// Errors: no_candidates (an empty list), and those of loadStoredDesign.
[[nodiscard]] Expected<std::vector<StoredDesign>> loadStoredDesigns(
    const RunStore& store, const std::vector<int64_t>& candidateIds);

/// A name from a network file made safe for a file name: every character but A-Z a-z 0-9 _ . - becomes '_'.
std::string fileSafeName(std::string_view name);

/// `candidate-<id>.json`.
std::string designFileName(int64_t candidateId);

/// `candidate-<id>_<NNN>_<layer>.yaml`: the layer's index in three digits and its file-safe name.
std::string timeloopFileName(int64_t candidateId, size_t layerIndex, const std::string& layerName);

/// `candidate-<id>.weights.pt`: a copy of a retrained candidate's weights.
std::string weightsFileName(int64_t candidateId);

/// Writes each design's JSON to `dir`/designFileName (the folder is created when missing). Returns the paths written.
/// Errors: bad_path (the folder cannot be created), write_failed.
[[nodiscard]] Expected<std::vector<std::string>> writeDesignFiles(
    const std::vector<StoredDesign>& designs, const std::string& dir);

/// Writes one Timeloop YAML per layer of each design (io::timeloopYaml) to `dir`/timeloopFileName.
[[nodiscard]] Expected<std::vector<std::string>> writeTimeloopFiles(
    const std::vector<StoredDesign>& designs, const std::string& dir);

/// One column of the candidates CSV: its header key and its value in a record, as the CSV writes it.
struct CandidateColumn {
    const char* key;
    std::string (*text)(const CandidateRecord& c);
};

/// Every column, in the order `dna-cli export --format csv` writes them: id, run, epoch, genotype, accuracy,
/// accuracy_kind, fps, latency_ms, energy_uj, edp, dsp, bram18, area_mm2, valid, on_front, estimate_epoch,
/// retrained_accuracy, retrained_epochs. Numbers are written in the shortest form that reads back to the same
/// double, flags as 0 or 1, a retrained accuracy that is not there as an empty field.
const std::vector<CandidateColumn>& candidateColumns();

/// The column with this key, or null.
const CandidateColumn* candidateColumn(std::string_view key);

/// One CSV field as RFC 4180 wants it: as is, or in double quotes (inner quotes doubled) when it holds a comma, a
/// quote or a line break.
std::string csvField(std::string_view text);

/// The shortest text (fewest characters, plain or with an exponent) that reads back to exactly `value` ("0.1",
/// "1234.5", "1e-07").
std::string shortestNumber(double value);

/// The candidates as RFC 4180 CSV: a header line of the columns' keys, then a line per record, lines ending in CRLF.
std::string candidatesCsv(
    const std::vector<const CandidateRecord*>& rows, const std::vector<const CandidateColumn*>& columns);

} // namespace dna::store
