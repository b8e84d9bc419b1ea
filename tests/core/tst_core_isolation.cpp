#include "core_link_libraries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

// core/ is plain C++ shared by dna-cli and the GUI: it includes no Qt header and links no Qt library.
namespace {

const QStringList kSourcePatterns { QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp"),
    QStringLiteral("*.cc"), QStringLiteral("*.cxx"), QStringLiteral("*.inl") };

// Not a raw string literal: moc 6.4 loses track of the class after one with quotes inside.
// `#include <QString>`, `#include "QtCore/qglobal.h"`, `#include <QtWidgets>`, `#include <qcustomplot.h>`.
const QRegularExpression kQtInclude(
    QStringLiteral("^\\s*#\\s*include\\s*[<\"](Q|qcustomplot)[^>\"]*[>\"]"), QRegularExpression::MultilineOption);

struct Scan {
    int files = 0;
    QStringList offences; // "path:line: include"
};

Scan scanForQtIncludes(const QString& root)
{
    Scan scan;
    QDirIterator it(root, kSourcePatterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            scan.offences.append(path + QStringLiteral(": cannot be read"));
            continue;
        }
        ++scan.files;
        const QString text = QString::fromUtf8(file.readAll());
        auto matches = kQtInclude.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            const int line = text.left(match.capturedStart()).count(QLatin1Char('\n')) + 1;
            scan.offences.append(QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(match.captured().trimmed()));
        }
    }
    return scan;
}

QStringList qtEntries(const QString& libraries)
{
    QStringList offending;
    for (const QString& entry : libraries.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (entry.contains(QLatin1String("Qt")) || entry.contains(QLatin1String("qt5"), Qt::CaseInsensitive)
            || entry.contains(QLatin1String("qt6"), Qt::CaseInsensitive)
            || entry.contains(QLatin1String("qcustomplot"), Qt::CaseInsensitive)) {
            offending.append(entry);
        }
    }
    return offending;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestCoreIsolation : public QObject {
    Q_OBJECT

private slots:
    // The checks below are only worth something if they catch a planted offence.
    void scannerCatchesPlantedIncludes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("accel")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("clean.cpp")),
            "#include <queue>\n#include \"quantize.h\"\n// #include <QString> in a comment is fine\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("accel/bad.h")),
            "#pragma once\n#include <vector>\n#include <QString>\n  #  include \"QtCore/qglobal.h\"\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("bad.cpp")), "#include <QtWidgets>\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), "#include <QString>\n"));

        const Scan scan = scanForQtIncludes(dir.path());
        QCOMPARE(scan.files, 3);
        QCOMPARE(scan.offences.size(), 3);
        for (const QString& offence : scan.offences) {
            QVERIFY2(offence.contains(QStringLiteral("bad.")), qPrintable(offence));
        }
        QVERIFY(scan.offences.join(QLatin1Char('\n')).contains(QStringLiteral("bad.h:3: #include <QString>")));
    }

    void linkCheckCatchesPlantedQtLibrary()
    {
        QCOMPARE(qtEntries(QStringLiteral("torch\nSQLite::SQLite3\nThreads::Threads")), QStringList());
        QCOMPARE(qtEntries(QStringLiteral("torch\nQt6::Core\n/usr/lib/x86_64-linux-gnu/libQt6Gui.so.6")).size(), 2);
    }

    void coreIncludesNoQtHeader()
    {
        const QString core = QStringLiteral(DNA_SOURCE_DIR "/core");
        QVERIFY2(QDir(core).exists(), qPrintable(core));
        const Scan scan = scanForQtIncludes(core);
        QVERIFY2(scan.files > 0, "no source file found under core/");
        QVERIFY2(scan.offences.isEmpty(), qPrintable(scan.offences.join(QLatin1Char('\n'))));
    }

    void coreLinksNoQtLibrary_data()
    {
        QTest::addColumn<QString>("libraries");
        QTest::addRow("LINK_LIBRARIES") << QString::fromUtf8(kCoreLinkLibraries);
        QTest::addRow("INTERFACE_LINK_LIBRARIES") << QString::fromUtf8(kCoreInterfaceLinkLibraries);
    }

    void coreLinksNoQtLibrary()
    {
        QFETCH(QString, libraries);
        QVERIFY2(!libraries.trimmed().isEmpty(), "the generated link list is empty: check tests/core/CMakeLists.txt");
        const QStringList offending = qtEntries(libraries);
        QVERIFY2(offending.isEmpty(), qPrintable(offending.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestCoreIsolation)
#include "tst_core_isolation.moc"
