#pragma once

#include "store/run_store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QWidget>

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

    void noteEstimateEpoch(const store::CandidateRecord& c);

    std::vector<store::CandidateRecord> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, int> m_latestEstimate; // per run, the newest estimate epoch among its candidates
};

/// Filters candidates by front membership, accuracy, FPS, energy, genotype text and run, and sorts by
/// CandidateTableModel::SortRole. Bounds given as infinities (the defaults) do not filter.
class CandidateFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit CandidateFilterProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QPointer<CandidateTableModel> m_model;
    bool m_frontOnly = false;
    double m_minAccuracy = -std::numeric_limits<double>::infinity();
    double m_minFps = -std::numeric_limits<double>::infinity();
    double m_maxFps = std::numeric_limits<double>::infinity();
    double m_maxEnergyUj = std::numeric_limits<double>::infinity();
    QString m_genotype;
    QSet<qint64> m_runs;
};

/// The candidates table with a one-row filter bar, kept in step with the shared CandidateSelection.
class CandidateTableView : public QWidget {
    Q_OBJECT

public:
    explicit CandidateTableView(QWidget* parent = nullptr);

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
