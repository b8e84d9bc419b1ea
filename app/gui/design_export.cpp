#include "design_export.h"
#include "error_text.h"

#include "csv_field.h"

#include "io/json_io.h"
#include "io/timeloop_export.h"
#include "store/run_store.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace dna::app {

namespace {

/// The translation context of the export messages.
class DesignExport {
    Q_DECLARE_TR_FUNCTIONS(DesignExport)
};

Error fail(ErrorCode code, const QString& detail) { return Error { code, detail.toStdString() }; }

/// The stored design of a candidate, parsed and checked the way `dna-cli export` does.
Expected<std::pair<io::Json, accel::Design>> storedDesign(const store::RunStore& store, qint64 candidateId)
{
    const auto c = store.candidate(candidateId);
    if (!c) {
        return fail(ErrorCode::NoCandidate,
            DesignExport::tr("Candidate %1 is not in the store %2.")
                .arg(candidateId)
                .arg(QString::fromStdString(store.path())));
    }
    io::Json json = io::Json::parse(c->designJson, nullptr, false);
    auto design = io::designFromJson(json);
    if (!design) {
        return fail(ErrorCode::BadDesign,
            DesignExport::tr("The stored design of candidate %1 is unreadable: %2")
                .arg(candidateId)
                .arg(widgets::ErrorText::message(design.error())));
    }
    return std::make_pair(std::move(json), std::move(design).value());
}

using StoredDesigns = std::vector<std::pair<qint64, std::pair<io::Json, accel::Design>>>;

/// Every design read and checked before anything is written, so a bad id leaves no partial export behind.
Expected<StoredDesigns> storedDesigns(const store::RunStore& store, const QList<qint64>& ids)
{
    StoredDesigns out;
    for (qint64 id : ids) {
        auto design = storedDesign(store, id);
        if (!design) {
            return design.error();
        }
        out.emplace_back(id, std::move(design).value());
    }
    return out;
}

std::optional<Error> makeDir(const QString& dir, const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return fail(ErrorCode::NoCandidates,
            DesignExport::tr("No candidates are selected; select some in the plot or the table."));
    }
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        return fail(ErrorCode::WriteFailed, DesignExport::tr("Cannot create the folder “%1”.").arg(dir));
    }
    return std::nullopt;
}

/// Layer names come from network files: keep them readable in a file name but never a path separator.
QString fileSafe(const std::string& name)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    return QString::fromStdString(name).replace(unsafe, QStringLiteral("_"));
}

QString cellText(const QVariant& v)
{
    if (v.metaType().id() == QMetaType::QDateTime) {
        return v.toDateTime().toString(Qt::ISODateWithMs);
    }
    return v.toString(); // doubles in the shortest form that reads back exactly
}

} // namespace

Expected<QStringList> exportDesignFiles(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir)
{
    auto designs = storedDesigns(store, candidateIds);
    if (!designs) {
        return designs.error();
    }
    if (auto e = makeDir(dir, candidateIds)) {
        return *e;
    }
    QStringList written;
    for (const auto& [id, design] : *designs) {
        const QString path = QDir(dir).filePath(QStringLiteral("candidate-%1.json").arg(id));
        if (auto e = io::writeJsonFile(path.toStdString(), design.first)) {
            return fail(ErrorCode::WriteFailed, DesignExport::tr("Cannot write “%1”.").arg(path));
        }
        written << path;
    }
    return written;
}

Expected<QStringList> exportTimeloop(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir)
{
    auto designs = storedDesigns(store, candidateIds);
    if (!designs) {
        return designs.error();
    }
    if (auto e = makeDir(dir, candidateIds)) {
        return *e;
    }
    QStringList written;
    for (const auto& [id, design] : *designs) {
        const accel::Design& d = design.second;
        for (size_t i = 0; i < d.network.layers.size(); ++i) {
            const QString path = QDir(dir).filePath(QStringLiteral("candidate-%1_%2_%3.yaml")
                                                        .arg(id)
                                                        .arg(int(i), 3, 10, QLatin1Char('0'))
                                                        .arg(fileSafe(d.network.layers[i].name)));
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly)) {
                return fail(
                    ErrorCode::WriteFailed, DesignExport::tr("Cannot write “%1”: %2").arg(path, f.errorString()));
            }
            f.write(QByteArray::fromStdString(io::timeloopYaml(d, i)));
            if (!f.commit()) {
                return fail(
                    ErrorCode::WriteFailed, DesignExport::tr("Cannot write “%1”: %2").arg(path, f.errorString()));
            }
            written << path;
        }
    }
    return written;
}

