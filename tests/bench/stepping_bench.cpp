// The stepping benchmark (run by hand, never by ctest): how long one step of the cursor takes,
// forwards and backwards, on runs of over 10,000 steps. First the Qt-free core (the loop's
// state at the stop and its narration), then the whole window (every panel redrawn: inspector,
// code, console, timeline), stepping by step with the window's own actions.
//
//   build/tests/bench/stepping_bench            (QT_QPA_PLATFORM=offscreen without a display)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include "LoopHistory.h"
#include "MainWindow.h"
#include "Narration.h"
#include "RunCursor.h"
#include "StepController.h"
#include "TimelineView.h"
#include "engine.h"
#include "ten_thousand_sleepers.h"

using namespace loopscope;

namespace {

// 1,000 tasks of 10 sleeps each: 11,000 steps, with statements.
const char* kElevenThousandSteps = "import asyncio\n"
                                   "async def worker(i):\n"
                                   "    for k in range(10):\n"
                                   "        await asyncio.sleep(0.001 * (i % 7 + 1))\n"
                                   "async def main():\n"
                                   "    await asyncio.gather(*(worker(i) for i in range(1000)))\n"
                                   "asyncio.run(main())\n";

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

struct Stats {
    double mean = 0, max = 0;
};

Stats stats(const std::vector<double>& v)
{
    Stats s;
    for (double x : v) {
        s.mean += x;
        s.max = std::max(s.max, x);
    }
    s.mean /= double(std::max<size_t>(1, v.size()));
    return s;
}

void benchCore(const char* name, const std::string& source)
{
    auto trace = std::make_shared<TraceRecorder>(TraceLevel::Line);
    RunOptions options;
    auto start = std::chrono::steady_clock::now();
    runScenario(source, options, trace.get());
    const double run = msSince(start);
    start = std::chrono::steady_clock::now();
    const LoopHistory history(trace);
    RunCursor cursor(*trace);
    const double build = msSince(start);
    const Narrator narrator(history, cursor, SourceLines(source));
    std::printf("%s: %zu events, %d stops, %d steps; run %.0f ms, indexes %.0f ms\n", name,
                trace->events().size(), cursor.count(), cursor.stepCount(), run, build);

    std::vector<double> forward, back;
    size_t sink = 0;
    for (int k = 1; k <= cursor.stepCount(); ++k) {
        start = std::chrono::steady_clock::now();
        cursor.forward(StepUnit::Step);
        const LoopMoment m = history.at(cursor.event());
        sink += m.tasks.size() + narrator.sentence(cursor.position()).size();
        forward.push_back(msSince(start));
    }
    while (cursor.position() > 0) {
        start = std::chrono::steady_clock::now();
        cursor.back(StepUnit::Step);
        const LoopMoment m = history.at(cursor.event());
        sink += m.tasks.size() + narrator.sentence(cursor.position()).size();
        back.push_back(msSince(start));
    }
    const Stats f = stats(forward), b = stats(back);
    std::printf(
        "  core (state + narration) per step: forward %.3f ms (max %.2f), back %.3f ms (max %.2f) [%zu]\n",
        f.mean, f.max, b.mean, b.max, sink % 10);
}

void benchWindow(const char* name, const std::string& source, int steps)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.py"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(source.c_str());
    file.close();
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.openFile(path);
    window.waitForRun(600000);
    StepController* stepper = window.stepper();
    QAction* forward = window.transportAction(QStringLiteral("stepForward"));
    QAction* back = window.transportAction(QStringLiteral("stepBack"));
    // From the middle of the run, where the inspector lists the most.
    stepper->moveToStep(stepper->cursor().stepCount() / 2);
    QCoreApplication::processEvents();
    auto timeSteps = [&](QAction* action) {
        std::vector<double> ms;
        for (int i = 0; i < steps; ++i) {
            QElapsedTimer clock;
            clock.start();
            action->trigger();
            // The timeline's queued replot: paint it now, as the screen would.
            window.timeline()->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
            ms.push_back(clock.nsecsElapsed() / 1e6);
        }
        return stats(ms);
    };
    const Stats f = timeSteps(forward), b = timeSteps(back);
    std::printf(
        "  window (every panel redrawn) per step, %d steps: forward %.2f ms (max %.1f), back %.2f ms (max "
        "%.1f)\n",
        steps, f.mean, f.max, b.mean, b.max);
    (void)name;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeBench"));
    const std::pair<const char*, std::string> runs[] = {
        {"1,000 tasks x 10 sleeps", kElevenThousandSteps},
        {"10,000 sleepers", bench::kTenThousandSleepers},
    };
    for (const auto& [name, source] : runs) {
        benchCore(name, source);
        benchWindow(name, source, 200);
    }
    return 0;
}
