#pragma once

#include <QString>

namespace dna::widgets {

/// One CSV field as RFC 4180 wants it: as is, or in double quotes (inner quotes doubled) when it holds a comma,
/// a quote or a line break.
inline QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r'))) {
        return s;
    }
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace dna::widgets
