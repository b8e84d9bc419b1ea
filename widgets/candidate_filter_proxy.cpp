// CandidateFilterProxy: the candidates table's filtered, sorted view of CandidateTableModel. The order is one vector of
// source rows; see the class comment for how rows arriving into a sorted million are placed.
#include "candidate_table.h"

#include "candidate_selection.h" // CandidateTableView's QPointer needs the whole type

#include <algorithm>
#include <cmath>
#include <limits>

namespace dna::widgets {

namespace {

/// At most this many separate insertions or removals for one change; past it, one insertion and a merge (or a reset,
/// for removals), since every insertion moves the rest of the order and the view's row headers.
constexpr size_t kMaxSeparateChanges = 16;

template <typename T> int threeWay(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }

/// The column's raw value as a number, for the columns that hold one (all but the genotype and the accuracy kind);
/// NaN as -infinity, so the order stays a strict weak one. An untrained candidate's retrained accuracy (-1) sorts
/// below every trained one.
bool numericKey(const store::CandidateRecord& c, int column, double* key)
{
    using M = CandidateTableModel;
    double v = 0;
    switch (column) {
    case M::RunColumn:
        v = double(c.runId);
        break;
    case M::IdColumn:
        v = double(c.id);
        break;
    case M::EpochColumn:
        v = c.epoch;
        break;
    case M::AccuracyColumn:
        v = c.accuracy;
        break;
    case M::RetrainedColumn:
        v = c.retrainedAccuracy;
        break;
    case M::FpsColumn:
        v = c.fps;
        break;
    case M::LatencyColumn:
        v = c.latencyMs;
        break;
    case M::EnergyColumn:
        v = c.energyUj;
        break;
    case M::EdpColumn:
        v = c.edp;
        break;
    case M::DspColumn:
        v = c.dsp;
        break;
    case M::Bram18Column:
        v = double(c.bram18);
        break;
    case M::AreaColumn:
        v = c.areaMm2;
        break;
    case M::OnFrontColumn:
        v = c.onFront ? 1 : 0;
        break;
    default: // the genotype, the accuracy kind
        return false;
    }
    *key = std::isnan(v) ? -std::numeric_limits<double>::infinity() : v;
    return true;
}

/// The records compared on a column's raw value (CandidateTableModel::rawValue): the same keys the sort reads, so
/// a binary search agrees with a sort.
int compareOn(const store::CandidateRecord& a, const store::CandidateRecord& b, int column)
{
    double ka = 0;
    double kb = 0;
    if (numericKey(a, column, &ka)) {
        numericKey(b, column, &kb);
        return threeWay(ka, kb);
    }
    switch (column) {
    case CandidateTableModel::GenotypeColumn:
        return threeWay(a.genotype, b.genotype);
    case CandidateTableModel::AccuracyKindColumn:
        return threeWay(a.accuracyKind, b.accuracyKind);
    default:
        return 0;
    }
}

/// `add` (sorted) put into `order` (sorted) before the rows at `at` (non-decreasing positions in `order`): block
/// copies, no comparisons.
std::vector<int> mergeAt(const std::vector<int>& order, const std::vector<int>& add, const std::vector<size_t>& at)
{
    std::vector<int> out;
    out.reserve(order.size() + add.size());
    size_t from = 0;
    for (size_t i = 0; i < add.size(); ++i) {
        out.insert(out.end(), order.begin() + std::ptrdiff_t(from), order.begin() + std::ptrdiff_t(at[i]));
        out.push_back(add[i]);
        from = at[i];
    }
    out.insert(out.end(), order.begin() + std::ptrdiff_t(from), order.end());
    return out;
}

} // namespace

CandidateFilterProxy::CandidateFilterProxy(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

void CandidateFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    beginResetModel();
    QAbstractProxyModel::setSourceModel(model);
    m_model = qobject_cast<CandidateTableModel*>(model);
    Q_ASSERT_X(!model || m_model, "CandidateFilterProxy", "the source must be a CandidateTableModel");
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &CandidateFilterProxy::sourceRowsInserted);
        connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &CandidateFilterProxy::sourceRowsAboutToBeRemoved);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CandidateFilterProxy::sourceRowsRemoved);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &CandidateFilterProxy::sourceDataChanged);
        // The model resets but never re-lays out its rows; either way, everything is read again.
        const auto begin = [this] { beginResetModel(); };
        const auto end = [this] {
            rebuild();
            endResetModel();
        };
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, begin);
        connect(m_model, &QAbstractItemModel::modelReset, this, end);
        connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, end);
    }
    rebuild();
    endResetModel();
}

