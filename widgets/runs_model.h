#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>
#include <QVector>

namespace dna::store {
class RunStore;
struct RunInfo;
}

namespace dna::widgets {

/// The runs of a store, one row each. Name is editable: an edit does not write the store itself but emits
/// renameRequested() so the owner can make it an undoable command.
class RunsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StateColumn,
        CreatedColumn,
        PlatformColumn,
        BudgetColumn,
        TargetsColumn,
        ObjectiveColumn,
        CandidatesColumn,
        BestAccuracyColumn,
        BestMetricColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw values: strings, QDateTime, numbers
        RunIdRole, ///< qint64, any column
        RunningRole, ///< bool: the run's state is `running`
        ForeignHostRole, ///< QString: the host of another program that wrote the run (server stores), else empty
    };

    explicit RunsModel(QObject* parent = nullptr);

    /// The store to list (may be null: no rows). Reloads.
    void setStore(store::RunStore* store);
    store::RunStore* store() const { return m_store; }
    /// Reads every (non-trashed) run again.
    void reload();
    /// Re-reads one run's row (after a rename) without resetting the model; reloads if the row set changed.
    void refreshRun(qint64 runId);
    /// Follows what other programs changed: new runs appended, changed and running rows read again (a full reload
    /// only when runs went away).
    void refreshChanged();

    qint64 runId(int row) const;
    /// The row of a run, or -1.
    int rowOf(qint64 runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void renameRequested(qint64 runId, const QString& oldName, const QString& newName);

private:
    struct Row {
        qint64 id = 0;
        QString name;
        QString state;
        QString error;
        QDateTime created;
        QString platform;
        QString budget;
        QString targets;
        QString objective;
        qint64 candidates = 0;
        double bestAccuracy = -1; // -1: no valid candidate
        double bestMetric = -1;
        QString requestJson;
        QString writerHost; // server stores: the host whose process wrote the run
        bool writtenHere = true; // by this window's own store connection
    };
    Row readRow(const store::RunInfo* info) const;
    QVariant display(const Row& r, int column) const;
    QVariant raw(const Row& r, int column) const;
    QString metricText(const Row& r) const;

    store::RunStore* m_store = nullptr;
    QVector<Row> m_rows;
};

} // namespace dna::widgets
