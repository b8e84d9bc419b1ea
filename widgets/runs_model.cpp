#include "runs_model.h"

#include "store/run_store.h"

#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace dna::widgets {

namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

QString number(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }

/// "900 DSP, 1090 BRAM18" for FPGAs, "168 PEs, 108 KiB GB, 3.5 mm²" for ASICs; empty when unconstrained.
QString budgetText(const QJsonObject& budget)
{
    QStringList parts;
    const int dsp = budget.value(QStringLiteral("dsp")).toInt();
    const int bram = budget.value(QStringLiteral("bram18")).toInt();
    const int pes = budget.value(QStringLiteral("pes")).toInt();
    const double gb = budget.value(QStringLiteral("gb_bytes")).toDouble();
    const double area = budget.value(QStringLiteral("area_mm2")).toDouble();
    if (dsp > 0) {
        parts << RunsModel::tr("%1 DSP").arg(dsp);
    }
    if (bram > 0) {
        parts << RunsModel::tr("%1 BRAM18").arg(bram);
    }
    if (pes > 0) {
        parts << RunsModel::tr("%1 PEs").arg(pes);
    }
    if (gb > 0) {
        parts << RunsModel::tr("%1 KiB buffer").arg(number(gb / 1024.0, 0));
    }
    if (area > 0) {
        parts << RunsModel::tr("%1 mm²").arg(number(area, 1));
    }
    return parts.join(QStringLiteral(", "));
}

QString targetsText(const QJsonObject& targets)
{
    QStringList parts;
    const double minFps = targets.value(QStringLiteral("min_fps")).toDouble();
    const double maxFps = targets.value(QStringLiteral("max_fps")).toDouble();
    const double maxEnergy = targets.value(QStringLiteral("max_energy_uj")).toDouble();
    if (minFps > 0) {
        parts << RunsModel::tr("≥ %1 FPS").arg(number(minFps, 0));
    }
    if (maxFps > 0) {
        parts << RunsModel::tr("≤ %1 FPS").arg(number(maxFps, 0));
    }
    if (maxEnergy > 0) {
        parts << RunsModel::tr("≤ %1 µJ").arg(number(maxEnergy, 1));
    }
    return parts.join(QStringLiteral(", "));
}

QString stateText(const QString& state)
{
    if (state == QLatin1String("running")) {
        return RunsModel::tr("running");
    }
    if (state == QLatin1String("complete")) {
        return RunsModel::tr("complete");
    }
    if (state == QLatin1String("cancelled")) {
        return RunsModel::tr("cancelled");
    }
    if (state == QLatin1String("failed")) {
        return RunsModel::tr("failed");
    }
    if (state == QLatin1String("interrupted")) {
        return RunsModel::tr("interrupted");
    }
    if (state == QLatin1String("superseded")) {
        return RunsModel::tr("superseded");
    }
    return state;
}

} // namespace

RunsModel::RunsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RunsModel::setStore(store::RunStore* store)
{
    m_store = store;
    reload();
}

RunsModel::Row RunsModel::readRow(const store::RunInfo* info) const
{
    Row r;
    if (!info) {
        return r;
    }
    r.id = info->id;
    r.name = fromStd(info->name);
    r.state = fromStd(store::runStateName(info->state));
    r.error = fromStd(info->error);
    r.created = QDateTime::fromString(fromStd(info->createdAt), Qt::ISODate).toLocalTime();
    r.objective = fromStd(info->objective);
    r.candidates = info->candidates;
    r.requestJson = fromStd(info->requestJson);
    r.writerHost = fromStd(info->writerHost);
    r.writtenHere = info->writtenHere;
    const QJsonObject request = QJsonDocument::fromJson(r.requestJson.toUtf8()).object();
    r.platform = request.value(QStringLiteral("platform")).toString();
    r.budget = budgetText(request.value(QStringLiteral("budget")).toObject());
    r.targets = targetsText(request.value(QStringLiteral("targets")).toObject());
    // The run's front as the store flags it (accuracy against the run's objective, valid candidates): a few rows,
    // not every candidate of the run.
    const bool maximise = store::frontMaximises(info->objective);
    for (const auto& c : m_store->candidates(info->id, true)) {
        const double metric = store::frontMetric(c, info->objective);
        r.bestAccuracy = std::max(r.bestAccuracy, c.accuracy);
        if (r.bestMetric < 0 || (maximise ? metric > r.bestMetric : metric < r.bestMetric)) {
            r.bestMetric = metric;
        }
    }
    return r;
}

void RunsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_store) {
        for (const auto& info : m_store->runs()) {
            m_rows.push_back(readRow(&info));
        }
    }
    endResetModel();
}

