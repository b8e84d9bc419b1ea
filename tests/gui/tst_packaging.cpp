#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

// The desktop entry and AppStream metainfo in packaging/ are valid, and they agree with each other and with
// CMake on the application id and version.
class TestPackaging : public QObject {
    Q_OBJECT

private:
    static QString appId() { return QStringLiteral(DNA_APP_ID); }

    static QString packagingFile(const QString& suffix)
    {
        return QDir(QStringLiteral(DNA_PACKAGING_DIR)).filePath(appId() + suffix);
    }

    static void runValidator(const QString& tool, const QStringList& arguments)
    {
        const QString program = QStandardPaths::findExecutable(tool);
        if (program.isEmpty()) {
            QSKIP(qPrintable(tool + QStringLiteral(" is not installed")));
        }
        QProcess process;
        process.start(program, arguments);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        // desktop-file-validate exits 0 on warnings; only hints are acceptable.
        QVERIFY2(!output.contains("error:") && !output.contains("warning:"), output.constData());
    }

    static QString readFile(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        return QString::fromUtf8(file.readAll());
    }

private slots:
    void metainfoValidates()
    {
        runValidator(QStringLiteral("appstreamcli"),
            { QStringLiteral("validate"), QStringLiteral("--no-net"), packagingFile(QStringLiteral(".metainfo.xml")) });
    }

    void desktopFileValidates()
    {
        runValidator(QStringLiteral("desktop-file-validate"), { packagingFile(QStringLiteral(".desktop")) });
    }

    void metainfoAgreesWithCMake()
    {
        QFile file(packagingFile(QStringLiteral(".metainfo.xml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString id;
        QString launchable;
        QStringList releases;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) {
                continue;
            }
            if (xml.name() == QLatin1String("id")) {
                id = xml.readElementText();
            } else if (xml.name() == QLatin1String("launchable")) {
                launchable = xml.readElementText();
            } else if (xml.name() == QLatin1String("release")) {
                releases.append(xml.attributes().value(QLatin1String("version")).toString());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(id, appId());
        QCOMPARE(launchable, appId() + QStringLiteral(".desktop"));
        QVERIFY2(releases.contains(QStringLiteral(DNA_EXPECTED_VERSION)),
            "add a <release> for the project version to the metainfo");
    }

    void desktopFileAgreesWithCMake()
    {
        const QString desktop = readFile(packagingFile(QStringLiteral(".desktop")));
        QVERIFY(!desktop.isEmpty());
        const QRegularExpression icon(QStringLiteral("^Icon=(.*)$"), QRegularExpression::MultilineOption);
        QCOMPARE(icon.match(desktop).captured(1), appId());
        const QRegularExpression exec(QStringLiteral("^Exec=(\\S+)"), QRegularExpression::MultilineOption);
        QCOMPARE(exec.match(desktop).captured(1), QStringLiteral("dna-explorer"));
    }

    void iconIsSvg()
    {
        QFile file(QStringLiteral(DNA_ICON_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("svg"));
        QCOMPARE(xml.namespaceUri(), QLatin1String("http://www.w3.org/2000/svg"));
        while (!xml.atEnd()) {
            xml.readNext();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