bool writeModelCsv(const QAbstractItemModel* model, const QString& path, QString* error)
{
    auto setError = [&](const QString& e) {
        if (error) {
            *error = e;
        }
        return false;
    };
    if (!model) {
        return setError(DesignExport::tr("There is no table to export."));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return setError(DesignExport::tr("Cannot write “%1”: %2").arg(path, f.errorString()));
    }
    const int columns = model->columnCount();
    QStringList fields;
    for (int c = 0; c < columns; ++c) {
        fields << widgets::csvField(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    QString text = fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < model->rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < columns; ++c) {
            const QModelIndex index = model->index(r, c);
            QVariant v = index.data(Qt::UserRole);
            if (!v.isValid()) {
                v = index.data(Qt::DisplayRole);
            }
            fields << widgets::csvField(cellText(v));
        }
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    f.write(text.toUtf8());
    if (!f.commit()) {
        return setError(DesignExport::tr("Cannot write “%1”: %2").arg(path, f.errorString()));
    }
    return true;
}

namespace {

/// The recorded weights file of a candidate, or why there is none.
Expected<QString> weightsFile(const store::RunStore& store, qint64 candidateId)
{
    const auto c = store.candidate(candidateId);
    if (!c) {
        return fail(ErrorCode::NoCandidate,
            DesignExport::tr("Candidate %1 is not in the store %2.")
                .arg(candidateId)
                .arg(QString::fromStdString(store.path())));
    }
    if (c->weightsPath.empty()) {
        return fail(ErrorCode::NoWeights,
            DesignExport::tr("Candidate %1 has no trained weights: only retrained designs keep them (the final "
                             "networks of a “paper” preset search).")
                .arg(candidateId));
    }
    const QString path = QString::fromStdString(c->weightsPath);
    if (!QFileInfo(path).isFile()) {
        return fail(ErrorCode::WeightsMissing,
            DesignExport::tr("The trained weights of candidate %1 are gone: “%2” no longer exists.")
                .arg(candidateId)
                .arg(path));
    }
    return path;
}

} // namespace

QList<qint64> candidatesWithoutWeights(const store::RunStore& store, const QList<qint64>& candidateIds)
{
    QList<qint64> out;
    for (qint64 id : candidateIds) {
        if (!weightsFile(store, id)) {
            out << id;
        }
    }
    return out;
}

bool trainedWeightsAvailable(const store::RunStore& store, const QList<qint64>& candidateIds)
{
    return !candidateIds.isEmpty() && candidatesWithoutWeights(store, candidateIds).isEmpty();
}

Expected<QStringList> exportWeights(const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir)
{
    std::vector<std::pair<qint64, QString>> sources;
    for (qint64 id : candidateIds) {
        auto file = weightsFile(store, id);
        if (!file) {
            return file.error();
        }
        sources.emplace_back(id, *file);
    }
    if (auto e = makeDir(dir, candidateIds)) {
        return *e;
    }
    QStringList written;
    for (const auto& [id, source] : sources) {
        const QString path = QDir(dir).filePath(QStringLiteral("candidate-%1.weights.pt").arg(id));
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly)) {
            return fail(
                ErrorCode::WeightsMissing, DesignExport::tr("Cannot read “%1”: %2").arg(source, in.errorString()));
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            return fail(ErrorCode::WriteFailed, DesignExport::tr("Cannot write “%1”: %2").arg(path, out.errorString()));
        }
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            if (chunk.isEmpty() || out.write(chunk) != chunk.size()) {
                break;
            }
        }
        if (!in.atEnd() || !out.commit()) {
            out.cancelWriting();
            return fail(ErrorCode::WriteFailed, DesignExport::tr("Cannot write “%1”: %2").arg(path, out.errorString()));
        }
        written << path;
    }
    return written;
}

} // namespace dna::app
