#include "candidate_table.h"

#include "candidate_selection.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

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

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r'))) {
        return s;
    }
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvText(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QString:
        return csvField(v.toString());
    default:
        return v.toString();
    }
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
    static const char* const keys[ColumnCount] = { "run", "id", "epoch", "genotype", "accuracy", "accuracy_kind", "fps",
        "latency_ms", "energy_uj", "edp", "dsp", "bram18", "area_mm2", "on_front" };
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
            return c.accuracyKind == "retrained" ? tr("retrained")
                : c.accuracyKind == "supernet"   ? tr("supernet estimate")
                                                 : QString::fromStdString(c.accuracyKind);
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
        if (!c.valid) {
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
        row.designJson.clear();
        row.designJson.shrink_to_fit();
        emit dataChanged(index(*known, 0), index(*known, ColumnCount - 1));
    }
    if (fresh.empty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.reserve(m_rows.size() + fresh.size());
    for (const auto* c : fresh) {
        store::CandidateRecord row = *c;
        row.designJson = {}; // the design file can be tens of kB; the store has it
        m_rowOfId.insert(row.id, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

void CandidateTableModel::setFront(qint64 runId, const QSet<qint64>& ids)
{
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        auto& c = m_rows[size_t(row)];
        if (c.runId != runId) {
            continue;
        }
        const bool on = ids.contains(c.id);
        if (c.onFront != on) {
            c.onFront = on;
            firstChanged = firstChanged < 0 ? row : firstChanged;
            lastChanged = row;
        }
    }
    if (firstChanged >= 0) {
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1)); // the row's font changes too
    }
}

void CandidateTableModel::removeRun(qint64 runId)
{
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
}

void CandidateTableModel::clear()
{
    if (m_rows.empty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    endResetModel();
}

int CandidateTableModel::rowOfId(qint64 id) const { return m_rowOfId.value(id, -1); }

const store::CandidateRecord* CandidateTableModel::candidate(qint64 id) const
{
    const int row = rowOfId(id);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

// ---------------------------------------------------------------------------------------------------------------
// CandidateFilterProxy

CandidateFilterProxy::CandidateFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CandidateTableModel::SortRole);
    setDynamicSortFilter(true);
}

void CandidateFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_model = qobject_cast<CandidateTableModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void CandidateFilterProxy::setFrontOnly(bool on)
{
    if (m_frontOnly != on) {
        m_frontOnly = on;
        invalidateFilter();
    }
}

void CandidateFilterProxy::setMinAccuracy(double fraction)
{
    if (m_minAccuracy != fraction) {
        m_minAccuracy = fraction;
        invalidateFilter();
    }
}

void CandidateFilterProxy::setFpsRange(double minFps, double maxFps)
{
    if (m_minFps != minFps || m_maxFps != maxFps) {
        m_minFps = minFps;
        m_maxFps = maxFps;
        invalidateFilter();
    }
}

void CandidateFilterProxy::setMaxEnergyUj(double energyUj)
{
    if (m_maxEnergyUj != energyUj) {
        m_maxEnergyUj = energyUj;
        invalidateFilter();
    }
}

void CandidateFilterProxy::setGenotypeFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_genotype != trimmed) {
        m_genotype = trimmed;
        invalidateFilter();
    }
}

void CandidateFilterProxy::setVisibleRuns(const QSet<qint64>& runIds)
{
    if (m_runs != runIds) {
        m_runs = runIds;
        invalidateFilter();
    }
}