QModelIndex CandidateFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= int(m_order.size())) {
        return {};
    }
    return m_model->index(m_order[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex CandidateFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model) {
        return {};
    }
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QModelIndex CandidateFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_order.size()) || column < 0 || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex CandidateFilterProxy::parent(const QModelIndex&) const { return {}; }

QModelIndex CandidateFilterProxy::sibling(int row, int column, const QModelIndex&) const { return index(row, column); }

int CandidateFilterProxy::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int CandidateFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool CandidateFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_order.empty();
}

QVariant CandidateFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_model) {
        return m_model->headerData(section, orientation, role);
    }
    return QAbstractItemModel::headerData(section, orientation, role);
}

bool CandidateFilterProxy::accepts(const store::CandidateRecord& c) const
{
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

bool CandidateFilterProxy::lessThan(int sourceA, int sourceB) const
{
    if (m_sortColumn >= 0) {
        const int c = compareOn(m_model->record(sourceA), m_model->record(sourceB), m_sortColumn);
        if (c != 0) {
            return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
        }
    }
    return sourceA < sourceB; // ties in arrival order, so the order is total and a sorted order unique
}

int CandidateFilterProxy::proxyRowOf(int sourceRow) const
{
    if (m_proxyRowStale) {
        m_proxyRow.assign(size_t(m_model ? m_model->rowCount() : 0), -1);
        for (size_t p = 0; p < m_order.size(); ++p) {
            m_proxyRow[size_t(m_order[p])] = int(p);
        }
        m_proxyRowStale = false;
    }
    return sourceRow >= 0 && sourceRow < int(m_proxyRow.size()) ? m_proxyRow[size_t(sourceRow)] : -1;
}

void CandidateFilterProxy::rebuild()
{
    m_order.clear();
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int r = 0; r < rows; ++r) {
        if (accepts(m_model->record(r))) {
            m_order.push_back(r);
        }
    }
    sortRows(m_order);
    m_proxyRowStale = true;
}

void CandidateFilterProxy::sortRows(std::vector<int>& rows) const
{
    if (m_sortColumn < 0) {
        std::sort(rows.begin(), rows.end());
        return;
    }
    double key = 0;
    if (rows.empty() || !numericKey(m_model->record(rows.front()), m_sortColumn, &key)) {
        std::sort(rows.begin(), rows.end(), [this](int a, int b) { return lessThan(a, b); });
        return;
    }
    // Numbers: the keys read once into one array, so a million rows sort in about a tenth of the time the
    // comparisons through the records take (each reads two records far apart in memory).
    const double sign = m_sortOrder == Qt::AscendingOrder ? 1.0 : -1.0;
    std::vector<std::pair<double, int>> keyed;
    keyed.reserve(rows.size());
    for (int r : rows) {
        numericKey(m_model->record(r), m_sortColumn, &key);
        keyed.emplace_back(sign * key, r);
    }
    std::sort(keyed.begin(), keyed.end());
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i] = keyed[i].second;
    }
}

std::vector<size_t> CandidateFilterProxy::placesIn(
    const std::vector<int>& order, const std::vector<int>& sortedRows) const
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    std::vector<size_t> at(sortedRows.size());
    auto from = order.begin();
    for (size_t i = 0; i < sortedRows.size(); ++i) {
        from = std::upper_bound(from, order.end(), sortedRows[i], less); // sorted: each place is after the last
        at[i] = size_t(from - order.begin());
    }
    return at;
}

