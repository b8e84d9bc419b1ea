#pragma once

#include "runs_view.h"

#include <QList>
#include <QObject>

namespace dna::widgets {

/// The candidates the user has selected, as store candidate ids, shared by every view (Pareto plot, table,
/// mapping inspector, comparison). A view calls select()/toggle()/clear() and updates itself from changed();
/// setting the selection it already has emits nothing, so views that mirror each other do not loop.
class CandidateSelection : public QObject, public session::RunsView {
    Q_OBJECT

public:
    explicit CandidateSelection(QObject* parent = nullptr);

    // Runs leaving the views take the selection with them (session::RunsView).
    void clearRuns() override { clear(); }
    void removeRun(qint64 /*runId*/) override { clear(); }

    /// In the order they were selected; the last one is current().
    QList<qint64> ids() const { return m_ids; }
    /// The most recently selected candidate, or -1 when nothing is selected.
    qint64 current() const { return m_ids.isEmpty() ? -1 : m_ids.last(); }
    bool contains(qint64 id) const { return m_ids.contains(id); }
    bool isEmpty() const { return m_ids.isEmpty(); }

public slots:
    /// Replaces the selection (duplicates dropped, first occurrence kept).
    void select(const QList<qint64>& ids);
    void selectOne(qint64 id) { select({ id }); }
    /// Adds the candidate if it is not selected, removes it otherwise.
    void toggle(qint64 id);
    void clear() { select({}); }

signals:
    void changed(const QList<qint64>& ids);

private:
    QList<qint64> m_ids;
};

} // namespace dna::widgets
