// The loop's state at any step (engine/loop/state_at_step.h): every step of the articles' slow
// and fast additions (both tasks start at t=0, add_fast finishes at 3, add_slow at 5) with its
// exact ready queue, timers, tasks, stacks and locals; steps outside the run; failed runs;
// locals that closures capture; containers to expand; calls from several threads at once; the
// state at any event of a line-level trace, in the middle of a step too.

#include <QtTest>

#include <fstream>
#include <sstream>
#include <thread>

#include "loop/state_at_step.h"
#include "loop/state_json.h"

using namespace loopscope;

namespace {

std::string slowFastSource()
{
    std::ifstream file(LOOPSCOPE_SOURCE_DIR "/scenarios/articles/two_additions.py", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

RunOptions optionsFor(const char* filename)
{
    RunOptions options;
    options.filename = filename;
    return options;
}

// "Task-3" for a task step or wake-up, "callback:name" for any other handle.
QString readyLabel(const ReadySnapshot& r)
{
    if (r.kind == HandleKind::TaskStep || r.kind == HandleKind::TaskWakeup)
        return QString::fromStdString(r.taskName);
    return QStringLiteral("callback:") + QString::fromStdString(r.callback);
}

// "Task-1 get_results pending", one per task.
QStringList taskLabels(const StepSnapshot& s)
{
    QStringList labels;
    for (const TaskSnapshot& t : s.tasks)
        labels << QStringLiteral("%1 %2 %3")
                      .arg(QString::fromStdString(t.name), QString::fromStdString(t.coroutine),
                           QString::fromStdString(std::string(taskStatusName(t.status))));
    return labels;
}

// "Task-2: add_slow@15(x=3, y=4)", one per task with a stack; a task repr is shortened to <Task>.
QStringList stackLabels(const StepSnapshot& s)
{
    QStringList labels;
    for (const TaskSnapshot& t : s.tasks) {
        if (t.stack.empty())
            continue;
        QStringList frames;
        for (const FrameSnapshot& f : t.stack) {
            QStringList locals;
            for (const auto& [name, value] : f.locals) {
                QString repr = QString::fromStdString(value.repr);
                if (repr.startsWith(QLatin1String("<Task ")))
                    repr = repr.section(QLatin1Char(' '), 0, 2); // "<Task pending name='Task-2'"
                locals << QString::fromStdString(name) + QLatin1Char('=') + repr;
            }
            frames << QStringLiteral("%1@%2(%3)")
                          .arg(QString::fromStdString(f.function))
                          .arg(f.line)
                          .arg(locals.join(", "));
        }
        labels << QString::fromStdString(t.name) + QStringLiteral(": ") + frames.join(QStringLiteral(" > "));
    }
    return labels;
}

QString json(const StepSnapshot& s)
{
    std::string out;
    appendStateJson(s, out);
    return QString::fromStdString(out);
}

} // namespace

class TestStateAtStep : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void slowFastAdditions_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("time");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QStringList>("ready");
        QTest::addColumn<QList<double>>("timers");
        QTest::addColumn<QStringList>("tasks");
        QTest::addColumn<QStringList>("stacks");

        const QString main = "Task-1 get_results pending";
        const QString slowNew = "Task-2 add_slow pending", fastNew = "Task-3 add_fast pending";
        const QString mainAwaits = "Task-1: get_results@24(task1=<Task pending name='Task-2', "
                                   "task2=<Task pending name='Task-3')";
        QTest::newRow("1: get_results starts")
            << 1 << 0.0 << "Task-1" << QStringList() << QList<double>() << QStringList{main} << QStringList();
        QTest::newRow("2: add_slow starts, add_fast queued")
            << 2 << 0.0 << "Task-2" << QStringList{"Task-3"} << QList<double>()
            << QStringList{main, slowNew, fastNew} << QStringList{mainAwaits};
        QTest::newRow("3: add_fast starts, add_slow sleeps until 5")
            << 3 << 0.0 << "Task-3" << QStringList() << QList<double>{5.0}
            << QStringList{main, slowNew, fastNew}
            << QStringList{mainAwaits, "Task-2: add_slow@15(x=3, y=4)"};
        QTest::newRow("4: add_fast wakes at 3")
            << 4 << 3.0 << "Task-3" << QStringList() << QList<double>{5.0}
            << QStringList{main, slowNew, fastNew}
            << QStringList{mainAwaits, "Task-2: add_slow@15(x=3, y=4)", "Task-3: add_fast@8(x=5, y=5)"};
        QTest::newRow("5: add_slow wakes at 5, add_fast done")
            << 5 << 5.0 << "Task-2" << QStringList() << QList<double>()
            << QStringList{main, slowNew, "Task-3 add_fast done"}
            << QStringList{"Task-1: get_results@24(task1=<Task pending name='Task-2', task2=<Task finished "
                           "name='Task-3')",
                           "Task-2: add_slow@15(x=3, y=4)"};
        QTest::newRow("6: get_results resumes, both done")
            << 6 << 5.0 << "Task-1" << QStringList() << QList<double>()
            << QStringList{main, "Task-2 add_slow done", "Task-3 add_fast done"}
            << QStringList{"Task-1: get_results@24(task1=<Task finished name='Task-2', task2=<Task finished "
                           "name='Task-3')"};
        const QStringList allDone = {"Task-1 get_results done", "Task-2 add_slow done",
                                     "Task-3 add_fast done"};
        QTest::newRow("7: asyncio.run shuts down async generators")
            << 7 << 5.0 << "Task-4" << QStringList() << QList<double>()
            << (allDone + QStringList{"Task-4 shutdown_asyncgens pending"}) << QStringList();
        QTest::newRow("8: and the default executor")
            << 8 << 5.0 << "Task-5" << QStringList() << QList<double>()
            << (allDone +
                QStringList{"Task-4 shutdown_asyncgens done", "Task-5 shutdown_default_executor pending"})
            << QStringList();
    }