bool CandidateFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid()) {
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }
    const store::CandidateRecord& c = m_model->record(sourceRow);
    if (m_frontOnly && !c.onFront) {
        return false;
    }
    if (c.accuracy < m_minAccuracy || c.fps < m_minFps || c.fps > m_maxFps || c.energyUj > m_maxEnergyUj) {
        return false;
    }
    if (!m_runs.isEmpty() && !m_runs.contains(c.runId)) {
        return false;
    }
    if (!m_genotype.isEmpty()
        && !QLatin1String(c.genotype.data(), qsizetype(c.genotype.size())).contains(m_genotype, Qt::CaseInsensitive)) {
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// CandidateTableView

CandidateTableView::CandidateTableView(QWidget* parent)
    : QWidget(parent)
    , m_model(new CandidateTableModel(this))
    , m_proxy(new CandidateFilterProxy(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    // Rows leaving the proxy (filtered out, run removed) drop out of the table's selection, and rows inserted
    // above a selected range split it; neither is the user changing the selection. The guard goes up before the view's
    // selection model reacts (these connections come first) and down after it has (connected after setModel).
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { ++m_structural; });
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] { ++m_structural; });
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { ++m_structural; });
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { ++m_structural; });

    auto* bar = new QWidget(this);
    setupFilterBar(bar);

    m_table->setModel(m_proxy);
    // After the selection model's own handlers: it restores its selection on layoutChanged, which would undo a
    // re-selection made earlier.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { --m_structural; });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        --m_structural;
        reapplySelection();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        --m_structural;
        reapplySelection();
    });
    // Rows coming back (a filter relaxed) get their shared selection back.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent, int first, int last) {
        --m_structural;
        selectInsertedRows(parent, first, last);
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_proxy, signal, this, &CandidateTableView::updateCount);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CandidateTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CandidateTableView::updateCount);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    // Fixed starting widths: resizing to contents would measure every one of 50k rows.
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int c = 0; c < CandidateTableModel::ColumnCount; ++c) {
        const int title = m_table->fontMetrics().horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString())
            + 22; // room for the sort arrow
        header->resizeSection(c, std::max(title, digit * 6));
    }
    header->resizeSection(CandidateTableModel::GenotypeColumn, digit * 32);
    QFont bold = m_table->font();
    bold.setBold(true); // front rows are bold
    header->resizeSection(
        CandidateTableModel::AccuracyKindColumn, QFontMetrics(bold).horizontalAdvance(tr("supernet estimate")) + 16);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CandidateTableModel::IdColumn, Qt::AscendingOrder);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CandidateTableView::onTableSelectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid()) {
            emit activated(index.data(CandidateTableModel::IdRole).toLongLong());
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar);
    layout->addWidget(m_table, 1);
    updateCount();
}

void CandidateTableView::setupFilterBar(QWidget* bar)
{
    // Two rows, so the dock can be narrow: the text filters on top, the numeric ones below.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(4, 2, 4, 2);
    rows->setSpacing(2);
    auto* top = new QHBoxLayout;
    auto* row = new QHBoxLayout;
    top->setSpacing(6);
    row->setSpacing(6);
    rows->addLayout(top);
    rows->addLayout(row);

    m_frontOnly = new QCheckBox(tr("Front only"), bar);
    m_frontOnly->setToolTip(tr("Show only candidates on their run's Pareto front."));

    auto makeSpin = [bar](double max, int decimals, const QString& suffix, const QString& tip) {
        auto* spin = new QDoubleSpinBox(bar);
        spin->setRange(0, max);
        spin->setDecimals(decimals);
        spin->setSuffix(suffix);
        spin->setSpecialValueText(tr("any"));
        spin->setToolTip(tip);
        spin->setAccelerated(true);
        // Sized for ordinary values, not for the 10-digit maximum.
        spin->setMaximumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("00000.00 µJ")) + 36);
        return spin;
    };
    m_minAccuracy = makeSpin(100, 1, tr(" %"), tr("Minimum accuracy; 0 shows every accuracy."));
    m_minFps = makeSpin(1e9, 1, QString(), tr("Minimum frames per second; 0 shows every throughput."));
    m_maxEnergy = makeSpin(1e9, 2, tr(" µJ"), tr("Maximum energy per inference; 0 means no limit."));
    m_genotype = new QLineEdit(bar);
    m_genotype->setPlaceholderText(tr("Genotype contains…"));
    m_genotype->setClearButtonEnabled(true);
    m_genotype->setToolTip(tr("Show candidates whose genotype contains this text, e.g. k5e6 or skip,skip."));
    m_count = new QLabel(bar);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto addLabelled = [bar, row](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, bar);
        label->setBuddy(field);
        row->addWidget(label);
        row->addWidget(field);
    };
    top->addWidget(m_frontOnly);
    top->addWidget(m_genotype, 1);
    top->addWidget(m_count);
    addLabelled(tr("&Accuracy ≥"), m_minAccuracy);
    addLabelled(tr("&FPS ≥"), m_minFps);
    addLabelled(tr("&Energy ≤"), m_maxEnergy);
    row->addStretch(1);

    connect(m_frontOnly, &QCheckBox::toggled, this, &CandidateTableView::applyFilters);
    for (auto* spin : { m_minAccuracy, m_minFps, m_maxEnergy }) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &CandidateTableView::applyFilters);
    }
    connect(m_genotype, &QLineEdit::textChanged, this, &CandidateTableView::applyFilters);
}

void CandidateTableView::applyFilters()
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    m_proxy->setFrontOnly(m_frontOnly->isChecked());
    m_proxy->setMinAccuracy(m_minAccuracy->value() > 0 ? m_minAccuracy->value() / 100.0 : -inf);
    m_proxy->setFpsRange(m_minFps->value() > 0 ? m_minFps->value() : -inf, inf);
    m_proxy->setMaxEnergyUj(m_maxEnergy->value() > 0 ? m_maxEnergy->value() : inf);
    m_proxy->setGenotypeFilter(m_genotype->text());
    updateCount();
}