void CandidateFilterProxy::relayout(const std::function<void()>& change)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(size_t(from.size()));
    for (const QModelIndex& i : from) {
        sourceRows.push_back(i.isValid() && i.row() < int(m_order.size()) ? m_order[size_t(i.row())] : -1);
    }
    change();
    m_proxyRowStale = true;
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int row = proxyRowOf(sourceRows[size_t(i)]);
        to.append(row < 0 ? QModelIndex() : index(row, from[i].column()));
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CandidateFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < columnCount() ? column : -1;
    m_sortOrder = order;
    relayout([this] { sortRows(m_order); });
}

void CandidateFilterProxy::showRows(std::vector<int> sourceRows)
{
    if (sourceRows.empty()) {
        return;
    }
    sortRows(sourceRows);
    const std::vector<size_t> at = placesIn(m_order, sourceRows);
    size_t places = 0;
    for (size_t i = 0; i < at.size(); ++i) {
        places += i == 0 || at[i] != at[i - 1];
    }
    const size_t shown = m_order.size();
    if (at.front() == shown || places <= kMaxSeparateChanges) {
        // From the last place to the first, so the places not yet filled keep their numbers.
        for (size_t end = sourceRows.size(); end > 0;) {
            size_t begin = end - 1;
            while (begin > 0 && at[begin - 1] == at[end - 1]) {
                --begin;
            }
            const int row = int(at[begin]);
            beginInsertRows({}, row, row + int(end - begin) - 1);
            m_order.insert(m_order.begin() + std::ptrdiff_t(row), sourceRows.begin() + std::ptrdiff_t(begin),
                sourceRows.begin() + std::ptrdiff_t(end));
            m_proxyRowStale = true;
            endInsertRows();
            end = begin;
        }
        return;
    }
    // Many places: the rows join at the end, then a layout change puts them where they belong.
    beginInsertRows({}, int(shown), int(shown) + int(sourceRows.size()) - 1);
    m_order.insert(m_order.end(), sourceRows.begin(), sourceRows.end());
    m_proxyRowStale = true;
    endInsertRows();
    relayout([&] {
        m_order.resize(shown);
        m_order = mergeAt(m_order, sourceRows, at);
    });
}

void CandidateFilterProxy::hideRows(const std::vector<int>& sourceRows)
{
    if (sourceRows.empty()) {
        return;
    }
    std::vector<int> rows;
    rows.reserve(sourceRows.size());
    for (int s : sourceRows) {
        rows.push_back(proxyRowOf(s));
    }
    std::sort(rows.begin(), rows.end());
    size_t blocks = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        blocks += i == 0 || rows[i] != rows[i - 1] + 1;
    }
    if (blocks > kMaxSeparateChanges) {
        beginResetModel();
        std::vector<char> gone(m_proxyRow.size(), 0);
        for (int s : sourceRows) {
            gone[size_t(s)] = 1;
        }
        m_order.erase(std::remove_if(m_order.begin(), m_order.end(), [&gone](int s) { return gone[size_t(s)] != 0; }),
            m_order.end());
        m_proxyRowStale = true;
        endResetModel();
        return;
    }
    // From the last block to the first, so the blocks not yet removed keep their numbers.
    for (size_t end = rows.size(); end > 0;) {
        size_t begin = end - 1;
        while (begin > 0 && rows[begin - 1] + 1 == rows[begin]) {
            --begin;
        }
        beginRemoveRows({}, rows[begin], rows[end - 1]);
        m_order.erase(m_order.begin() + rows[begin], m_order.begin() + rows[end - 1] + 1);
        m_proxyRowStale = true;
        endRemoveRows();
        end = begin;
    }
}