    void slowFastAdditions()
    {
        QFETCH(int, step);
        const StateAtStepResult result =
            stateAtStep(slowFastSource(), optionsFor("two_additions.py"), uint64_t(step));
        QVERIFY(result.snapshot.has_value());
        QVERIFY(result.run.ok);
        const StepSnapshot& s = *result.snapshot;
        QCOMPARE(s.step, uint64_t(step));
        QTEST(s.time, "time");
        QTEST(QString::fromStdString(s.taskName), "task");
        QStringList ready;
        for (const ReadySnapshot& r : s.ready)
            ready << readyLabel(r);
        QTEST(ready, "ready");
        QList<double> timers;
        for (const TimerSnapshot& t : s.timers)
            timers << t.when;
        QTEST(timers, "timers");
        QTEST(taskLabels(s), "tasks");
        QTEST(stackLabels(s), "stacks");
    }

    // What each task awaits, at step 3: get_results awaits add_slow, add_slow a timer until 5,
    // add_fast (about to start) nothing.
    void whatTasksAwait()
    {
        const StateAtStepResult result = stateAtStep(slowFastSource(), optionsFor("two_additions.py"), 3);
        QVERIFY(result.snapshot.has_value());
        const auto& tasks = result.snapshot->tasks;
        QCOMPARE(tasks.size(), size_t(3));
        QCOMPARE(tasks[0].wait, WaitKind::Task);
        QCOMPARE(tasks[0].awaitedTask.value, 2u);
        QVERIFY(tasks[0].started);
        QCOMPARE(tasks[1].wait, WaitKind::Timer);
        QCOMPARE(tasks[1].deadline, 5.0);
        QCOMPARE(tasks[2].wait, WaitKind::Ready);
        QVERIFY(!tasks[2].started);
        QCOMPARE(result.snapshot->task.value, 3u);
        QCOMPARE(result.snapshot->timers[0].kind, TimerKind::Sleep);
        QCOMPARE(result.snapshot->timers[0].owner.value, 2u);
    }

    // Steps count from 1 and end with the run; outside, there is no snapshot but the count.
    void stepsOutsideTheRun()
    {
        for (uint64_t step : {uint64_t(0), uint64_t(9), uint64_t(1000)}) {
            const StateAtStepResult result =
                stateAtStep(slowFastSource(), optionsFor("two_additions.py"), step);
            QVERIFY(!result.snapshot.has_value());
            QCOMPARE(result.steps, uint64_t(8));
            QVERIFY(result.run.ok);
        }
    }

