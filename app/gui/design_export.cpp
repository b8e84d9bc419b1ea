#include "design_export.h"
#include "error_text.h"

#include "store/export_files.h"
#include "store/run_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace dna::app {

namespace {

/// The translation context of the export messages.
class DesignExport {
    Q_DECLARE_TR_FUNCTIONS(DesignExport)
};

Error fail(ErrorCode code, const QString& detail) { return Error { code, detail.toStdString() }; }

std::vector<int64_t> idVector(const QList<qint64>& ids) { return std::vector<int64_t>(ids.begin(), ids.end()); }

/// Core's files written, or its error with the explorer's translated sentence in front of core's detail.
Expected<QStringList> shown(const Expected<std::vector<std::string>>& written)
{
    if (!written) {
        return fail(written.error().code, session::ErrorText::message(written.error()));
    }
    QStringList out;
    for (const auto& path : *written) {
        out << QString::fromStdString(path);
    }
    return out;
}

Error noneSelected()
{
    return fail(
        ErrorCode::NoCandidates, DesignExport::tr("No candidates are selected; select some in the plot or the table."));
}

std::optional<Error> makeDir(const QString& dir, const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return noneSelected();
    }
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        return fail(ErrorCode::WriteFailed, DesignExport::tr("Cannot create the folder “%1”.").arg(dir));
    }
    return std::nullopt;
}

/// The stored designs of the selected candidates, read and checked before anything is written.
Expected<std::vector<store::StoredDesign>> selectedDesigns(const store::RunStore& store, const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return noneSelected();
    }
    auto designs = store::loadStoredDesigns(store, idVector(ids));
    if (!designs) {
        return fail(designs.error().code, session::ErrorText::message(designs.error()));
    }
    return designs;
}

} // namespace

Expected<QStringList> exportDesignFiles(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir)
{
    auto designs = selectedDesigns(store, candidateIds);
    if (!designs) {
        return designs.error();
    }
    return shown(store::writeDesignFiles(*designs, dir.toStdString()));
}

Expected<QStringList> exportTimeloop(
    const store::RunStore& store, const QList<qint64>& candidateIds, const QString& dir)
{
    auto designs = selectedDesigns(store, candidateIds);
    if (!designs) {
        return designs.error();
    }
    return shown(store::writeTimeloopFiles(*designs, dir.toStdString()));
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
        const QString path = QDir(dir).filePath(QString::fromStdString(store::weightsFileName(id)));
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
