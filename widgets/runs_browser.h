#pragma once

#include "runs_model.h"
#include "runs_view.h"

#include <QBoxLayout>
#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace dna::widgets {

/// The runs browser: a filter, the sortable runs table and the actions on runs (open, compare, rename,
/// delete). Rename and delete write through the store as commands on the undo stack (delete trashes the run,
/// undo restores it); runsChanged() follows every change so other views reload.
class RunsBrowser : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    explicit RunsBrowser(QWidget* parent = nullptr);

    // The store, its runs list and the runs shown, as the presenter says (session::RunsView).
    void storeChanged(store::RunStore* store) override { setStore(store); }
    void runsListChanged(bool onlyChanged) override { onlyChanged ? refreshChanged() : reload(); }
    void runsShown(const QList<qint64>& runIds, bool /*keepView*/) override { selectRuns(runIds); }

    /// The writer store (may be null: the browser is empty and its actions disabled). A read-only store is
    /// listed but cannot be renamed or deleted in.
    void setStore(store::RunStore* store);
    store::RunStore* store() const { return m_model->store(); }
    /// Where rename and delete go; without one they are applied directly and cannot be undone.
    void setUndoStack(QUndoStack* stack);

    RunsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    /// The filter and the actions side by side, or the filter above them when the browser is narrow.
    bool filterBesideActions() const { return m_top->direction() == QBoxLayout::LeftToRight; }
    /// Run ids of the selected rows, in view order.
    QList<qint64> selectedRunIds() const;
    /// Selects these runs (those that are listed).
    void selectRuns(const QList<qint64>& runIds);
    /// The inline message shown last (empty when hidden), e.g. why a delete was refused.
    QString message() const;

    QAction* openAction() const { return m_open; }
    QAction* compareAction() const { return m_compare; }
    QAction* renameAction() const { return m_rename; }
    QAction* deleteAction() const { return m_delete; }

public slots:
    /// Reads the store again (e.g. after a search recorded candidates).
    void reload();
    /// What other programs changed (RunsModel::refreshChanged), the selection kept.
    void refreshChanged();
    void openSelected();
    void compareSelected();
    void renameSelected();
    /// Trashes the selected runs as one undoable command; refuses (with a message) if any is still running.
    void deleteSelected();
    /// True when none of the runs was written by another program, or the user confirmed (naming its host) that
    /// this window may `verb` them.
    bool confirmForeign(const QList<qint64>& ids, const QString& verb);

signals:
    void runActivated(qint64 runId);
    void compareRequested(const QList<qint64>& runIds);
    void runsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitNameAndState();
    friend class RunsCommand;
    void setupActions();
    void updateActions();
    void showMessage(const QString& text);
    void updateEmptyHint();
    void applyRename(qint64 runId, const QString& newName);
    void afterChange(bool rowsChanged, const QList<qint64>& runIds);
    bool writable() const;

    RunsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_message;
    QLabel* m_empty;
    QPointer<QUndoStack> m_undo;
    QAction* m_open = nullptr;
    QAction* m_compare = nullptr;
    QAction* m_rename = nullptr;
    QAction* m_delete = nullptr;
    QBoxLayout* m_top = nullptr; // the filter and the actions
    QWidget* m_actionsBar = nullptr;
    bool m_fitting = false; // fitNameAndState() is resizing sections
    bool m_userSizedColumns = false; // the user dragged the name or state column: leave them be
};

} // namespace dna::widgets