    void failedRuns()
    {
        const char* failing = "import asyncio\n"
                              "async def main():\n"
                              "    await asyncio.sleep(1)\n"
                              "    1 / 0\n"
                              "asyncio.run(main())\n";
        StateAtStepResult result = stateAtStep(failing, optionsFor("failing.py"), 2);
        QVERIFY(result.snapshot.has_value()); // the step that raises still begins
        QCOMPARE(result.snapshot->time, 1.0);
        // asyncio.run still shuts down (steps 3 and 4), then the error ends the program.
        result = stateAtStep(failing, optionsFor("failing.py"), 5);
        QVERIFY(!result.snapshot.has_value());
        QCOMPARE(result.steps, uint64_t(4));
        QVERIFY(!result.run.ok);
        QCOMPARE(QString::fromStdString(result.run.errorType), QString("ZeroDivisionError"));

        result = stateAtStep("def f(:\n", optionsFor("bad.py"), 1);
        QVERIFY(!result.snapshot.has_value());
        QCOMPARE(result.steps, uint64_t(0));
        QCOMPARE(QString::fromStdString(result.run.errorType), QString("SyntaxError"));
        QCOMPARE(result.run.errorLine, 1);
    }

    // A parameter a closure captures shows its current value, once, where f_locals puts it; the
    // other cells follow by name, as CPython's compiler sorts them.
    void capturedLocals()
    {
        const char* source = "import asyncio\n"
                             "async def count(start, step):\n"
                             "    zeta = 1\n"
                             "    alpha = 2\n"
                             "    def bump():\n"
                             "        nonlocal start\n"
                             "        start += step + zeta + alpha\n"
                             "    bump()\n"
                             "    await asyncio.sleep(1)\n"
                             "asyncio.run(count(10, 5))\n";
        const StateAtStepResult result = stateAtStep(source, optionsFor("cells.py"), 2);
        QVERIFY(result.snapshot.has_value());
        const FrameSnapshot& frame = result.snapshot->tasks[0].stack.at(0);
        QCOMPARE(frame.line, 9u);
        QStringList locals;
        for (const auto& [name, value] : frame.locals)
            locals << QString::fromStdString(name + "=" + value.repr);
        QCOMPARE(locals, (QStringList{"start=18", "step=5", "bump=" + locals.value(2).section('=', 1),
                                      "alpha=2", "zeta=1"}));
        QVERIFY(locals.value(2).startsWith("bump=<function count.<locals>.bump at "));
    }

    // The inspector's view: items to expand (limited), reprs cut to a length it can show; the
    // same list held twice is viewed alike.
    void containersToExpand()
    {
        const char* source = "import asyncio\n"
                             "class Job:\n"
                             "    def __init__(self):\n"
                             "        self.name = 'j'\n"
                             "        self.sizes = [1, 2]\n"
                             "async def main():\n"
                             "    numbers = list(range(50))\n"
                             "    same = numbers\n"
                             "    table = {'a': (1, 'x'), 'b': None}\n"
                             "    job = Job()\n"
                             "    loop = [1]\n"
                             "    loop.append(loop)\n"
                             "    await asyncio.sleep(1)\n"
                             "asyncio.run(main())\n";
        ValueViewLimits limits;
        limits.depth = 2;
        limits.items = 3;
        limits.reprChars = 20;
        const StateAtStepResult result = stateAtStep(source, optionsFor("views.py"), 2, limits);
        QVERIFY(result.snapshot.has_value());
        const auto& locals = result.snapshot->tasks[0].stack.at(0).locals;
        QCOMPARE(locals.size(), size_t(5));
        const ValueView& numbers = locals[0].second;
        QCOMPARE(QString::fromStdString(numbers.typeName), QString("list"));
        QCOMPARE(QString::fromStdString(numbers.repr), QString("[0, 1, 2, 3, 4, 5, 6..."));
        QVERIFY(numbers.reprCut);
        QCOMPARE(numbers.itemCount, size_t(50));
        QCOMPARE(numbers.items.size(), size_t(3));
        QCOMPARE(QString::fromStdString(numbers.items[2].label), QString("2"));
        QCOMPARE(QString::fromStdString(numbers.items[2].value.repr), QString("2"));
        QCOMPARE(locals[1].second.repr, numbers.repr);

        const ValueView& table = locals[2].second;
        QCOMPARE(QString::fromStdString(table.repr), QString("{'a': (1, 'x'), 'b':..."));
        QCOMPARE(table.items.size(), size_t(2));
        QCOMPARE(QString::fromStdString(table.items[0].label), QString("'a'"));
        const ValueView& pair = table.items[0].value;
        QCOMPARE(QString::fromStdString(pair.repr), QString("(1, 'x')"));
        QVERIFY(!pair.reprCut);
        QCOMPARE(pair.items.size(), size_t(2));
        QVERIFY(pair.items[1].value.items.empty()); // depth 2 reached

        const ValueView& job = locals[3].second;
        QCOMPARE(QString::fromStdString(job.typeName), QString("Job"));
        QCOMPARE(job.items.size(), size_t(2));
        QCOMPARE(QString::fromStdString(job.items[0].label), QString("name"));
        QCOMPARE(QString::fromStdString(job.items[1].value.repr), QString("[1, 2]"));

        QCOMPARE(QString::fromStdString(locals[4].second.repr), QString("[1, [...]]"));
    }