void CandidateTableView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    // No plural forms: there is no English translation file to supply them.
    m_count->setText(shown == total ? tr("Candidates: %1").arg(total) : tr("Shown: %1 of %2").arg(shown).arg(total));
}

void CandidateTableView::setSelectionModel(CandidateSelection* selection)
{
    if (m_selection) {
        disconnect(m_selection, nullptr, this, nullptr);
    }
    m_selection = selection;
    if (m_selection) {
        connect(m_selection, &CandidateSelection::changed, this, &CandidateTableView::onSharedSelectionChanged);
        selectIdsInTable(m_selection->ids(), true);
    }
}

void CandidateTableView::onTableSelectionChanged()
{
    if (m_syncing || m_structural > 0 || !m_selection) {
        return;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows) {
        ids.append(index.data(CandidateTableModel::IdRole).toLongLong());
    }
    // The row the user clicked last becomes the shared current candidate.
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {})) {
        const qint64 id = current.data(CandidateTableModel::IdRole).toLongLong();
        ids.removeOne(id);
        ids.append(id);
    }
    m_syncing = true;
    m_selection->select(ids);
    m_syncing = false;
}

void CandidateTableView::onSharedSelectionChanged(const QList<qint64>& ids)
{
    if (!m_syncing) {
        selectIdsInTable(ids, true);
    }
}

void CandidateTableView::reapplySelection()
{
    if (m_selection && m_structural == 0 && !m_syncing) {
        selectIdsInTable(m_selection->ids(), false);
    }
}

void CandidateTableView::selectInsertedRows(const QModelIndex& parent, int first, int last)
{
    if (!m_selection || m_selection->isEmpty() || m_syncing || m_structural > 0 || parent.isValid()) {
        return;
    }
    // Looked up through the inserted proxy rows: during rowsInserted the proxy's source-to-proxy map may
    // still be stale, its proxy-to-source map is not.
    const QList<qint64> shared = m_selection->ids();
    const QSet<qint64> wanted(shared.begin(), shared.end());
    QItemSelection selection;
    QModelIndex current;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const qint64 id = index.data(CandidateTableModel::IdRole).toLongLong();
        if (wanted.contains(id)) {
            selection.select(index, m_proxy->index(row, lastColumn));
            if (id == m_selection->current()) {
                current = index;
            }
        }
    }
    if (selection.isEmpty()) {
        return;
    }
    m_syncing = true;
    m_table->selectionModel()->select(selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (current.isValid()) {
        m_table->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    }
    m_syncing = false;
}

void CandidateTableView::selectIdsInTable(const QList<qint64>& ids, bool scroll)
{
    std::vector<int> rows;
    rows.reserve(size_t(ids.size()));
    for (qint64 id : ids) {
        const int sourceRow = m_model->rowOfId(id);
        if (sourceRow >= 0) {
            const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
            if (proxyIndex.isValid()) {
                rows.push_back(proxyIndex.row());
            }
        }
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (size_t i = 0; i < rows.size();) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] <= rows[j] + 1) {
            ++j;
        }
        selection.select(m_proxy->index(rows[i], 0), m_proxy->index(rows[j], lastColumn));
        i = j + 1;
    }
    m_syncing = true;
    QItemSelectionModel* sm = m_table->selectionModel();
    sm->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!ids.isEmpty()) {
        const int sourceRow = m_model->rowOfId(ids.last());
        const QModelIndex current
            = sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (current.isValid()) {
            sm->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
            if (scroll) {
                m_table->scrollTo(current);
            }
        }
    }
    m_syncing = false;
}

bool CandidateTableView::writeCsv(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    const QHeaderView* header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns.append(logical);
        }
    }
    const QLatin1String crlf("\r\n");
    QString line;
    for (int i = 0; i < columns.size(); ++i) {
        line += (i ? QStringLiteral(",") : QString()) + CandidateTableModel::csvKey(columns[i]);
    }
    file.write((line + crlf).toUtf8());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int sourceRow = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        const store::CandidateRecord& c = m_model->record(sourceRow);
        line.clear();
        for (int i = 0; i < columns.size(); ++i) {
            if (i) {
                line += QLatin1Char(',');
            }
            line += csvText(CandidateTableModel::rawValue(c, columns[i]));
        }
        file.write((line + crlf).toUtf8());
    }
    if (!file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace dna::widgets
