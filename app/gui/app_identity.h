#pragma once

#include <QString>

namespace dna::app {

/// Organisation and application names under which QSettings and QStandardPaths keep our files.
QString organizationName();
QString applicationName();
/// The project version (CMake's PROJECT_VERSION), e.g. "0.1.0".
QString applicationVersion();
/// The reverse-DNS id shared by the .desktop file, the AppStream metainfo and the icon.
QString applicationId();

/// Sets the names above on QCoreApplication; call right after constructing the application object.
void setApplicationIdentity();

} // namespace dna::app