    // Whole reprs by default, as `loopscope state` prints them.
    void wholeReprs()
    {
        const char* source = "import asyncio\n"
                             "async def main():\n"
                             "    numbers = list(range(100))\n"
                             "    await asyncio.sleep(1)\n"
                             "asyncio.run(main())\n";
        const StateAtStepResult result = stateAtStep(source, optionsFor("whole.py"), 2);
        QVERIFY(result.snapshot.has_value());
        const ValueView& numbers = result.snapshot->tasks[0].stack.at(0).locals.at(0).second;
        QVERIFY(!numbers.reprCut);
        QVERIFY(numbers.repr.size() > 300);
        QVERIFY(QString::fromStdString(numbers.repr).endsWith("98, 99]"));
    }

    // Each call has its own VM: two threads at once get what one thread gets.
    void callsFromSeveralThreads()
    {
        const std::string source = slowFastSource();
        const RunOptions options = optionsFor("two_additions.py");
        QStringList alone;
        for (uint64_t k = 1; k <= 8; ++k)
            alone << json(*stateAtStep(source, options, k).snapshot);
        QStringList fromThreads[2];
        std::thread threads[2];
        for (int i = 0; i < 2; ++i)
            threads[i] = std::thread([&, i] {
                for (int round = 0; round < 3; ++round)
                    for (uint64_t k = 1; k <= 8; ++k) {
                        const StateAtStepResult r = stateAtStep(source, options, k);
                        if (round == 2)
                            fromThreads[i] << (r.snapshot ? json(*r.snapshot) : QString());
                    }
            });
        for (std::thread& t : threads)
            t.join();
        QCOMPARE(fromThreads[0], alone);
        QCOMPARE(fromThreads[1], alone);
    }

    // The window's cursor over its line-level trace: at every event of the slow/fast additions the
    // state names the steps begun so far and the event's time; at a StepBegan it is the step's.
    void stateAtEveryEventOfARecordedTrace()
    {
        const std::string source = slowFastSource();
        const RunOptions options = optionsFor("two_additions.py");
        TraceRecorder recorder(TraceLevel::Line);
        QVERIFY(runScenario(source, options, &recorder).ok);
        const TraceEvents& events = recorder.events();
        uint64_t steps = 0;
        for (size_t i = 0; i < events.size(); ++i) {
            const TraceEvent& e = events[i];
            steps += e.kind == EventKind::StepBegan;
            const StateAtStepResult r =
                stateAtEvent(source, options, EventIndex{uint32_t(i)}, TraceLevel::Line);
            QVERIFY2(r.snapshot.has_value(), qPrintable(QString("event %1").arg(i)));
            QCOMPARE(r.snapshot->step, steps);
            QCOMPARE(r.snapshot->time, e.t);
            if (e.kind == EventKind::StepBegan)
                QCOMPARE(json(*r.snapshot), json(*stateAtStep(source, options, steps).snapshot));
            if (e.kind == EventKind::Statement && e.task.value != 0) {
                // The statement's task runs, and its innermost frame stands at that line.
                QCOMPARE(r.snapshot->task, e.task);
                const TaskSnapshot& task = r.snapshot->tasks.at(e.task.value - 1);
                QVERIFY(!task.stack.empty());
                QCOMPARE(task.stack.back().line, e.line());
            }
        }
        const StateAtStepResult past =
            stateAtEvent(source, options, EventIndex{uint32_t(events.size())}, TraceLevel::Line);
        QVERIFY(!past.snapshot.has_value());
        QCOMPARE(past.events, uint64_t(events.size()));
        QCOMPARE(past.steps, uint64_t(8));
    }

