// The trace's invariants (engine/trace_check.h) on the native trace of every scenario and every
// script test: the ready queue rebuilt from the trace, steps well nested, timers firing once and
// never early, the clock only moving forward to the earliest deadline. And the trace's compact
// storage (TraceEvents folds the events implied by their neighbours) gives back exactly what the
// engine reported: each run is recorded twice, compact and one record per event, and the two must
// agree event for event, bit for bit, by position and in order, and in the comparison trace
// (JSON) that tests/reference checks against CPython.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <cstring>
#include <map>
#include <random>

#include "engine.h"
#include "trace_check.h"
#include "trace_json.h"

using namespace loopscope;

namespace {

// The `# seed: N` of a scenario's leading comment block (SPEC.md section 2), else 0.
uint64_t scenarioSeed(const QByteArray& source)
{
    static const QRegularExpression seedLine(QStringLiteral("^#\\s*seed:\\s*(\\d+)\\s*$"));
    for (const QByteArray& line : source.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.startsWith(QLatin1Char('#')))
            break;
        const QRegularExpressionMatch match = seedLine.match(text);
        if (match.hasMatch())
            return match.captured(1).toULongLong();
    }
    return 0;
}

bool sameBits(const TraceEvent& a, const TraceEvent& b)
{
    return std::memcmp(&a, &b, sizeof(TraceEvent)) == 0;
}

std::string describe(const TraceEvent& e)
{
    return std::string(eventKindName(e.kind)) + " t=" + std::to_string(e.t) +
           " task=" + std::to_string(e.task.value);
}

// Empty when [compact] reads back as [plain]; else the first difference.
std::string compare(const TraceEvents& compact, const TraceEvents& plain)
{
    if (compact.size() != plain.size())
        return "sizes " + std::to_string(compact.size()) + " and " + std::to_string(plain.size());
    size_t i = 0;
    auto it = compact.begin();
    for (const TraceEvent& expected : plain) {
        if (it.index() != i)
            return "iterator at " + std::to_string(it.index()) + " for event " + std::to_string(i);
        if (!sameBits(*it, expected))
            return "event " + std::to_string(i) + " iterated: " + describe(*it) + " for " +
                   describe(expected);
        if (!sameBits(compact[i], expected))
            return "event " + std::to_string(i) + " by index: " + describe(compact[i]) + " for " +
                   describe(expected);
        if (std::bit_cast<uint64_t>(compact.timeAt(i)) != std::bit_cast<uint64_t>(expected.t))
            return "event " + std::to_string(i) + "'s time alone: " + std::to_string(compact.timeAt(i)) +
                   " for " + describe(expected);
        ++it;
        ++i;
    }
    if (!(it == compact.end()))
        return "the iterator does not end with the events";
    // Random access in no particular order (each lookup starts from the index alone).
    std::mt19937 random(7);
    for (int k = 0; k < 200 && !plain.empty(); ++k) {
        const size_t at = random() % plain.size();
        if (!sameBits(compact[at], plain[at]))
            return "event " + std::to_string(at) + " looked up out of order";
    }
    if (!sameBits(compact.back(), plain.back()))
        return "the last event";
    return {};
}

// One run recorded both ways.
struct Recorded {
    Recorded(std::string_view source, const RunOptions& options, TraceLevel level)
        : compact(level, true), plain(level, false)
    {
        compactResult = runScenario(source, options, &compact);
        plainResult = runScenario(source, options, &plain);
    }
    TraceRecorder compact, plain;
    RunResult compactResult, plainResult;
};

} // namespace

