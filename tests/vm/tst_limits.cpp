// The budgets and limits of a run (SPEC.md section 3, engine/budgets.def): each budget ends the
// run with a message that names it, where the program stood and the option that raises it; no
// except or finally clause of the scenario can stop that; memory is counted deterministically
// and without the trace; deep structures and deep recursion end in errors, not crashes.

#include <QtTest>

#include "engine.h"
#include "run_demo.h"

using namespace loopscope;
using test::Run;
using test::run;

namespace {

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    // Each budget, met inside `try: ... except BaseException` and `finally`: the run ends with
    // the budget's error, nothing of the handlers runs, the message names the line and option.
    void limitsCannotBeCaught_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("budget"); // the member of Budgets set small
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("option");
        const QString wrap = QStringLiteral("for attempt in range(3):\n"
                                            "    try:\n"
                                            "%1"
                                            "    except BaseException:\n"
                                            "        print('caught')\n"
                                            "    finally:\n"
                                            "        print('finally')\n");
        QTest::newRow("runaway at top level")
            << wrap.arg("        while True:\n            pass\n") << "instructionsPerStep"
            << "RunawayTask"
            << "at line 3"
            << "--max-instructions";
        QTest::newRow("runaway in a task")
            << "import asyncio\nasync def spin():\n    try:\n        while True:\n            pass\n"
               "    except BaseException:\n        print('caught')\n    finally:\n        print('finally')\n"
               "asyncio.run(spin())\n"
            << "instructionsPerStep"
            << "RunawayTask"
            << "at line 4 in Task-1 (spin)"
            << "--max-instructions";
        QTest::newRow("memory")
            << wrap.arg("        items = []\n        while True:\n            items.append('x' * 1000)\n")
            << "memoryBytes"
            << "MemoryError"
            << "at line 5"
            << "--max-memory";
        QTest::newRow("one huge allocation") << wrap.arg("        s = 'x' * (1 << 40)\n") << "memoryBytes"
                                             << "MemoryError"
                                             << "at line 3"
                                             << "--max-memory";
        QTest::newRow("output lines")
            << wrap.arg("        while True:\n            print('flood')\n") << "outputLines"
            << "LimitExceeded"
            << "at line 4"
            << "--max-output-lines";
        QTest::newRow("output bytes")
            << wrap.arg("        while True:\n            print('x' * 1000, end='')\n") << "outputBytes"
            << "LimitExceeded"
            << "at line 4"
            << "--max-output-bytes";
        QTest::newRow("loop passes")
            << "import asyncio\nasync def main():\n    try:\n        while True:\n"
               "            await asyncio.sleep(0)\n    except BaseException:\n        print('caught')\n"
               "    finally:\n        print('finally')\n"
               "try:\n    asyncio.run(main())\nexcept BaseException:\n    print('caught')\n"
            << "loopPasses"
            << "LimitExceeded"
            << "Task-1 (main) at line 5"
            << "--max-passes";
        QTest::newRow("virtual time")
            << "import asyncio\nasync def main():\n    try:\n        while True:\n"
               "            await asyncio.sleep(3600)\n    except BaseException:\n        print('caught')\n"
               "    finally:\n        print('finally')\n"
               "try:\n    asyncio.run(main())\nexcept BaseException:\n    print('caught')\n"
            << "virtualTime"
            << "LimitExceeded"
            << "Task-1 (main) at line 5"
            << "--max-time";
        QTest::newRow("trace")
            << "import asyncio\nasync def main():\n    try:\n        while True:\n"
               "            await asyncio.sleep(0)\n    except BaseException:\n        print('caught')\n"
               "    finally:\n        print('finally')\n"
               "asyncio.run(main())\n"
            << "traceBytes"
            << "LimitExceeded"
            << "at line 10"
            << "--max-trace";
        // A generator's finally clause runs when it is closed as it dies; a limit met there
        // still ends the run.
        QTest::newRow("limit inside a dying generator's finally")
            << "def g():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\n"
               "x = g()\nnext(x)\ndel x\nprint('caught')\nwhile True:\n    pass\n"
            << "instructionsPerStep"
            << "RunawayTask"
            << "at line 5"
            << "--max-instructions";
    }

    void limitsCannotBeCaught()
    {
        QFETCH(QString, source);
        QFETCH(QString, budget);
        QFETCH(QString, type);
        QFETCH(QString, where);
        QFETCH(QString, option);
        Budgets budgets;
        if (budget == "instructionsPerStep")
            budgets.instructionsPerStep = 100'000;
        else if (budget == "memoryBytes")
            budgets.memoryBytes = 16 << 20;
        else if (budget == "outputLines")
            budgets.outputLines = 100;
        else if (budget == "outputBytes")
            budgets.outputBytes = 64 << 10;
        else if (budget == "loopPasses")
            budgets.loopPasses = 1000;
        else if (budget == "virtualTime")
            budgets.virtualTime = 36000;
        else if (budget == "traceBytes")
            budgets.traceBytes = 1 << 20;
        TraceRecorder recorder;
        Run r = run(source.toStdString(), budgets, &recorder);
        QVERIFY(!r.result.ok);
        QCOMPARE(QString::fromStdString(r.result.errorType), type);
        QVERIFY2(contains(r.result.errorMessage, where.toStdString()), r.result.errorMessage.c_str());
        QVERIFY2(contains(r.result.errorMessage, "raise the budget with " + option.toStdString()),
                 r.result.errorMessage.c_str());
        QVERIFY2(!contains(r.out, "caught") && !contains(r.out, "finally"), r.out.c_str());
        // The report is on stderr, and the trace ends with it.
        QVERIFY2(contains(r.err, type.toStdString() + ": "), r.err.c_str());
        QCOMPARE(recorder.events().back().kind, EventKind::RunEnded);
    }

    // The same program meets the memory budget at the same allocation every time: its output
    // up to the MemoryError and its peak are identical from run to run.
    void memoryLimitIsDeterministic()
    {
        const std::string source = "blocks = []\n"
                                   "while True:\n"
                                   "    blocks.append([len(blocks)] * 1000 + ['x' * len(blocks)])\n"
                                   "    if len(blocks) % 100 == 0:\n"
                                   "        print(len(blocks))\n";
        Budgets budgets;
        budgets.memoryBytes = 24 << 20;
        Run first = run(source, budgets);
        QCOMPARE(QString::fromStdString(first.result.errorType), QString("MemoryError"));
        for (int i = 0; i < 3; ++i) {
            Run again = run(source, budgets);
            QCOMPARE(again.out, first.out);
            QCOMPARE(again.err, first.err);
            QCOMPARE(again.result.peakMemoryBytes, first.result.peakMemoryBytes);
        }
        QVERIFY(first.result.peakMemoryBytes <= budgets.memoryBytes);
        QVERIFY(first.result.peakMemoryBytes > budgets.memoryBytes / 2);
    }

    // The trace is not the scenario's memory: a long line-level run records far more than the
    // memory budget, ends as a runaway, and once the trace reaches half its own budget it keeps
    // only the steps and says so.
    void traceHasItsOwnBudget()
    {
        Budgets budgets;
        budgets.memoryBytes = 8 << 20;
        budgets.instructionsPerStep = 20'000'000; // millions of statements at top level
        budgets.traceBytes = 32 << 20;
        TraceRecorder recorder(TraceLevel::Line);
        Run r = run("i = 0\nwhile True:\n    i += 1\n", budgets, &recorder);
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("RunawayTask"));
        QVERIFY(recorder.memoryBytes() > budgets.memoryBytes);
        QVERIFY(r.result.peakMemoryBytes < budgets.memoryBytes);
        bool warned = false;
        size_t statementsAfterWarning = 0;
        for (const TraceEvent& e : recorder.events()) {
            if (e.kind == EventKind::Warning)
                warned |= contains(std::string(recorder.string(e.text())), "records the steps of the tasks");
            else if (e.kind == EventKind::Statement && warned)
                ++statementsAfterWarning;
        }
        QVERIFY(warned);
        QCOMPARE(statementsAfterWarning, size_t(0));
    }

    // A join past the memory budget asks for its whole size at once and fails there, as
    // CPython's does, without first copying most of the budget into a growing buffer.
    void joinPastTheBudgetFailsAtOnce()
    {
        Budgets budgets;
        budgets.memoryBytes = 64 << 20;
        Run r = run("parts = ['x' * 1000] * 100000\ntext = '-'.join(parts)\n", budgets);
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("MemoryError"));
        QVERIFY2(contains(r.err, "(at line 2, asking for ") && contains(r.err, " at once)"), r.err.c_str());
        QVERIFY(r.result.peakMemoryBytes < (8u << 20));
    }

    // Output goes to the host as written until the budget is met; what crosses it is not shown.
    void outputStopsAtTheBudget()
    {
        Budgets budgets;
        budgets.outputLines = 10;
        Run r = run("for i in range(100):\n    print(i)\n", budgets);
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("LimitExceeded"));
        QCOMPARE(std::count(r.out.begin(), r.out.end(), '\n'), 10);
        QCOMPARE(r.result.outputLines, uint64_t(10));
    }

    // Deep structures and deep recursion end in errors, never in a crash of the host.
    void deepStructures_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected"); // error type, or the output
        QTest::newRow("repr of a deeply nested list")
            << "l = []\nfor i in range(100000):\n    l = [l]\nprint(repr(l))\n"
            << "RecursionError";
        QTest::newRow("== of deeply nested lists")
            << "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n"
            << "RecursionError";
        QTest::newRow("a million nested dicts freed")
            << "d = {}\nfor i in range(1000000):\n    d = {'x': d}\n"
               "d = None\nprint('freed')\n"
            << "freed\n";
        QTest::newRow("a linked list of a million nodes freed")
            << "class Node:\n    pass\nhead = None\nfor i in range(1000000):\n    n = Node()\n    n.next = "
               "head\n"
               "    head = n\ndel head, n\nprint('freed')\n"
            << "freed\n";
        QTest::newRow("recursion through await")
            << "import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n"
            << "RecursionError";
        QTest::newRow("300k terms") << QString("x = " + QString("1+").repeated(300000) + "1\n")
                                    << "RecursionError";
    }

    // CPython hashes nested tuples without counting (and crashes on a million of them); Loopscope
    // hashes as deep as its stack allows, then raises RecursionError: either way, no crash.
    void hashOfDeepTuplesEndsCleanly()
    {
        Run r = run("t = ()\nfor i in range(1000000):\n    t = (t,)\nprint(hash(t) != -1)\n");
        if (r.result.ok)
            QCOMPARE(QString::fromStdString(r.out), QString("True\n"));
        else
            QCOMPARE(QString::fromStdString(r.result.errorType), QString("RecursionError"));
    }

    void deepStructures()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        Run r = run(source.toStdString());
        if (expected.endsWith('\n')) {
            QVERIFY2(r.result.ok, r.err.c_str());
            QCOMPARE(QString::fromStdString(r.out), expected);
        } else {
            QCOMPARE(QString::fromStdString(r.result.errorType), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
