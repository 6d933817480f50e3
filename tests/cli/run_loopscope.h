#pragma once
// Runs the built `loopscope` binary (LOOPSCOPE_BINARY) as a user would, with no display: the
// command line's tests and the export's share it.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace loopscope::test {

struct Result {
    int exitCode = -1; // -1: it crashed or did not end within a minute
    QString out;
    QString err;
};

// Runs loopscope with [args] and no display (QT_QPA_PLATFORM=xcb: a path that needs a display
// would abort).
inline Result runLoopscope(const QStringList& args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LOOPSCOPE_BINARY), args);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Result result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace loopscope::test
