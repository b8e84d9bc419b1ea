#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// Runs the real dna-cli (DNA_CLI_BIN) to completion and keeps what it printed.
struct CliRun {
    int exitCode = -1; // -1: timed out or crashed
    QByteArray out;
    QString outText;
    QString err;
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(DNA_CLI_BIN), args);
    CliRun r;
    if (p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit) {
        r.exitCode = p.exitCode();
    } else {
        p.kill();
        p.waitForFinished(1000);
    }
    r.out = p.readAllStandardOutput();
    r.outText = QString::fromUtf8(r.out);
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