void RunsModel::refreshChanged()
{
    if (!m_store) {
        return;
    }
    // Names, states and the set of runs cost one cheap query; only the rows that changed or are still running
    // (their candidates, their front) are read again. A large store that other programs write stays cheap to follow.
    const auto now = m_store->runs(false, false);
    if (now.size() < size_t(m_rows.size())) {
        reload();
        return;
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != now[size_t(i)].id) {
            reload();
            return;
        }
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto& info = now[size_t(i)];
        if (info.state == store::RunState::Running || m_rows[i].state != fromStd(store::runStateName(info.state))
            || m_rows[i].name != fromStd(info.name) || m_rows[i].error != fromStd(info.error)) {
            if (const auto full = m_store->run(info.id)) {
                m_rows[i] = readRow(&*full);
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
        }
    }
    if (now.size() > size_t(m_rows.size())) {
        beginInsertRows({}, int(m_rows.size()), int(now.size()) - 1);
        for (size_t i = size_t(m_rows.size()); i < now.size(); ++i) {
            const auto full = m_store->run(now[i].id);
            m_rows.push_back(readRow(full ? &*full : nullptr));
        }
        endInsertRows();
    }
}

void RunsModel::refreshRun(qint64 runId)
{
    const int row = rowOf(runId);
    const auto info = m_store ? m_store->run(runId) : std::nullopt;
    if (row < 0 || !info || info->trashed) {
        reload();
        return;
    }
    m_rows[row] = readRow(&*info);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

qint64 RunsModel::runId(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].id : -1; }

int RunsModel::rowOf(qint64 runId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == runId) {
            return i;
        }
    }
    return -1;
}

int RunsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int RunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RunsModel::metricText(const Row& r) const
{
    if (r.bestMetric < 0) {
        return {};
    }
    if (r.objective == QLatin1String("latency")) {
        return tr("%1 ms").arg(number(r.bestMetric, 2));
    }
    if (r.objective == QLatin1String("energy")) {
        return tr("%1 µJ").arg(number(r.bestMetric, 1));
    }
    if (r.objective == QLatin1String("edp")) {
        return tr("%1 µJ·ms").arg(number(r.bestMetric, 2));
    }
    return tr("%1 FPS").arg(number(r.bestMetric, 1));
}

QVariant RunsModel::display(const Row& r, int column) const
{
    switch (column) {
    case NameColumn:
        return r.name.isEmpty() ? tr("Run %1").arg(r.id) : r.name;
    case StateColumn:
        return stateText(r.state);
    case CreatedColumn:
        return QLocale().toString(r.created, QLocale::ShortFormat);
    case PlatformColumn:
        return r.platform;
    case BudgetColumn:
        return r.budget;
    case TargetsColumn:
        return r.targets;
    case ObjectiveColumn:
        return r.objective;
    case CandidatesColumn:
        return QLocale().toString(r.candidates);
    case BestAccuracyColumn:
        return r.bestAccuracy < 0 ? QString() : tr("%1 %").arg(number(r.bestAccuracy * 100, 2));
    case BestMetricColumn:
        return metricText(r);
    }
    return {};
}

QVariant RunsModel::raw(const Row& r, int column) const
{
    switch (column) {
    case NameColumn:
        return r.name;
    case StateColumn:
        return r.state;
    case CreatedColumn:
        return r.created;
    case CandidatesColumn:
        return r.candidates;
    case BestAccuracyColumn:
        return r.bestAccuracy < 0 ? QVariant() : QVariant(r.bestAccuracy);
    case BestMetricColumn:
        return r.bestMetric < 0 ? QVariant() : QVariant(r.bestMetric);
    default:
        return display(r, column);
    }
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(r.name) : display(r, column);
    case SortRole:
        return raw(r, column);
    case RunIdRole:
        return r.id;
    case RunningRole:
        return r.state == QLatin1String("running");
    case ForeignHostRole:
        return r.writtenHere ? QString() : (r.writerHost.isEmpty() ? tr("another program") : r.writerHost);
    case Qt::FontRole:
        if (column == StateColumn && r.state == QLatin1String("running")) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column >= CandidatesColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StateColumn && !r.error.isEmpty()) {
            return r.error;
        }
        if (column == NameColumn && !r.writtenHere) {
            return r.writerHost.isEmpty() ? tr("Written by another program")
                                          : tr("Written by a program on %1").arg(r.writerHost);
        }
        if (column == CreatedColumn) {
            return QLocale().toString(r.created, QLocale::LongFormat);
        }
        if (column == PlatformColumn || column == BudgetColumn || column == TargetsColumn) {
            return QString::fromUtf8(QJsonDocument::fromJson(r.requestJson.toUtf8()).toJson(QJsonDocument::Indented));
        }
        if (column == BestMetricColumn) {
            return tr("Best %1 among the run's Pareto-optimal candidates").arg(r.objective);
        }
        return {};
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Created");
    case PlatformColumn:
        return tr("Platform");
    case BudgetColumn:
        return tr("Budget");
    case TargetsColumn:
        return tr("Targets");
    case ObjectiveColumn:
        return tr("Objective");
    case CandidatesColumn:
        return tr("Candidates");
    case BestAccuracyColumn:
        return tr("Best accuracy");
    case BestMetricColumn:
        return tr("Best on front");
    }
    return {};
}

Qt::ItemFlags RunsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn && m_store
        && m_store->mode() == store::RunStore::Mode::ReadWrite) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool RunsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    const QString name = value.toString().trimmed();
    const Row& r = m_rows[index.row()];
    if (name == r.name) {
        return false;
    }
    emit renameRequested(r.id, r.name, name);
    return true;
}

} // namespace dna::widgets
