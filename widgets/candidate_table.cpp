#include "candidate_table.h"

#include "candidate_selection.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace dna::widgets {

namespace {

/// `significant` significant digits without switching to exponent notation for ordinary magnitudes.
QString formatSignificant(double v, int significant)
{
    if (v == 0 || !std::isfinite(v)) {
        return QLocale().toString(v, 'f', 0);
    }
    const int intDigits = int(std::floor(std::log10(std::fabs(v)))) + 1;
    const int decimals = std::max(0, significant - intDigits);
    if (decimals > 6 || intDigits > 9) {
        return QLocale().toString(v, 'g', significant);
    }
    return QLocale().toString(v, 'f', decimals);
}

bool isNumericColumn(int column)
{
    return column != CandidateTableModel::GenotypeColumn && column != CandidateTableModel::AccuracyKindColumn
        && column != CandidateTableModel::OnFrontColumn;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// CandidateTableModel

CandidateTableModel::CandidateTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int CandidateTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int CandidateTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CandidateTableModel::rawValue(const store::CandidateRecord& c, int column)
{
    switch (column) {
    case RunColumn:
        return qint64(c.runId);
    case IdColumn:
        return qint64(c.id);
    case EpochColumn:
        return c.epoch;
    case GenotypeColumn:
        return QString::fromStdString(c.genotype);
    case AccuracyColumn:
        return c.accuracy;
    case AccuracyKindColumn:
        return QString::fromStdString(c.accuracyKind);
    case RetrainedColumn:
        return c.retrainedAccuracy >= 0 ? QVariant(c.retrainedAccuracy) : QVariant();
    case FpsColumn:
        return c.fps;
    case LatencyColumn:
        return c.latencyMs;
    case EnergyColumn:
        return c.energyUj;
    case EdpColumn:
        return c.edp;
    case DspColumn:
        return c.dsp;
    case Bram18Column:
        return qint64(c.bram18);
    case AreaColumn:
        return c.areaMm2;
    case OnFrontColumn:
        return c.onFront;
    default:
        return {};
    }
}

QString CandidateTableModel::csvKey(int column)
{
    static const char* const keys[ColumnCount] = { "run", "id", "epoch", "genotype", "accuracy", "accuracy_kind",
        "retrained_accuracy", "fps", "latency_ms", "energy_uj", "edp", "dsp", "bram18", "area_mm2", "on_front" };
    return column >= 0 && column < ColumnCount ? QString::fromLatin1(keys[column]) : QString();
}

QVariant CandidateTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const store::CandidateRecord& c = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case GenotypeColumn:
            return QString::fromStdString(c.genotype);
        case EpochColumn:
            // Epoch -1: a network of the previous run, re-scored on this run's hardware when only the budget changed.
            return c.epoch < 0 ? tr("earlier") : QLocale().toString(c.epoch);
        case AccuracyColumn:
            return QLocale().toString(c.accuracy * 100, 'f', 2);
        case AccuracyKindColumn:
            if (c.accuracyKind == "supernet" && c.estimateEpoch >= 0) {
                return isStaleEstimate(c) ? tr("older estimate (epoch %1)").arg(c.estimateEpoch)
                                          : tr("estimate (epoch %1)").arg(c.estimateEpoch);
            }
            return c.accuracyKind == "retrained" ? tr("retrained")
                : c.accuracyKind == "supernet"   ? tr("supernet estimate")
                                                 : QString::fromStdString(c.accuracyKind);
        case RetrainedColumn:
            return c.retrainedAccuracy >= 0 ? QLocale().toString(c.retrainedAccuracy * 100, 'f', 2) : QString();
        case FpsColumn:
            return QLocale().toString(c.fps, 'f', 1);
        case LatencyColumn:
            return formatSignificant(c.latencyMs, 3);
        case EnergyColumn:
            return formatSignificant(c.energyUj, 3);
        case EdpColumn:
            return formatSignificant(c.edp, 3);
        case DspColumn:
            return QLocale().toString(c.dsp, 'f', 0);
        case AreaColumn:
            return formatSignificant(c.areaMm2, 3);
        case OnFrontColumn:
            return c.onFront ? QString(QChar(0x2713)) : QString();
        default:
            return rawValue(c, column);
        }
    case SortRole:
        return rawValue(c, column);
    case IdRole:
        return qint64(c.id);
    case Qt::TextAlignmentRole:
        if (column == OnFrontColumn) {
            return int(Qt::AlignCenter);
        }
        return int((isNumericColumn(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::FontRole: {
        // Front candidates in bold, so they stand out whichever columns are in view.
        if (column != GenotypeColumn && !c.onFront) {
            return {};
        }
        QFont font = column == GenotypeColumn ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
        font.setBold(c.onFront);
        return font;
    }
    case Qt::ForegroundRole:
        if (!c.valid || ((column == AccuracyColumn || column == AccuracyKindColumn) && isStaleEstimate(c))) {
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::ToolTipRole:
        if (!c.valid) {
            return tr("No feasible accelerator or mapping was found for this network within the budget.");
        }
        if (column == GenotypeColumn) {
            return QString::fromStdString(c.genotype);
        }
        if ((column == AccuracyColumn || column == AccuracyKindColumn) && isStaleEstimate(c)) {
            return tr("Estimated with the supernet weights of epoch %1; the run's front was estimated again with the "
                      "weights of epoch %2, this candidate (off the front) was not.")
                .arg(c.estimateEpoch)
                .arg(m_latestEstimate.value(c.runId));
        }
        if (column == EpochColumn && c.epoch < 0) {
            return tr("Found by the run this one relaunched; its accelerator was searched again for this run's "
                      "budget, its accuracy is the earlier estimate.");
        }
        return {};
    default:
        return {};
    }
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RunColumn:
            return tr("Run");
        case IdColumn:
            return tr("Candidate");
        case EpochColumn:
            return tr("Epoch");
        case GenotypeColumn:
            return tr("Genotype");
        case AccuracyColumn:
            return tr("Accuracy (%)");
        case AccuracyKindColumn:
            return tr("Accuracy kind");
        case FpsColumn:
            return tr("FPS");
        case LatencyColumn:
            return tr("Latency (ms)");
        case EnergyColumn:
            return tr("Energy (µJ)");
        case EdpColumn:
            return tr("EDP (µJ·ms)");
        case DspColumn:
            return tr("DSP");
        case Bram18Column:
            return tr("BRAM18");
        case AreaColumn:
            return tr("Area (mm²)");
        case OnFrontColumn:
            return tr("On front");
        case RetrainedColumn:
            return tr("Trained (%)");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RunColumn:
            return tr("The search run that evaluated this candidate.");
        case IdColumn:
            return tr("The candidate's id in the run store (dna-cli export --candidate ID).");
        case EpochColumn:
            return tr("The supernet training epoch after which the network was sampled.");
        case GenotypeColumn:
            return tr("The network: search space, then the op chosen at each searchable layer (kernel size k, "
                      "expansion e, groups g; skip = identity).");
        case AccuracyColumn:
            return tr("Top-1 validation accuracy. See Accuracy kind for how it was measured.");
        case AccuracyKindColumn:
            return tr("Supernet estimate: measured with the shared supernet weights (fast, ranks networks but "
                      "underestimates them). Retrained: the network trained on its own.");
        case RetrainedColumn:
            return tr("Test accuracy of the network trained from scratch (Search > Train from Scratch), empty "
                      "when it was not trained.");
        case FpsColumn:
            return tr("Frames per second of one inference stream on the searched accelerator (1 / latency).");
        case LatencyColumn:
            return tr("Latency of one inference in milliseconds, from the analytical cost model.");
        case EnergyColumn:
            return tr("Energy per inference in microjoules: MACs, register files, NoC, global buffer and DRAM.");
        case EdpColumn:
            return tr("Energy-delay product: energy per inference (µJ) × latency (ms). Lower is better.");
        case DspColumn:
            return tr("DSP slices the accelerator uses (FPGA platforms).");
        case Bram18Column:
            return tr("18 Kb block RAMs the accelerator's buffers use (FPGA platforms).");
        case AreaColumn:
            return tr("Silicon area of the accelerator in mm² (ASIC platforms).");
        case OnFrontColumn:
            return tr("Whether the candidate is on its run's Pareto front of accuracy against the run's "
                      "objective.");
        }
    }
    if (role == Qt::TextAlignmentRole) {
        return int((isNumericColumn(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void CandidateTableModel::appendCandidates(const std::vector<store::CandidateRecord>& candidates)
{
    std::vector<const store::CandidateRecord*> fresh;
    QSet<qint64> freshIds;
    bool newerEpoch = false;
    fresh.reserve(candidates.size());
    for (const auto& c : candidates) {
        const auto known = m_rowOfId.constFind(c.id);
        if (known == m_rowOfId.cend()) {
            if (!freshIds.contains(c.id)) {
                freshIds.insert(c.id);
                fresh.push_back(&c);
            }
            continue;
        }
        // A candidate reported again (rescored, retrained) is updated where it is.
        store::CandidateRecord& row = m_rows[size_t(*known)];
        row = c;
        newerEpoch = noteEstimateEpoch(row) || newerEpoch;
        row.designJson.clear();
        row.designJson.shrink_to_fit();
        emit dataChanged(index(*known, 0), index(*known, ColumnCount - 1));
    }
    if (!fresh.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        // No reserve(size + fresh): that would move every record on every append; push_back's growth does not.
        for (const auto* c : fresh) {
            store::CandidateRecord row = *c;
            row.designJson = {}; // the design file can be tens of kB; the store has it
            newerEpoch = noteEstimateEpoch(row) || newerEpoch;
            m_rowOfId.insert(row.id, int(m_rows.size()));
            m_rowsOfRun[row.runId].push_back(int(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    if (newerEpoch) {
        emitLookChanged();
    }
}

bool CandidateTableModel::noteEstimateEpoch(const store::CandidateRecord& c)
{
    if (c.accuracyKind == "supernet" && c.estimateEpoch > m_latestEstimate.value(c.runId, -1)) {
        m_latestEstimate.insert(c.runId, c.estimateEpoch);
        return true;
    }
    return false;
}

bool CandidateTableModel::isStaleEstimate(const store::CandidateRecord& c) const
{
    return c.accuracyKind == "supernet" && c.estimateEpoch >= 0
        && c.estimateEpoch < m_latestEstimate.value(c.runId, -1);
}

void CandidateTableModel::updateEstimates(const std::vector<store::EstimateRecord>& estimates)
{
    std::vector<std::pair<int, const store::EstimateRecord*>> changes;
    for (const auto& e : estimates) {
        const auto row = m_rowOfId.constFind(e.candidateId);
        if (row != m_rowOfId.cend()) {
            changes.emplace_back(*row, &e);
        }
    }
    bool newerEpoch = false;
    changeRows(std::move(changes), [&](store::CandidateRecord& c, const store::EstimateRecord* e) {
        c.accuracy = e->accuracy;
        c.accuracyKind = e->kind;
        c.estimateEpoch = e->epoch;
        newerEpoch = noteEstimateEpoch(c) || newerEpoch;
    });
    // A newer epoch can make any row of the run an older estimate: every row may look different (grey, its kind's
    // text and tooltip), but no value the filter or the sort reads changed.
    if (newerEpoch) {
        emitLookChanged();
    }
}

template <typename T, typename Apply>
void CandidateTableModel::changeRows(std::vector<std::pair<int, T>> changes, Apply apply)
{
    // Block by block of adjacent rows, each changed just before its signal, so that every signal names all the rows
    // that changed since the one before (a proxy sorting a million rows relies on the others being as they were),
    // and one signal covers a block, not the span of all the changes.
    std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < changes.size();) {
        size_t j = i;
        while (j + 1 < changes.size() && changes[j + 1].first <= changes[j].first + 1) {
            ++j;
        }
        for (size_t k = i; k <= j; ++k) {
            apply(m_rows[size_t(changes[k].first)], changes[k].second);
        }
        emit dataChanged(index(changes[i].first, 0), index(changes[j].first, ColumnCount - 1));
        i = j + 1;
    }
}

void CandidateTableModel::emitLookChanged()
{
    if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
            { Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole });
    }
}

void CandidateTableModel::setFront(qint64 runId, const QSet<qint64>& ids)
{
    std::vector<std::pair<int, bool>> changes;
    const auto rows = m_rowsOfRun.constFind(runId); // not a pass over every run's rows: a sweep shows a million
    if (rows != m_rowsOfRun.cend()) {
        for (int row : *rows) {
            const auto& c = m_rows[size_t(row)];
            if (c.onFront != ids.contains(c.id)) {
                changes.emplace_back(row, !c.onFront); // the row's font changes too
            }
        }
    }
    changeRows(std::move(changes), [](store::CandidateRecord& c, bool on) { c.onFront = on; });
}

void CandidateTableModel::removeRun(qint64 runId)
{
    m_latestEstimate.remove(runId);
    if (m_rowsOfRun.remove(runId) == 0) {
        return;
    }
    // Remove contiguous blocks from the end, so earlier rows keep their numbers while we go.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (m_rows[size_t(row)].runId != runId) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && m_rows[size_t(row - 1)].runId == runId) {
            --row;
        }
        const int first = row;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            m_rowOfId.remove(m_rows[size_t(r)].id);
        }
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        for (int r = first; r < int(m_rows.size()); ++r) {
            m_rowOfId[m_rows[size_t(r)].id] = r;
        }
        endRemoveRows();
        --row;
    }
    for (auto& rows : m_rowsOfRun) { // the rows after the removed ones moved up
        rows.clear();
    }
    for (int r = 0; r < int(m_rows.size()); ++r) {
        m_rowsOfRun[m_rows[size_t(r)].runId].push_back(r);
    }
}

void CandidateTableModel::clear()
{
    if (m_rows.empty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    m_rowsOfRun.clear();
    m_latestEstimate.clear();
    endResetModel();
}

int CandidateTableModel::rowOfId(qint64 id) const { return m_rowOfId.value(id, -1); }

const store::CandidateRecord* CandidateTableModel::candidate(qint64 id) const
{
    const int row = rowOfId(id);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

} // namespace dna::widgets
