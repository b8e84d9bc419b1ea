#include "app_identity.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace dna::app {

QString organizationName() { return QStringLiteral("DnaExplorer"); }

QString applicationName() { return QStringLiteral("DNA Explorer"); }

QString applicationVersion() { return QStringLiteral(DNA_APP_VERSION); }

QString applicationId() { return QStringLiteral(DNA_APP_ID); }

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setApplicationVersion(applicationVersion());
    // Lets Wayland compositors and task bars match the window to the installed .desktop file and icon.
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        QGuiApplication::setDesktopFileName(applicationId());
    }
}

} // namespace dna::app