void CandidateFilterProxy::resortRows(std::vector<int> sourceRows)
{
    relayout([&] {
        std::vector<char> moving(size_t(m_model->rowCount()), 0);
        for (int s : sourceRows) {
            moving[size_t(s)] = 1;
        }
        std::vector<int> rest;
        rest.reserve(m_order.size());
        for (int s : m_order) {
            if (!moving[size_t(s)]) {
                rest.push_back(s);
            }
        }
        sortRows(sourceRows);
        m_order = mergeAt(rest, sourceRows, placesIn(rest, sourceRows));
    });
}

void CandidateFilterProxy::moveIntoPlace(int sourceRow)
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    const int p = proxyRowOf(sourceRow);
    const int n = int(m_order.size());
    const auto at = [this](int row) { return m_order.begin() + std::ptrdiff_t(row); };
    int lo = 0;
    int hi = -1;
    if (p > 0 && lessThan(sourceRow, m_order[size_t(p - 1)])) {
        const int to = int(std::upper_bound(m_order.begin(), at(p), sourceRow, less) - m_order.begin());
        beginMoveRows({}, p, p, {}, to);
        std::rotate(at(to), at(p), at(p + 1));
        lo = to;
        hi = p;
    } else if (p + 1 < n && lessThan(m_order[size_t(p + 1)], sourceRow)) {
        // Qt counts the destination before the move: the row goes in before the row now at `to`.
        const int to = int(std::upper_bound(at(p + 1), m_order.end(), sourceRow, less) - m_order.begin());
        beginMoveRows({}, p, p, {}, to);
        std::rotate(at(p), at(p + 1), at(to));
        lo = p;
        hi = to - 1;
    } else {
        return;
    }
    if (!m_proxyRowStale) {
        for (int q = lo; q <= hi; ++q) {
            m_proxyRow[size_t(m_order[size_t(q)])] = q;
        }
    }
    endMoveRows();
}

std::vector<int> CandidateFilterProxy::misplacedAmong(const std::vector<int>& changed) const
{
    const int n = int(m_order.size());
    std::vector<char> out(size_t(n), 0);
    std::vector<int> taken; // positions
    const auto take = [&](int p) {
        if (!out[size_t(p)]) {
            out[size_t(p)] = 1;
            taken.push_back(p);
        }
    };
    const auto inOrder
        = [this](int left, int right) { return !lessThan(m_order[size_t(right)], m_order[size_t(left)]); };
    // Only a pair with a changed row can be out of order: the order was sorted before.
    for (int r : changed) {
        const int p = proxyRowOf(r);
        if (p > 0 && !inOrder(p - 1, p)) {
            take(p - 1);
            take(p);
        }
        if (p + 1 < n && !inOrder(p, p + 1)) {
            take(p);
            take(p + 1);
        }
    }
    // Taking rows out makes their neighbours adjacent: take those too while they are out of order. What is left
    // is then sorted, and merging the taken rows back gives the one sorted order.
    for (bool grew = !taken.empty(); grew;) {
        grew = false;
        if (taken.size() > size_t(n) / 4) {
            return m_order; // as good as unsorted: sort it all
        }
        std::vector<int> blocks = taken;
        std::sort(blocks.begin(), blocks.end());
        for (size_t i = 0; i < blocks.size();) {
            size_t j = i;
            while (j + 1 < blocks.size() && blocks[j + 1] == blocks[j] + 1) {
                ++j;
            }
            const int left = blocks[i] - 1;
            const int right = blocks[j] + 1;
            if (left >= 0 && right < n && !out[size_t(left)] && !out[size_t(right)] && !inOrder(left, right)) {
                take(left);
                take(right);
                grew = true;
            }
            i = j + 1;
        }
    }
    std::vector<int> rows;
    rows.reserve(taken.size());
    for (int p : taken) {
        rows.push_back(m_order[size_t(p)]);
    }
    return rows;
}

void CandidateFilterProxy::sourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    const int count = last - first + 1;
    if (last + 1 < m_model->rowCount()) { // the model appends, but rows inserted before others push them down
        for (int& s : m_order) {
            if (s >= first) {
                s += count;
            }
        }
    }
    m_proxyRowStale = true;
    std::vector<int> fresh;
    for (int r = first; r <= last; ++r) {
        if (accepts(m_model->record(r))) {
            fresh.push_back(r);
        }
    }
    showRows(std::move(fresh));
}

