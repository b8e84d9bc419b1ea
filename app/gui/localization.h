#pragma once

#include <QStringList>

class QLocale;

namespace dna::app {

/// Installs on the running application the translators for `locale`: ours from :/i18n and, when the Qt
/// installation has them, Qt's own qtbase translations. Returns the files loaded (empty for English).
QStringList installTranslators(const QLocale& locale);

} // namespace dna::app
