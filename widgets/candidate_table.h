#pragma once

#include "runs_view.h"

#include "store/run_store.h"

#include <QAbstractProxyModel>
#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <limits>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;

namespace dna::widgets {

class CandidateSelection;

/// Every evaluated candidate of the loaded runs, one row each, in arrival order. Display text is formatted
/// for reading; SortRole carries the raw number so sorting is numeric; IdRole gives the candidate id on any
/// column. The design JSON of a record is dropped on arrival (the mapping inspector reads it from the store).
class CandidateTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        IdColumn,
        EpochColumn,
        GenotypeColumn,
        AccuracyColumn,
        AccuracyKindColumn,
        RetrainedColumn,
        FpsColumn,
        LatencyColumn,
        EnergyColumn,
        EdpColumn,
        DspColumn,
        Bram18Column,
        AreaColumn,
        OnFrontColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, IdRole };

    explicit CandidateTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Appends in one insertion; ids already in the table are updated in place instead.
    void appendCandidates(const std::vector<store::CandidateRecord>& candidates);
    /// New accuracies of candidates in the table (re-estimates during a search).
    void updateEstimates(const std::vector<store::EstimateRecord>& estimates);
    /// Whether the candidate's accuracy is a supernet estimate from older weights than its run's latest
    /// estimates (drawn and listed as such).
    bool isStaleEstimate(const store::CandidateRecord& c) const;
    /// The run's candidates in `ids` are on its front, the run's others are not.
    void setFront(qint64 runId, const QSet<qint64>& ids);
    void removeRun(qint64 runId);
    void clear();

    /// -1 when the id is not in the table.
    int rowOfId(qint64 id) const;
    /// nullptr when the id is not in the table. Valid until the next change to the model.
    const store::CandidateRecord* candidate(qint64 id) const;
    const store::CandidateRecord& record(int row) const { return m_rows[size_t(row)]; }

    /// The raw value of a cell, as written to CSV and used for sorting.
    static QVariant rawValue(const store::CandidateRecord& c, int column);
    /// A stable, untranslated column key for CSV headers (the same keys as `dna-cli export --format csv`).
    static QString csvKey(int column);

private:
    void rebuildIndex();

    /// Whether the candidate's estimate is newer than every other of its run's (which then look older).
    bool noteEstimateEpoch(const store::CandidateRecord& c);
    /// Every row may look different (older estimates), no value the proxy filters or sorts on changed.
    void emitLookChanged();
    /// Applies (row, value) changes block by block of adjacent rows, with one dataChanged per block.
    template <typename T, typename Apply> void changeRows(std::vector<std::pair<int, T>> changes, Apply apply);

    std::vector<store::CandidateRecord> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, std::vector<int>> m_rowsOfRun; // ascending rows of each run
    QHash<qint64, int> m_latestEstimate; // per run, the newest estimate epoch among its candidates
};

/// Filters candidates by front membership, accuracy, FPS, energy, genotype text and run, and sorts by a column
/// (by the record's raw value, ties in arrival order; column -1 keeps arrival order). Bounds given as infinities
/// (the defaults) do not filter.
///
/// Built for a million rows arriving a few at a time while they are sorted (an explorer following a sweep): the
/// shown order is one vector of source rows, compared on the records' fields directly. Appended rows go in by
/// binary search (one insertion when they all land at the end, one per place when they land in a few, else one
/// insertion and one merge as a layout change); a change of values checks only the changed rows against their
/// neighbours, and moves them only when the order broke. QSortFilterProxyModel spent about 170 ms per commit there.
///
/// The source must be a CandidateTableModel. A dataChanged whose roles are given and do not include
/// CandidateTableModel::SortRole changes only how rows look (the proxy neither filters nor sorts again).
class CandidateFilterProxy : public QAbstractProxyModel {
    Q_OBJECT

public:
    explicit CandidateFilterProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setFrontOnly(bool on);
    bool frontOnly() const { return m_frontOnly; }
    /// Accuracy as a fraction in [0, 1].
    void setMinAccuracy(double fraction);
    double minAccuracy() const { return m_minAccuracy; }
    void setFpsRange(double minFps, double maxFps = std::numeric_limits<double>::infinity());
    double minFps() const { return m_minFps; }
    double maxFps() const { return m_maxFps; }
    void setMaxEnergyUj(double energyUj);
    double maxEnergyUj() const { return m_maxEnergyUj; }
    /// Case-insensitive substring of the genotype string.
    void setGenotypeFilter(const QString& text);
    QString genotypeFilter() const { return m_genotype; }
    /// Only these runs; an empty set shows every run.
    void setVisibleRuns(const QSet<qint64>& runIds);
    QSet<qint64> visibleRuns() const { return m_runs; }