void CandidateFilterProxy::sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    std::vector<int> shown;
    for (int r = first; r <= last; ++r) {
        if (proxyRowOf(r) >= 0) {
            shown.push_back(r);
        }
    }
    hideRows(shown);
}

void CandidateFilterProxy::sourceRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    const int count = last - first + 1;
    for (int& s : m_order) {
        if (s > last) {
            s -= count;
        }
    }
    m_proxyRowStale = true;
}

void CandidateFilterProxy::sourceDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid()) {
        return;
    }
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const auto changedRange = [&](int lo, int hi) {
        if (lo <= hi) {
            emit dataChanged(index(lo, topLeft.column()), index(hi, bottomRight.column()), roles);
        }
    };
    if (!roles.isEmpty() && !roles.contains(CandidateTableModel::SortRole)) {
        // Only how the rows look: nothing moves or leaves.
        if (last - first > 64) {
            changedRange(0, int(m_order.size()) - 1);
            return;
        }
        int lo = int(m_order.size());
        int hi = -1;
        for (int r = first; r <= last; ++r) {
            if (const int p = proxyRowOf(r); p >= 0) {
                lo = std::min(lo, p);
                hi = std::max(hi, p);
            }
        }
        changedRange(lo, hi);
        return;
    }
    std::vector<int> leaving, joining, staying;
    for (int r = first; r <= last; ++r) {
        const bool shown = proxyRowOf(r) >= 0;
        const bool accepted = accepts(m_model->record(r));
        if (shown && !accepted) {
            leaving.push_back(r);
        } else if (!shown && accepted) {
            joining.push_back(r);
        } else if (shown) {
            staying.push_back(r);
        }
    }
    hideRows(leaving);
    if (staying.size() == 1) {
        moveIntoPlace(staying.front()); // the rest is in order: one binary search, one row moved
    } else if (std::vector<int> misplaced = misplacedAmong(staying); !misplaced.empty()) {
        resortRows(std::move(misplaced));
    }
    showRows(std::move(joining));
    int lo = int(m_order.size());
    int hi = -1;
    for (int r : staying) {
        const int p = proxyRowOf(r);
        lo = std::min(lo, p);
        hi = std::max(hi, p);
    }
    changedRange(lo, hi);
}

void CandidateFilterProxy::setFrontOnly(bool on)
{
    if (m_frontOnly != on) {
        m_frontOnly = on;
        refilter();
    }
}

void CandidateFilterProxy::setMinAccuracy(double fraction)
{
    if (m_minAccuracy != fraction) {
        m_minAccuracy = fraction;
        refilter();
    }
}

void CandidateFilterProxy::setFpsRange(double minFps, double maxFps)
{
    if (m_minFps != minFps || m_maxFps != maxFps) {
        m_minFps = minFps;
        m_maxFps = maxFps;
        refilter();
    }
}

void CandidateFilterProxy::setMaxEnergyUj(double energyUj)
{
    if (m_maxEnergyUj != energyUj) {
        m_maxEnergyUj = energyUj;
        refilter();
    }
}

void CandidateFilterProxy::setGenotypeFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_genotype != trimmed) {
        m_genotype = trimmed;
        refilter();
    }
}

void CandidateFilterProxy::setVisibleRuns(const QSet<qint64>& runIds)
{
    if (m_runs != runIds) {
        m_runs = runIds;
        refilter();
    }
}

void CandidateFilterProxy::refilter()
{
    if (!m_model) {
        return;
    }
    std::vector<int> leaving, joining;
    const int rows = m_model->rowCount();
    for (int r = 0; r < rows; ++r) {
        const bool shown = proxyRowOf(r) >= 0;
        if (shown != accepts(m_model->record(r))) {
            (shown ? leaving : joining).push_back(r);
        }
    }
    hideRows(leaving);
    showRows(std::move(joining));
}

} // namespace dna::widgets
