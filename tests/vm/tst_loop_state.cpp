// The loop's state read-out (engine/loop/loop_state.h), taken when a chosen step begins: the
// ready queue in order, timers in firing order, and each pending task's stack and locals.

#include <QtTest>

#include "engine.h"
#include "loop/loop_state.h"
#include "vm.h"

using namespace loopscope;

namespace {

// Records the loop's state when the [stepToCatch]-th step begins.
class StateAtStep final : public TraceObserver {
  public:
    explicit StateAtStep(int stepToCatch) : stepToCatch_(stepToCatch) {}
    void record(const TraceEvent& e) override
    {
        if (e.kind != EventKind::StepBegan || ++steps_ != stepToCatch_)
            return;
        state = readLoopState(VM::current());
        // The locals' objects belong to the VM, which ends with the run before the checks:
        // only plain values are kept.
        if (state)
            for (TaskState& task : state->tasks)
                for (FrameState& frame : task.stack)
                    for (auto& local : frame.locals)
                        if (local.second.isObject())
                            local.second = Value::none();
    }
    std::optional<LoopState> state;

  private:
    int stepToCatch_;
    int steps_ = 0;
};

const char* kScenario = "import asyncio\n"                                  // 1
                        "async def worker(n):\n"                            // 2
                        "    total = n * 10\n"                              // 3
                        "    await asyncio.sleep(n)\n"                      // 4
                        "    return total\n"                                // 5
                        "async def main():\n"                               // 6
                        "    a = asyncio.create_task(worker(2))\n"          // 7
                        "    b = asyncio.create_task(worker(1))\n"          // 8
                        "    asyncio.get_running_loop().call_later(5, print, 'late')\n" // 9
                        "    await asyncio.sleep(0)\n"                      // 10
                        "    await a\n"                                     // 11
                        "asyncio.run(main())\n";                            // 12

int64_t intLocal(const FrameState& frame, const char* name)
{
    for (const auto& [local, value] : frame.locals)
        if (local == name)
            return value.isIntLike() ? value.asInt() : -1;
    return -2;
}

} // namespace

class TestLoopState : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    // The third step is Task-3's first: main has run (and waits its turn after sleep(0)),
    // Task-2 sleeps until 2.0, a print is due at 5.0.
    void stateWhenAStepBegins()
    {
        StateAtStep observer(3);
        RunOptions options;
        options.filename = "state.py";
        const RunResult result = runScenario(kScenario, options, &observer);
        QVERIFY(result.ok);
        QVERIFY(observer.state.has_value());
        const LoopState& state = *observer.state;
        QCOMPARE(state.time, 0.0);
        QCOMPARE(state.passes, uint64_t(2));
        QCOMPARE(state.running.value, 3u);

        QCOMPARE(state.ready.size(), size_t(1));
        QCOMPARE(state.ready[0].kind, HandleKind::TaskStep);
        QCOMPARE(state.ready[0].task.value, 1u);

        QCOMPARE(state.timers.size(), size_t(2));
        QCOMPARE(state.timers[0].when, 2.0);
        QCOMPARE(state.timers[0].kind, TimerKind::Sleep);
        QCOMPARE(state.timers[0].owner.value, 2u);
        QCOMPARE(state.timers[1].when, 5.0);
        QCOMPARE(QString::fromStdString(state.timers[1].callback), QString("print"));

        QCOMPARE(state.tasks.size(), size_t(3));
        const TaskState& main = state.tasks[0];
        QCOMPARE(QString::fromStdString(main.name), QString("Task-1"));
        QCOMPARE(main.wait, WaitKind::Ready);
        QCOMPARE(main.stack.size(), size_t(1));
        QCOMPARE(main.stack[0].line, 10u);
        QCOMPARE(main.stack[0].locals.size(), size_t(2)); // a and b

        const TaskState& sleeper = state.tasks[1];
        QCOMPARE(QString::fromStdString(sleeper.coroutine), QString("worker"));
        QCOMPARE(sleeper.wait, WaitKind::Timer);
        QCOMPARE(sleeper.deadline, 2.0);
        QCOMPARE(QString::fromStdString(sleeper.waitingOn), QString("a timer"));
        QCOMPARE(sleeper.stack.size(), size_t(1));
        QCOMPARE(sleeper.stack[0].line, 4u);
        QCOMPARE(intLocal(sleeper.stack[0], "n"), int64_t(2));
        QCOMPARE(intLocal(sleeper.stack[0], "total"), int64_t(20));

        const TaskState& starting = state.tasks[2];
        QVERIFY(starting.running);
        QVERIFY(!starting.started);
        QCOMPARE(starting.stack[0].line, 2u);
        QCOMPARE(intLocal(starting.stack[0], "n"), int64_t(1));
        QCOMPARE(intLocal(starting.stack[0], "total"), int64_t(-2)); // not bound yet
    }

    void noLoopNoState()
    {
        StateAtStep observer(1);
        const RunResult result = runScenario("print(1)\n", RunOptions(), &observer);
        QVERIFY(result.ok);
        QVERIFY(!observer.state.has_value());
    }
};

QTEST_GUILESS_MAIN(TestLoopState)
#include "tst_loop_state.moc"
