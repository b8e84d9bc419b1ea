#include <QProcess>
#include <QtTest>

// The dispatcher of the real dna-cli binary: version, help, and the exit code 2 for bad usage.
class TestCliBasics : public QObject {
    Q_OBJECT

private slots:
    void run_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutContains");
        QTest::addColumn<QString>("stderrContains");

        QTest::addRow("--version") << QStringList { QStringLiteral("--version") } << 0
                                   << QStringLiteral("dna-cli " DNA_EXPECTED_VERSION) << QString();
        QTest::addRow("--help") << QStringList { QStringLiteral("--help") } << 0 << QStringLiteral("Commands:")
                                << QString();
        QTest::addRow("unknown subcommand")
            << QStringList { QStringLiteral("frobnicate") } << 2 << QString() << QStringLiteral("'frobnicate'");
        QTest::addRow("no arguments") << QStringList {} << 2 << QString() << QString();
    }

    void run()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutContains);
        QFETCH(QString, stderrContains);

        QProcess process;
        process.start(QStringLiteral(DNA_CLI_BIN), arguments);
        QVERIFY2(process.waitForFinished(30000), "dna-cli did not finish within 30 s");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == exitCode,
            qPrintable(QStringLiteral("exit code %1, expected %2; stderr: %3")
                           .arg(process.exitCode())
                           .arg(exitCode)
                           .arg(err)));
        QVERIFY2(out.contains(stdoutContains), qPrintable(out));
        QVERIFY2(err.contains(stderrContains), qPrintable(err));
        if (exitCode == 2) {
            // Bad usage explains itself on stderr and keeps stdout clean for scripts.
            QVERIFY(!err.trimmed().isEmpty());
            QVERIFY2(out.isEmpty(), qPrintable(out));
        }
    }

    void versionIsTheWholeOutput()
    {
        QProcess process;
        process.start(QStringLiteral(DNA_CLI_BIN), { QStringLiteral("--version") });
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(
            QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("dna-cli " DNA_EXPECTED_VERSION "\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
