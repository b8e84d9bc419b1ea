#pragma once

#include "util/expected.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dna::store {
class RunStore;
}

namespace dna::app {

/// One design file per candidate, `candidate-<id>.json` in `dir` (created if missing), with the same content
/// as `dna-cli export --format json` (the stored design, validated, written atomically). Returns the paths
/// written; the Error (codes no_candidates, no_candidate, bad_design, write_failed) has a translated detail.
Expected<QStringList> exportDesignFiles(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir);

/// Timeloop inputs, one YAML per layer and candidate: `candidate-<id>_<NNN>_<layer>.yaml` in `dir`, each the
/// same text as `dna-cli export --format timeloop` writes for that layer.
Expected<QStringList> exportTimeloop(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir);

/// The candidates among `candidateIds` whose trained weights cannot be exported: not in the store, no weights
/// recorded (only retrained final networks have them: SearchRequest::retrain, the `paper` preset), or the
/// recorded file no longer exists.
QList<qint64> candidatesWithoutWeights(const store::RunStore& store, const QList<qint64>& candidateIds);

/// Whether the trained weights of every candidate in `candidateIds` (at least one) can be exported.
bool trainedWeightsAvailable(const store::RunStore& store, const QList<qint64>& candidateIds);

/// Copies each candidate's trained weights (a LibTorch file, see cosearch::finalWeightsPath) to
/// `candidate-<id>.weights.pt` in `dir`, byte for byte. Every candidate is checked first: if one has no weights
/// nothing is written. Error codes no_candidates, no_candidate, no_weights, weights_missing, write_failed, with a
/// translated detail naming the candidate.
Expected<QStringList> exportWeights(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir);

} // namespace dna::app
