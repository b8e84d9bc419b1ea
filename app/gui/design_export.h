#pragma once

#include "util/expected.h"

#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

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

/// Writes a model's top-level rows as CSV (RFC 4180: comma separated, CRLF, fields with a comma, quote or line
/// break quoted, quotes doubled): the horizontal headers, then one line per row the model has (for a proxy,
/// the visible rows). Each cell is the Qt::UserRole value when valid (raw numbers), else the DisplayRole.
bool writeModelCsv(const QAbstractItemModel* model, const QString& path, QString* error);

/// Whether trained weights of a candidate can be exported. The co-search keeps no trained weights (it only
/// writes a supernet checkpoint while it runs; retrained accuracies are measured and the weights dropped), so
/// this is false until the store records them.
bool trainedWeightsAvailable(const store::RunStore& store, const QList<qint64>& candidateIds);

} // namespace dna::app
