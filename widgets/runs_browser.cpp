#include "runs_browser.h"

#include "store/run_store.h"

#include <QAction>
#include <QEvent>
#include <QFont>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace dna::widgets {

// --- Undo commands ---------------------------------------------------------------------------------------

/// A rename or a trash of runs. It acts on the browser's store only while that is still the store it was made
/// for; after the user opened another store it makes itself obsolete (the stack then drops it).
class RunsCommand : public QUndoCommand {
public:
    enum class Kind { Rename, Trash };

    RunsCommand(RunsBrowser* browser, Kind kind, QList<qint64> ids, QString oldName, QString newName)
        : m_browser(browser)
        , m_storePath(browser->store()->path())
        , m_kind(kind)
        , m_ids(std::move(ids))
        , m_oldName(std::move(oldName))
        , m_newName(std::move(newName))
    {
        if (kind == Kind::Rename) {
            setText(RunsBrowser::tr("Rename run to “%1”").arg(m_newName));
        } else {
            setText(m_ids.size() == 1 ? RunsBrowser::tr("Delete run %1").arg(m_ids.first())
                                      : RunsBrowser::tr("Delete %1 runs").arg(m_ids.size()));
        }
    }

    void redo() override { apply(true); }
    void undo() override { apply(false); }

private:
    void apply(bool forward)
    {
        store::RunStore* s = m_browser ? m_browser->store() : nullptr;
        if (!s || s->path() != m_storePath) {
            setObsolete(true);
            return;
        }
        try {
            if (m_kind == Kind::Rename) {
                s->renameRun(m_ids.first(), (forward ? m_newName : m_oldName).toStdString());
            } else {
                for (qint64 id : m_ids) {
                    forward ? s->trashRun(id) : s->restoreRun(id);
                }
            }
        } catch (const std::exception& e) {
            m_browser->showMessage(
                RunsBrowser::tr("The store could not be changed: %1").arg(QString::fromStdString(e.what())));
            return;
        }
        m_browser->afterChange(m_kind == Kind::Trash, m_ids);
    }

    QPointer<RunsBrowser> m_browser;
    std::string m_storePath;
    Kind m_kind;
    QList<qint64> m_ids;
    QString m_oldName;
    QString m_newName;
};

// --- RunsBrowser -----------------------------------------------------------------------------------------

RunsBrowser::RunsBrowser(QWidget* parent)
    : QWidget(parent)
    , m_model(new RunsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_empty(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter runs (name, state, platform, objective…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setTextElideMode(Qt::ElideMiddle); // names differ at their ends ("... on zc706", "... seed 3")
    m_view->viewport()->installEventFilter(this);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int) {
        if (!m_fitting && (section == RunsModel::NameColumn || section == RunsModel::StateColumn)) {
            m_userSizedColumns = true;
        }
    });

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view, &QTableView::doubleClicked, this,
        [this](const QModelIndex& index) { emit runActivated(index.data(RunsModel::RunIdRole).toLongLong()); });

    // An inline message (e.g. a refused delete), not a modal box: the user keeps working.
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2e00; border: 1px solid #e0c060; "
                                            "border-radius: 3px; padding: 4px; }"));
    m_message->hide();
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // greyed hint

    setupActions();
    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({ m_open, m_compare, m_rename, m_delete });

    m_actionsBar = bar;
    m_top = new QBoxLayout(QBoxLayout::LeftToRight);
    m_top->setContentsMargins(0, 0, 0, 0);
    m_top->addWidget(m_filter, 1);
    m_top->addWidget(bar);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_top);
    layout->addWidget(m_message);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);

    connect(
        m_model, &RunsModel::renameRequested, this, [this](qint64 id, const QString& oldName, const QString& newName) {
            if (!writable()) {
                return;
            }
            auto* cmd = new RunsCommand(this, RunsCommand::Kind::Rename, { id }, oldName, newName);
            if (m_undo) {
                m_undo->push(cmd);
            } else {
                cmd->redo();
                delete cmd;
            }
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsBrowser::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsBrowser::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsBrowser::updateEmptyHint);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsBrowser::fitNameAndState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RunsBrowser::fitNameAndState);
    updateActions();
    updateEmptyHint();
}