class TestTraceInvariants : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void nativeTraces_data()
    {
        QTest::addColumn<QString>("path");
        const QDir root(QStringLiteral(LOOPSCOPE_SOURCE_DIR));
        int rows = 0;
        for (const char* folder : {"scenarios", "tests/scripts", "tests/bench/scenarios"}) {
            QDirIterator it(root.filePath(QString::fromLatin1(folder)), {QStringLiteral("*.py")}, QDir::Files,
                            QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext())
                files << it.next();
            files.sort();
            for (const QString& file : files) {
                if (file.endsWith(QLatin1String("bench/scenarios/fib.py")))
                    continue; // compute: a handful of events
                QTest::newRow(qPrintable(root.relativeFilePath(file))) << file;
                ++rows;
            }
        }
        QVERIFY2(rows > 100, "the scenarios and script tests were not found");
    }

    void nativeTraces()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray source = file.readAll();
        if (path.contains(QLatin1String("bench/scenarios"))) {
            // The benchmarks' shapes at a size a test affords: TASKS = 1000 -> 30, SWITCHES = 1000
            // -> 30, ITEMS = 1_000_000 -> 300, TASKS = 100_000 -> 300.
            source.replace("1_000_000", "300").replace("100_000", "300").replace("= 1000\n", "= 30\n");
        }
        RunOptions options;
        options.filename = QFileInfo(path).fileName().toStdString();
        options.seed = scenarioSeed(source);
        const Recorded r(std::string_view(source.constData(), size_t(source.size())), options,
                         TraceLevel::Step);
        QVERIFY(!r.compact.events().empty());
        const std::vector<std::string> problems =
            checkTraceInvariants(r.compact.events(), !r.compactResult.ok);
        QString report;
        for (size_t i = 0; i < problems.size() && i < 5; ++i)
            report += QString::fromStdString(problems[i]) + QLatin1Char('\n');
        QVERIFY2(problems.empty(), qPrintable(report));

        QCOMPARE(r.plain.events().storedCount(), r.plain.events().size());
        const std::string difference = compare(r.compact.events(), r.plain.events());
        QVERIFY2(difference.empty(), difference.c_str());
        std::string compactJson, plainJson;
        appendComparisonTrace(r.compact, r.compactResult, compactJson);
        appendComparisonTrace(r.plain, r.plainResult, plainJson);
        QCOMPARE(compactJson, plainJson);
    }

    // The checker itself: a trace whose ready queue cannot be rebuilt is caught.
    void checkerCatchesBrokenTraces()
    {
        TraceEvents events;
        events.push_back(TraceEvent::taskCreated(0, TaskId{1}, {}, {}, {}, 0));
        events.push_back(TraceEvent::readyPushed(0, TaskId{1}, HandleId{1}, HandleKind::TaskStep, {}));
        events.push_back(TraceEvent::readyPushed(0, {}, HandleId{2}, HandleKind::Callback, {}));
        events.push_back(TraceEvent::callbackRan(0, {}, HandleId{2}, HandleKind::Callback, {}));
        events.push_back(TraceEvent::timerScheduled(0, {}, HandleId{3}, TimerKind::Callback, {}, 5.0));
        events.push_back(TraceEvent::clockJumped(0, 4.0));
        events.push_back(TraceEvent::timerFired(4.0, {}, HandleId{3}, 5.0));
        events.push_back(TraceEvent::stepBegan(4.0, TaskId{1}, HandleId{1}, 0));
        const std::vector<std::string> problems = checkTraceInvariants(events, false);
        auto mentions = [&](const char* text) {
            for (const std::string& p : problems)
                if (p.find(text) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(mentions("but the ready queue starts with [1")); // handle 2 ran before handle 1
        QVERIFY(mentions("not to the earliest deadline"));       // jumped to 4, the timer is at 5
        QVERIFY(mentions("fired before its deadline"));
        QVERIFY(mentions("last step never ended"));
    }

    // The folds where they are meant to apply: a bare yield is one record, and so is the pass
    // that begins with a step; with statements recorded (line level) nothing is lost either.
    void foldsWhereImplied()
    {
        const char* source = "import asyncio\n"
                             "async def switcher():\n"
                             "    for _ in range(100):\n"
                             "        await asyncio.sleep(0)\n"
                             "async def main():\n"
                             "    await asyncio.gather(switcher(), switcher())\n"
                             "asyncio.run(main())\n";
        RunOptions options;
        options.filename = "switches.py";
        const Recorded r(source, options, TraceLevel::Step);
        QVERIFY(r.compactResult.ok);
        const std::string difference = compare(r.compact.events(), r.plain.events());
        QVERIFY2(difference.empty(), difference.c_str());
        size_t bareYields = 0;
        for (const TraceEvent& e : r.plain.events())
            bareYields += e.kind == EventKind::StepEnded && e.wait() == WaitKind::Ready;
        QVERIFY(bareYields >= 200);
        // Each bare yield's three events are one record.
        QVERIFY2(r.compact.events().storedCount() + 2 * bareYields <= r.compact.events().size(),
                 qPrintable(QStringLiteral("%1 records for %2 events")
                                .arg(r.compact.events().storedCount())
                                .arg(r.compact.events().size())));

        const Recorded lines(source, options, TraceLevel::Line);
        const std::string lineDifference = compare(lines.compact.events(), lines.plain.events());
        QVERIFY2(lineDifference.empty(), lineDifference.c_str());
    }

    // A step's StepBegan names the line its coroutine is suspended at. After a bare yield that
    // line is kept in the coroutine's frame rather than worked out again (task.cpp,
    // keepBareYieldLine): coroutines moved by hand in between (thrown into by meddler, from line
    // 4 to 7, and sent to, from 10 to 11) and one suspended in a coroutine it awaits (outer, at
    // inner's line 18) must read as they are.
    void stepBeganLineFollowsTheCoroutine()
    {
        const char* source = "import asyncio\n"                             // 1
                             "async def thrown():\n"                        // 2
                             "    try:\n"                                   // 3
                             "        await asyncio.sleep(0)\n"             // 4
                             "    except ValueError:\n"                     // 5
                             "        pass\n"                               // 6
                             "    await asyncio.sleep(0)\n"                 // 7
                             "    await asyncio.sleep(0)\n"                 // 8
                             "async def sent():\n"                          // 9
                             "    await asyncio.sleep(0)\n"                 // 10
                             "    await asyncio.sleep(0)\n"                 // 11
                             "    await asyncio.sleep(0)\n"                 // 12
                             "async def meddler(a, b):\n"                   // 13
                             "    a.get_coro().throw(ValueError())\n"       // 14
                             "    b.get_coro().send(None)\n"                // 15
                             "    await asyncio.sleep(0)\n"                 // 16
                             "async def inner():\n"                         // 17
                             "    await asyncio.sleep(0)\n"                 // 18
                             "async def outer():\n"                         // 19
                             "    await inner()\n"                          // 20
                             "    await asyncio.sleep(0)\n"                 // 21
                             "async def main():\n"                          // 22
                             "    a = asyncio.create_task(thrown())\n"      // 23
                             "    b = asyncio.create_task(sent())\n"        // 24
                             "    m = asyncio.create_task(meddler(a, b))\n" // 25
                             "    await asyncio.gather(a, b, m, outer())\n" // 26
                             "asyncio.run(main())\n";                       // 27
        RunOptions options;
        options.filename = "moved.py";
        const Recorded r(source, options, TraceLevel::Step);
        QVERIFY(r.compactResult.ok);
        std::map<uint32_t, std::vector<uint32_t>> begun; // task id -> its StepBegan lines
        for (const TraceEvent& e : r.compact.events())
            if (e.kind == EventKind::StepBegan)
                begun[e.task.value].push_back(e.line());
        QCOMPARE(begun[2], (std::vector<uint32_t>{2, 7, 8}));    // thrown
        QCOMPARE(begun[3], (std::vector<uint32_t>{9, 11, 12}));  // sent
        QCOMPARE(begun[4], (std::vector<uint32_t>{13, 16}));     // meddler
        QCOMPARE(begun[5], (std::vector<uint32_t>{19, 18, 21})); // outer
    }

    // Neighbours that look alike but are not implied stay stored as they are.
    void keepsWhatIsNotImplied()
    {
        TraceEvents compact, plain(false);
        const auto push = [&](const TraceEvent& e) {
            compact.push_back(e);
            plain.push_back(e);
        };
        const TaskId one{1}, two{2};
        push(TraceEvent::passBegan(0, 1));
        push(TraceEvent::stepBegan(0, one, HandleId{1}, 3));                          // folds the pass
        push(TraceEvent::readyPushed(0, two, HandleId{2}, HandleKind::TaskStep, {})); // another task's: folds
        push(TraceEvent::stepEnded(0, one, 4, WaitKind::Ready, 0, 0.0));
        push(TraceEvent::passBegan(0, 2));
        push(TraceEvent::stepBegan(0, two, HandleId{2}, 3));
        push(TraceEvent::readyPushed(0, two, HandleId{3}, HandleKind::Callback, StringId{5})); // a callback
        push(TraceEvent::stepEnded(0, two, 4, WaitKind::Ready, 0, 0.0));
        push(TraceEvent::passBegan(1.5, 1)); // a new loop: 1 again
        push(TraceEvent::stepBegan(1.5, one, HandleId{4}, 3));
        push(TraceEvent::readyPushed(1.5, one, HandleId{5}, HandleKind::TaskStep, {}));
        push(TraceEvent::stepEnded(1.5, one, 4, WaitKind::Ready, 0, -0.0)); // a deadline of -0.0
        push(TraceEvent::passBegan(1.5, 2));
        push(TraceEvent::passBegan(1.5, 3)); // an empty pass
        push(TraceEvent::clockJumped(2.0, 3.0));
        push(TraceEvent::passBegan(3.0, 4));
        push(TraceEvent::stepBegan(3.0, one, HandleId{5}, 4));
        push(TraceEvent::readyPushed(3.0, one, HandleId{6}, HandleKind::TaskStep, {}));
        push(TraceEvent::stepEnded(3.0, one, 4, WaitKind::Ready, 0, 0.0)); // folds whole
        push(TraceEvent::stepBegan(3.0, two, HandleId{7}, 7));
        push(TraceEvent::readyPushed(3.0, one, HandleId{8}, HandleKind::TaskWakeup, {}));
        push(TraceEvent::stepEnded(3.0, two, 7, WaitKind::Ready, 0, 0.0)); // at its StepBegan's line
        push(TraceEvent::callbackRan(3.0, one, HandleId{9}, HandleKind::Callback, StringId{4}));
        push(TraceEvent::readyPushed(3.0, one, HandleId{10}, HandleKind::TaskWakeup, {})); // folds
        push(TraceEvent::passBegan(3.0, 5));
        push(TraceEvent::clockJumped(3.0, 4.0));
        push(TraceEvent::timerFired(4.0, one, HandleId{11}, 4.0)); // due at the jump: folds
        push(TraceEvent::timerFired(4.0, two, HandleId{12}, 3.5)); // overdue: kept
        push(TraceEvent::timerScheduled(4.0, one, HandleId{13}, TimerKind::Sleep, {}, 6.0));
        push(TraceEvent::stepEnded(4.0, one, 9, WaitKind::Timer, 3, 6.0)); // on that timer: folds
        push(TraceEvent::timerScheduled(4.0, two, HandleId{14}, TimerKind::Sleep, {}, 6.0));
        push(TraceEvent::stepEnded(4.0, two, 9, WaitKind::Timer, 300, 6.0)); // a label past 255: kept
        push(TraceEvent::timerScheduled(4.0, two, HandleId{15}, TimerKind::Callback, StringId{2}, 7.0));
        push(TraceEvent::stepEnded(4.0, two, 9, WaitKind::Timer, 3, 7.0)); // a named timer: kept
        push(TraceEvent::passBegan(4.0, 6));                               // the last event: stored
        const std::string difference = compare(compact, plain);
        QVERIFY2(difference.empty(), difference.c_str());
        // Stored (21 records for 35 events): pass 1 + step + task 2's push; the StepEnded (its
        // line is not the step's, and the push was another task's); pass 2 + step; the push of a
        // named callback; its StepEnded; the second loop's pass 1 (not 3); its step + push; the
        // StepEnded with a deadline of -0.0; passes 2 + 3 (empty); the clock jump; pass 4 + step +
        // push + StepEnded; task 2's step + task 1's wakeup + StepEnded; the callback + the
        // wakeup it queued; pass 5 + the clock jump + the timer due at 4.0; the overdue timer; a
        // sleep's timer + the StepEnded on it; the next timer; its StepEnded (label 300); the
        // named timer; its StepEnded; the last pass.
        QCOMPARE(plain.storedCount(), size_t(35));
        QCOMPARE(compact.storedCount(), size_t(21));
    }
};

QTEST_GUILESS_MAIN(TestTraceInvariants)
#include "tst_trace_invariants.moc"
