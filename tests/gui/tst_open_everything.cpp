// Every program opens: loads each .py file under the folder given on the command line into one
// window (offscreen), one after the other, runs it and checks that the timeline renders — no
// crash, no hang, and a message saying how the run ended. One process for a whole folder keeps
// this fast; each file gets a time limit, and the report names any file that fails.
#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>
#include <QtTest>

#include <cstdio>

#include "ConsoleView.h"
#include "MainWindow.h"
#include "TimelineView.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::distinctColors;

namespace {

constexpr int kPerFileLimitMs = 60000;

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
    if (argc != 2) {
        std::fprintf(stderr, "usage: tst_open_everything FOLDER\n");
        return 2;
    }
    QStringList files;
    for (QDirIterator it(QString::fromLocal8Bit(argv[1]), {QStringLiteral("*.py")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        files << it.next();
    files.sort();
    if (files.isEmpty()) {
        std::fprintf(stderr, "no .py files under %s\n", argv[1]);
        return 1;
    }

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QElapsedTimer total;
    total.start();
    int failures = 0;
    for (const QString& path : files) {
        QElapsedTimer clock;
        clock.start();
        QString problem;
        if (!window.loadFile(path)) {
            problem = QStringLiteral("cannot load");
        } else {
            window.runCurrentSource();
            if (!window.waitForRun(kPerFileLimitMs)) {
                problem = QStringLiteral("still running after %1 s").arg(kPerFileLimitMs / 1000);
                window.cancelRun();
                window.waitForRun(5000);
            } else {
                TimelineView* timeline = window.timeline();
                timeline->plot()->replot(QCustomPlot::rpImmediateRefresh);
                const QImage image = timeline->plot()->toPixmap().toImage();
                const QString message = window.narrationText();
                if (distinctColors(image, 3) < 4)
                    problem = QStringLiteral("the timeline is blank");
                else if (message.isEmpty())
                    problem = QStringLiteral("no message says how the run ended");
                else if (const RunResult& result = window.lastResult();
                         !result.ok &&
                         !window.console()->toPlainText().contains(QString::fromStdString(result.errorType)))
                    problem =
                        QStringLiteral("the run failed but the console does not say with what: ") + message;
                else if (!result.ok && timeline->model().runError().isEmpty() &&
                         timeline->model().hasTrace() && timeline->model().rowCount() > 0)
                    problem = QStringLiteral("the run failed but the timeline does not say so");
            }
        }
        const qint64 ms = clock.elapsed();
        std::printf("%-4s %6lld ms  %s  %s\n", problem.isEmpty() ? "ok" : "FAIL", static_cast<long long>(ms),
                    qPrintable(path),
                    qPrintable(problem.isEmpty() ? window.narrationText().left(100) : problem));
        failures += !problem.isEmpty();
    }
    std::printf("%lld files in %.1f s, %d failed\n", static_cast<long long>(files.size()),
                total.elapsed() / 1000.0, failures);
    return failures ? 1 : 0;
}