void RunsBrowser::setupActions()
{
    m_open = new QAction(tr("Open"), this);
    m_open->setToolTip(tr("Show the selected run's candidates (or double-click a run)"));
    m_compare = new QAction(tr("Compare"), this);
    m_compare->setToolTip(tr("Compare the fronts of two or more selected runs"));
    m_rename = new QAction(tr("Rename"), this);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setToolTip(tr("Rename the selected run (F2)"));
    m_delete = new QAction(tr("Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setToolTip(tr("Delete the selected runs (Del; Undo brings them back)"));
    for (QAction* a : { m_open, m_compare, m_rename, m_delete }) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
    }
    connect(m_open, &QAction::triggered, this, &RunsBrowser::openSelected);
    connect(m_compare, &QAction::triggered, this, &RunsBrowser::compareSelected);
    connect(m_rename, &QAction::triggered, this, &RunsBrowser::renameSelected);
    connect(m_delete, &QAction::triggered, this, &RunsBrowser::deleteSelected);
}

void RunsBrowser::setStore(store::RunStore* store)
{
    m_message->hide();
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // greyed hint
    m_model->setStore(store);
    {
        const QScopedValueRollback<bool> guard(m_fitting, true);
        m_view->resizeColumnsToContents();
    }
    fitNameAndState();
}

void RunsBrowser::fitNameAndState()
{
    // Name and state readable at the dock's width, the numbers after them scrolled to: the state (at least as
    // wide as its longest word) is always in view, the name gets what is left of its contents' width (elided,
    // its tooltip whole). Until the user drags either column, then theirs stays.
    if (m_userSizedColumns) {
        return;
    }
    const QScopedValueRollback<bool> guard(m_fitting, true);
    QHeaderView* header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    const QAbstractItemView* view = m_view; // QTableView makes sizeHintForColumn protected
    const int state = std::max({ view->sizeHintForColumn(RunsModel::StateColumn),
        header->sectionSizeHint(RunsModel::StateColumn), fm.horizontalAdvance(tr("interrupted")) + 24 });
    const int wanted = std::max({ view->sizeHintForColumn(RunsModel::NameColumn),
        header->sectionSizeHint(RunsModel::NameColumn), fm.horizontalAdvance(QStringLiteral("fmnist on zc706")) + 16 });
    const int room = m_view->viewport()->width() - state;
    const int least = fm.horizontalAdvance(QStringLiteral("fmnist on")) + 16;
    header->resizeSection(RunsModel::NameColumn, std::max(least, std::min(wanted, room)));
    header->resizeSection(RunsModel::StateColumn, state);
}

void RunsBrowser::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The filter beside the actions when it keeps room for a few words there, else above them: in the dock's
    // first-start width of 300 px the actions left the filter three letters.
    const int filter = m_filter->fontMetrics().horizontalAdvance(QStringLiteral("Filter runs (name, st")) + 24;
    const bool oneRow = width() >= filter + m_actionsBar->sizeHint().width() + 2 * m_top->spacing();
    m_top->setDirection(oneRow ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

bool RunsBrowser::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitNameAndState();
    }
    return QWidget::eventFilter(watched, event);
}

void RunsBrowser::setUndoStack(QUndoStack* stack) { m_undo = stack; }

void RunsBrowser::reload()
{
    const QList<qint64> selected = selectedRunIds();
    m_model->reload();
    selectRuns(selected);
}

void RunsBrowser::refreshChanged()
{
    const QList<qint64> selected = selectedRunIds();
    const int before = m_model->rowCount();
    m_model->refreshChanged();
    if (m_model->rowCount() < before || selectedRunIds() != selected) {
        selectRuns(selected); // a full reload dropped the selection
    }
}

bool RunsBrowser::writable() const { return store() && store()->mode() == store::RunStore::Mode::ReadWrite; }

