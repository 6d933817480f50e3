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

const char* kScenario = "import asyncio\n"                                              // 1
                        "async def worker(n):\n"                                        // 2
                        "    total = n * 10\n"                                          // 3
                        "    await asyncio.sleep(n)\n"                                  // 4
                        "    return total\n"                                            // 5
                        "async def main():\n"                                           // 6
                        "    a = asyncio.create_task(worker(2))\n"                      // 7
                        "    b = asyncio.create_task(worker(1))\n"                      // 8
                        "    asyncio.get_running_loop().call_later(5, print, 'late')\n" // 9
                        "    await asyncio.sleep(0)\n"                                  // 10
                        "    await a\n"                                                 // 11
                        "asyncio.run(main())\n";                                        // 12

// A producer and a consumer handing items over through Queue(maxsize=1): from the third hand-off
// on, both wait on getter and putter futures (and in put()/get() coroutines) the queue reused.
const char* kQueueScenario = "import asyncio\n"                                     // 1
                             "async def producer(q):\n"                             // 2
                             "    for i in range(5):\n"                             // 3
                             "        await q.put(i)\n"                             // 4
                             "async def consumer(q):\n"                             // 5
                             "    total = 0\n"                                      // 6
                             "    for _ in range(5):\n"                             // 7
                             "        total += await q.get()\n"                     // 8
                             "    return total\n"                                   // 9
                             "async def main():\n"                                  // 10
                             "    q = asyncio.Queue(maxsize=1)\n"                   // 11
                             "    await asyncio.gather(producer(q), consumer(q))\n" // 12
                             "asyncio.run(main())\n";                               // 13

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

    // Step 8 is the producer's (Task-2), woken from `await q.put(3)`: the consumer (Task-3) waits
    // in `await q.get()` on a getter future; step 9 is the consumer's, the producer waits on a
    // putter. What each waits on, and its stack, are as for the first hand-off.
    void blockedGetterAndPutter()
    {
        for (const int step : {2, 3, 8, 9}) {
            StateAtStep observer(step);
            RunOptions options;
            options.filename = "queue.py";
            QVERIFY(runScenario(kQueueScenario, options, &observer).ok);
            QVERIFY(observer.state.has_value());
            const LoopState& state = *observer.state;
            QCOMPARE(state.tasks.size(), size_t(3));
            const bool producerRuns = step % 2 == 0;
            QCOMPARE(state.running.value, producerRuns ? 2u : 3u);
            const TaskState& waiting = state.tasks[producerRuns ? 2 : 1];
            QCOMPARE(QString::fromStdString(waiting.coroutine),
                     QString(producerRuns ? "consumer" : "producer"));
            if (step == 2) {
                QCOMPARE(waiting.wait, WaitKind::Ready); // the consumer has not started yet
                continue;
            }
            QCOMPARE(waiting.wait, WaitKind::Queue);
            QCOMPARE(QString::fromStdString(waiting.waitingOn),
                     QString(producerRuns ? "Queue.get" : "Queue.put"));
            QCOMPARE(waiting.stack.size(), size_t(1));
            QCOMPARE(waiting.stack[0].line, producerRuns ? 8u : 4u);
            if (step == 8)
                QCOMPARE(intLocal(waiting.stack[0], "total"), int64_t(0 + 1 + 2));
            if (step == 9)
                QCOMPARE(intLocal(waiting.stack[0], "i"), int64_t(4));
        }
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
