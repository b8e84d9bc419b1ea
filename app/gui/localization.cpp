#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace dna::app {

namespace {

void installTranslator(const QLocale& locale, const QString& baseName, const QString& directory, QStringList& loaded)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, baseName, QStringLiteral("_"), directory)) {
        delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
    loaded.append(translator->filePath());
}

} // namespace

QStringList installTranslators(const QLocale& locale)
{
    QStringList loaded;
    installTranslator(locale, QStringLiteral("dna_explorer"), QStringLiteral(":/i18n"), loaded);
    // Qt's own strings: standard dialog buttons, the About Qt box, the command line help options.
    installTranslator(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath), loaded);
    return loaded;
}

} // namespace dna::app
