#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

    // With --json a failure is one JSON line on standard output too, carrying the error's code: a script reading
    // the result learns what failed (the text stays on standard error).
    void jsonFailuresAreJson()
    {
        QTemporaryDir dir;
        const QString tight = dir.filePath(QStringLiteral("tight.json"));
        QFile file(tight);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"base": "zc706", "name": "zc706-100pes", "budget": {"pes": 100}})");
        file.close();
        const QList<std::tuple<QStringList, int, QString>> cases {
            { { QStringLiteral("evaluate"), QStringLiteral("--network"), QStringLiteral("alexnet"),
                  QStringLiteral("--platform"), QStringLiteral("zc999"), QStringLiteral("--json") },
                2, QStringLiteral("unknown_platform") },
            { { QStringLiteral("hwsearch"), QStringLiteral("--network"), QStringLiteral("alexnet"),
                  QStringLiteral("--platform"), QStringLiteral("zc706"), QStringLiteral("--iters"),
                  QStringLiteral("-5"), QStringLiteral("--json") },
                2, QStringLiteral("bad_request") },
            { { QStringLiteral("hwsearch"), QStringLiteral("--network"), QStringLiteral("mobilenetv2"),
                  QStringLiteral("--platform"), tight, QStringLiteral("--iters"), QStringLiteral("2000"),
                  QStringLiteral("--json") },
                1, QStringLiteral("no_valid_design") },
        };
        for (const auto& [arguments, exitCode, code] : cases) {
            QProcess process;
            process.start(QStringLiteral(DNA_CLI_BIN), arguments);
            QVERIFY2(process.waitForFinished(60000), qPrintable(arguments.join(QLatin1Char(' '))));
            QCOMPARE(process.exitCode(), exitCode);
            const QByteArray out = process.readAllStandardOutput();
            QJsonParseError parsed;
            const QJsonObject error
                = QJsonDocument::fromJson(out, &parsed).object()[QStringLiteral("error")].toObject();
            QVERIFY2(parsed.error == QJsonParseError::NoError, out.constData());
            QCOMPARE(error[QStringLiteral("code")].toString(), code);
            QVERIFY(!error[QStringLiteral("message")].toString().isEmpty());
            QVERIFY(!process.readAllStandardError().trimmed().isEmpty());
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
