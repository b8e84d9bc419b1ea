#pragma once

// A small disk for tests that fill one up or need read-only media: a tmpfs of a given size mounted on a
// temporary folder, unmounted when the object goes. Mounting needs root (as CI runs); ok() says whether it worked.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace dna::testing {

class SmallDisk {
public:
    explicit SmallDisk(int kib)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"),
            { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=%1k").arg(kib),
                QStringLiteral("tmpfs"), m_dir.path() });
        m_mounted = m_dir.isValid() && mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit
            && mount.exitCode() == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted) {
            QProcess::execute(QStringLiteral("umount"), { m_dir.path() });
        }
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool ok() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    /// Remounts it read-only, as read-only media.
    bool makeReadOnly() const
    {
        return QProcess::execute(
                   QStringLiteral("mount"), { QStringLiteral("-o"), QStringLiteral("remount,ro"), path() })
            == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace dna::testing
