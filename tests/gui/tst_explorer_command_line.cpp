#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

// Runs the real dna-explorer binary. --help and --version must answer without a display, so the tests take
// the display away: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
class TestExplorerCommandLine : public QObject {
    Q_OBJECT

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" }) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.remove(QStringLiteral("LANGUAGE"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DNA_EXPLORER_BIN), arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
            return {};
        }
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

private slots:
    void version()
    {
        const Result result = run({ QStringLiteral("--version") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QStringLiteral("DNA Explorer " DNA_EXPECTED_VERSION));
    }

    void help()
    {
        const Result result = run({ QStringLiteral("--help") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("[store-file]")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("--version")));
    }

    void unknownOptionFails()
    {
        // Fails before any window would open, so this also runs without a display.
        const Result result = run({ QStringLiteral("--version"), QStringLiteral("--frobnicate") });
        QVERIFY(result.exitCode != 0 && result.exitCode != -1);
        QVERIFY2(result.err.contains(QStringLiteral("frobnicate")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestExplorerCommandLine)
#include "tst_explorer_command_line.moc"