    // In the middle of a step, the running task's stack reaches the plain function that runs.
    void stateInTheMiddleOfAStep()
    {
        const char* source = "import asyncio\n"             // 1
                             "def helper(n):\n"             // 2
                             "    doubled = n * 2\n"        // 3
                             "    return doubled + 1\n"     // 4
                             "async def main():\n"          // 5
                             "    x = 20\n"                 // 6
                             "    y = helper(x)\n"          // 7
                             "    await asyncio.sleep(1)\n" // 8
                             "asyncio.run(main())\n";       // 9
        const RunOptions options = optionsFor("middle.py");
        TraceRecorder recorder(TraceLevel::Line);
        QVERIFY(runScenario(source, options, &recorder).ok);
        const TraceEvents& events = recorder.events();
        size_t at = events.size();
        for (size_t i = 0; i < events.size(); ++i)
            if (events[i].kind == EventKind::Statement && events[i].line() == 4)
                at = i;
        QVERIFY(at < events.size());
        const StateAtStepResult r = stateAtEvent(source, options, EventIndex{uint32_t(at)}, TraceLevel::Line);
        QVERIFY(r.snapshot.has_value());
        QCOMPARE(QString::fromStdString(r.snapshot->taskName), QString("Task-1"));
        const auto& stack = r.snapshot->tasks.at(0).stack;
        QCOMPARE(stack.size(), size_t(2));
        QCOMPARE(QString::fromStdString(stack[0].function), QString("main"));
        QCOMPARE(stack[0].line, 7u);
        QCOMPARE(QString::fromStdString(stack[1].function), QString("helper"));
        QCOMPARE(stack[1].line, 4u);
        QStringList locals;
        for (const auto& [name, value] : stack[1].locals)
            locals << QString::fromStdString(name + "=" + value.repr);
        QCOMPARE(locals, (QStringList{"n=20", "doubled=40"}));
    }

    void jsonOfAStep()
    {
        const StateAtStepResult result = stateAtStep(slowFastSource(), optionsFor("two_additions.py"), 3);
        QVERIFY(result.snapshot.has_value());
        QCOMPARE(
            json(*result.snapshot),
            QString("{\"step\": 3, \"t\": 0.0, \"task\": \"Task-3\", \"ready\": [], \"timers\": [5.0], "
                    "\"tasks\": [{\"name\": \"Task-1\", \"coro\": \"get_results\", \"state\": \"pending\", "
                    "\"stack\": [{\"function\": \"get_results\", \"line\": 24, \"locals\": {\"task1\": "
                    "\"<Task pending name='Task-2' coro=<add_slow() running at two_additions.py:15>>\", "
                    "\"task2\": \"<Task pending name='Task-3' coro=<add_fast() running at "
                    "two_additions.py:6>>\"}}]}, {\"name\": \"Task-2\", \"coro\": \"add_slow\", \"state\": "
                    "\"pending\", \"stack\": [{\"function\": \"add_slow\", \"line\": 15, \"locals\": {\"x\": "
                    "\"3\", \"y\": \"4\"}}]}, {\"name\": \"Task-3\", \"coro\": \"add_fast\", \"state\": "
                    "\"pending\", \"stack\": []}]}\n"));
    }
};

QTEST_GUILESS_MAIN(TestStateAtStep)
#include "tst_state_at_step.moc"