QList<qint64> RunsBrowser::selectedRunIds() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : rows) {
        ids << index.data(RunsModel::RunIdRole).toLongLong();
    }
    return ids;
}

void RunsBrowser::selectRuns(const QList<qint64>& runIds)
{
    QItemSelection selection;
    for (qint64 id : runIds) {
        const int row = m_model->rowOf(id);
        if (row < 0) {
            continue;
        }
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            selection.select(index, index.siblingAtColumn(RunsModel::ColumnCount - 1));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty()) {
        m_view->selectionModel()->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
    }
}

QString RunsBrowser::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

void RunsBrowser::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RunsBrowser::updateEmptyHint()
{
    if (!store()) {
        m_empty->setText(tr("No run store is open."));
    } else if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No runs in this store yet. A run appears here as soon as a search starts."));
    } else {
        m_empty->clear();
    }
    m_empty->setVisible(!m_empty->text().isEmpty());
}

void RunsBrowser::updateActions()
{
    const int n = int(m_view->selectionModel()->selectedRows().size());
    m_open->setEnabled(n == 1);
    m_compare->setEnabled(n >= 2);
    m_rename->setEnabled(n == 1 && writable());
    m_delete->setEnabled(n >= 1 && writable());
}

void RunsBrowser::openSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() == 1) {
        emit runActivated(ids.first());
    }
}

void RunsBrowser::compareSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() >= 2) {
        emit compareRequested(ids);
    }
}

void RunsBrowser::renameSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(RunsModel::NameColumn);
    if (rows.size() == 1 && writable()) {
        if (!confirmForeign({ rows.first().data(RunsModel::RunIdRole).toLongLong() }, tr("rename"))) {
            return;
        }
        m_view->setCurrentIndex(rows.first());
        m_view->edit(rows.first());
    }
}

void RunsBrowser::deleteSelected()
{
    if (!writable()) {
        return;
    }
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty()) {
        return;
    }
    QStringList running;
    for (qint64 id : ids) {
        const QModelIndex index = m_model->index(m_model->rowOf(id), RunsModel::NameColumn);
        if (index.data(RunsModel::RunningRole).toBool()) {
            running << index.data().toString();
        }
    }
    if (!running.isEmpty()) {
        showMessage(tr("“%1” is still running and was not deleted. Stop its search first.")
                        .arg(running.join(QStringLiteral("”, “"))));
        return;
    }
    if (!confirmForeign(ids, tr("delete"))) {
        return;
    }
    showMessage({});
    auto* cmd = new RunsCommand(this, RunsCommand::Kind::Trash, ids, {}, {});
    if (m_undo) {
        m_undo->push(cmd);
    } else {
        cmd->redo();
        delete cmd;
    }
}

bool RunsBrowser::confirmForeign(const QList<qint64>& ids, const QString& verb)
{
    QStringList foreign;
    QString host;
    for (qint64 id : ids) {
        const QModelIndex index = m_model->index(m_model->rowOf(id), RunsModel::NameColumn);
        const QString h = index.data(RunsModel::ForeignHostRole).toString();
        if (!h.isEmpty()) {
            foreign << index.data().toString();
            host = h;
        }
    }
    if (foreign.isEmpty()) {
        return true;
    }
    // Runs of a shared store written by other programs (other machines, other users) are theirs: ask first.
    return QMessageBox::question(this, tr("Runs written elsewhere"),
               tr("“%1” was written by a program on %2, not by this window. %3 it anyway? Everyone who uses this "
                  "store will see the change.")
                   .arg(foreign.join(QStringLiteral("”, “")), host, verb.left(1).toUpper() + verb.mid(1)),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void RunsBrowser::afterChange(bool rowsChanged, const QList<qint64>& runIds)
{
    if (rowsChanged) {
        m_model->reload();
        selectRuns(runIds); // restored runs come back selected; trashed ones are gone
    } else {
        m_model->refreshRun(runIds.first());
    }
    updateActions();
    emit runsChanged();
}

} // namespace dna::widgets