    /// Whether the record passes the filters.
    bool accepts(const store::CandidateRecord& c) const;

private:
    bool lessThan(int sourceA, int sourceB) const;
    /// -1 when the source row is filtered out.
    int proxyRowOf(int sourceRow) const;
    void rebuild(); // filter and sort every source row again, as a reset
    void refilter(); // after a filter changed: rows leave and join, the others stay where they are
    /// Puts accepted source rows not shown yet into the order, with the signals that say so.
    void showRows(std::vector<int> sourceRows);
    /// Takes shown source rows out of the order, with the signals that say so.
    void hideRows(const std::vector<int>& sourceRows);
    /// Sorts source rows by the sort column (numbers through one array of keys).
    void sortRows(std::vector<int>& rows) const;
    /// Where each of `sortedRows` goes in `order` (both sorted): the position of the first row after it.
    std::vector<size_t> placesIn(const std::vector<int>& order, const std::vector<int>& sortedRows) const;
    /// A layout change around `change` (which rewrites m_order), persistent indexes following their rows.
    void relayout(const std::function<void()>& change);
    /// Merges the given shown rows back into the order of the others (which must be sorted), as a layout change.
    void resortRows(std::vector<int> sourceRows);
    /// Moves one shown row whose value changed to its place (the others being in order), as a row move.
    void moveIntoPlace(int sourceRow);
    /// After the values of these shown rows changed: the rows to take out so that the rest is sorted.
    std::vector<int> misplacedAmong(const std::vector<int>& changed) const;
    void sourceRowsInserted(const QModelIndex& parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    QPointer<CandidateTableModel> m_model;
    std::vector<int> m_order; // the shown source rows, in table order
    mutable std::vector<int> m_proxyRow; // per source row: its row in m_order, or -1
    mutable bool m_proxyRowStale = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_frontOnly = false;
    double m_minAccuracy = -std::numeric_limits<double>::infinity();
    double m_minFps = -std::numeric_limits<double>::infinity();
    double m_maxFps = std::numeric_limits<double>::infinity();
    double m_maxEnergyUj = std::numeric_limits<double>::infinity();
    QString m_genotype;
    QSet<qint64> m_runs;
};

/// The candidates table with a one-row filter bar, kept in step with the shared CandidateSelection.
class CandidateTableView : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    explicit CandidateTableView(QWidget* parent = nullptr);

    // What the presenter says (session::RunsView), into the model.
    void clearRuns() override { m_model->clear(); }
    void removeRun(qint64 runId) override { m_model->removeRun(runId); }
    void addCandidates(const std::vector<store::CandidateRecord>& candidates) override
    {
        m_model->appendCandidates(candidates);
    }
    void updateEstimates(const std::vector<store::EstimateRecord>& estimates) override
    {
        m_model->updateEstimates(estimates);
    }
    /// The row is updated in place.
    void setRetrained(const store::CandidateRecord& candidate) override { m_model->appendCandidates({ candidate }); }

    CandidateTableModel* model() const { return m_model; }
    CandidateFilterProxy* proxy() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }

    /// Mirrors the table selection into `selection` and back; nullptr disconnects.
    void setSelectionModel(CandidateSelection* selection);
    CandidateSelection* selectionModel() const { return m_selection; }

    /// The visible rows (filtered, in table order) and visible columns (in header order) with a header row of
    /// CSV keys; raw numbers (accuracy as a fraction), RFC 4180 quoting. On failure returns false and a
    /// translated reason in `error`.
    bool writeCsv(const QString& path, QString* error = nullptr) const;

signals:
    /// A row was double-clicked.
    void activated(qint64 id);

private:
    void setupFilterBar(QWidget* bar);
    void applyFilters();
    void updateCount();
    void onTableSelectionChanged();
    void onSharedSelectionChanged(const QList<qint64>& ids);
    void reapplySelection();
    void selectInsertedRows(const QModelIndex& parent, int first, int last);
    void selectIdsInTable(const QList<qint64>& ids, bool scroll);

    CandidateTableModel* m_model = nullptr;
    CandidateFilterProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QCheckBox* m_frontOnly = nullptr;
    QDoubleSpinBox* m_minAccuracy = nullptr;
    QDoubleSpinBox* m_minFps = nullptr;
    QDoubleSpinBox* m_maxEnergy = nullptr;
    QLineEdit* m_genotype = nullptr;
    QLabel* m_count = nullptr;
    QPointer<CandidateSelection> m_selection;
    bool m_syncing = false; // a selection change we make ourselves, not the user's
    int m_structural = 0; // > 0 while the proxy removes rows or resets (the user did not deselect them)
};

} // namespace dna::widgets
