// CandidateTableView: the filter bar, the table over the filter proxy, the selection kept in step with the shared
// CandidateSelection, and the CSV of the visible rows. The model and the proxy are in candidate_table.cpp.
#include "candidate_table.h"

#include "candidate_selection.h"

#include "store/export_files.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace dna::widgets {

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
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeMoved, this, [this] { ++m_structural; });
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { ++m_structural; });

    auto* bar = new QWidget(this);
    setupFilterBar(bar);

    m_table->setModel(m_proxy);
    // After the selection model's own handlers: it restores its selection on layoutChanged, which would undo a
    // re-selection made earlier.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { --m_structural; });
    connect(m_proxy, &QAbstractItemModel::rowsMoved, this, [this] { --m_structural; });
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
    header->resizeSection(CandidateTableModel::AccuracyKindColumn,
        QFontMetrics(bold).horizontalAdvance(tr("older estimate (epoch %1)").arg(99)) + 16);
    // Room for six-figure frame rates (the fmnist networks' run to 200,000 FPS), bold on the front.
    header->resizeSection(CandidateTableModel::FpsColumn,
        std::max(header->sectionSize(CandidateTableModel::FpsColumn),
            QFontMetrics(bold).horizontalAdvance(QLocale().toString(888888.8, 'f', 1)) + 16));
    // The wide genotype last and the wide accuracy kind before it, so the numbers a user compares (accuracy, the
    // retrained accuracy, FPS) are in view at the dock's first-start width (500 px; the kind also shows as the row's
    // style: bold on the front, grey from an older epoch); the genotype takes whatever room is left.
    header->moveSection(header->visualIndex(CandidateTableModel::GenotypeColumn), CandidateTableModel::ColumnCount - 1);
    header->moveSection(
        header->visualIndex(CandidateTableModel::AccuracyKindColumn), CandidateTableModel::ColumnCount - 2);
    header->setStretchLastSection(true);
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
    std::vector<const store::CandidateColumn*> keys;
    for (int column : columns) {
        if (const auto* key = store::candidateColumn(CandidateTableModel::csvKey(column).toStdString())) {
            keys.push_back(key);
        }
    }
    std::vector<const store::CandidateRecord*> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        rows.push_back(&m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    }
    file.write(QByteArray::fromStdString(store::candidatesCsv(rows, keys)));
    if (!file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace dna::widgets
