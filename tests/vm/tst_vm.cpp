// VM tests through the public API (runScenario): values print as CPython prints them,
// arithmetic and its errors, classes, exceptions and tracebacks, generators, coroutines and
// async generators, the _loopscope module and the trace, and the budgets.

#include <atomic>
#include <thread>

#include <QtTest>

#include "engine.h"
#include "run_demo.h"
#include "vm.h"

using namespace loopscope;
using test::Run;
using test::run;

namespace {

std::string lastLine(const std::string& text)
{
    std::string t = text;
    while (!t.empty() && t.back() == '\n')
        t.pop_back();
    size_t nl = t.rfind('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
}

} // namespace

class TestVm : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void output_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("print values") << "print(1, 'a', None, True, 2.5)"
                                      << "1 a None True 2.5\n";
        QTest::newRow("float repr") << "print(0.1 + 0.2, 1e16, 1/3)"
                                    << "0.30000000000000004 1e+16 0.3333333333333333\n";
        QTest::newRow("containers") << "print([1, 'a', None], {'a': 1}, (1,), set(), {3, 1, 2})"
                                    << "[1, 'a', None] {'a': 1} (1,) set() {1, 2, 3}\n";
        QTest::newRow("set order like CPython") << "print({10, 2, 33, 8, 1})"
                                                << "{33, 2, 1, 8, 10}\n";
        // CPython orders these by memory address; Loopscope promises insertion order (SPEC.md 3).
        QTest::newRow("set of objects in insertion order")
            << "class T:\n    def __init__(self, n):\n        self.n = n\n"
               "ts = [T(i) for i in range(12)]\ns = set(reversed(ts))\ns.discard(ts[4])\n"
               "print([t.n for t in s], s.pop().n, len({ts[0], 1, 'a'}))"
            << "[11, 10, 9, 8, 7, 6, 5, 3, 2, 1, 0] 11 3\n";
        QTest::newRow("sep and end") << "print(1, 2, sep='-', end='!')\nprint()"
                                     << "1-2!\n";
        QTest::newRow("floor division signs")
            << "print(7 // -2, -7 // 2, 7 % -3, -7 % 3, -7.5 // 2, 7.5 % -2)"
            << "-4 -4 -2 2 -4.0 -0.5\n";
        QTest::newRow("true division and power") << "print(7 / 2, 2 ** -1, 2 ** 10, (-8) ** 2)"
                                                 << "3.5 0.5 1024 64\n";
        QTest::newRow("big ints") << "print(2 ** 62, -(2 ** 62) * 2, 9223372036854775807)"
                                  << "4611686018427387904 -9223372036854775808 9223372036854775807\n";
        QTest::newRow("strings") << "s = 'Hello'\nprint(s.upper(), s[1:3], s[::-1], len(s), s * 2, 'l' in s)"
                                 << "HELLO el olleH 5 HelloHello True\n";
        QTest::newRow("fstring and format")
            << "x = 3.14159\nprint(f'{x:.2f}|{42:>5}|{\"a\"!r}', '{:08.3f}'.format(x), '%5d|%s' % (7, 'z'))"
            << "3.14|   42|'a' 0003.142     7|z\n";
        QTest::newRow("functions") << "def f(a, b=2, *args, c, **kw):\n    return a, b, args, c, "
                                      "kw\nprint(f(1, c=3), f(1, 2, 3, c=4, d=5))"
                                   << "(1, 2, (), 3, {}) (1, 2, (3,), 4, {'d': 5})\n";
        QTest::newRow("closures")
            << "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        "
               "return n\n    return inc\nc = counter()\nc(); c()\nprint(c())"
            << "3\n";
        QTest::newRow("classes") << "class A:\n    k = 1\n    def __init__(self, x):\n        self.x = x\n   "
                                    " def __repr__(self):\n        return f'A({self.x})'\n"
                                    "class B(A):\n    def __init__(self):\n        "
                                    "super().__init__(5)\nprint(B(), B.k, isinstance(B(), A))"
                                 << "A(5) 1 True\n";
        QTest::newRow("properties and dunders")
            << "class V:\n    def __init__(self, x): self._x = x\n    @property\n    def x(self): return "
               "self._x\n"
               "    @x.setter\n    def x(self, v): self._x = v * 2\n    def __add__(self, o): return "
               "V(self.x + o.x)\n"
               "    def __eq__(self, o): return self.x == o.x\n    __hash__ = None\nv = V(1) + V(2)\nv.x = "
               "5\nprint(v.x, V(3) == V(3))"
            << "10 True\n";
        QTest::newRow("multiple inheritance mro")
            << "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\nprint([k.__name__ "
               "for k in D.__mro__])"
            << "['D', 'B', 'C', 'A', 'object']\n";
        QTest::newRow("generators") << "def g(n):\n    for i in range(n):\n        x = yield i\n    return "
                                       "'done'\nprint(list(g(3)), sum(x * x for x in range(4)))"
                                    << "[0, 1, 2] 14\n";
        QTest::newRow("generator send and return")
            << "def g():\n    x = yield 1\n    return x * 2\nit = g()\nnext(it)\ntry:\n    "
               "it.send(21)\nexcept StopIteration as e:\n    print(e.value)"
            << "42\n";
        QTest::newRow("yield from") << "def inner():\n    yield 1\n    yield 2\n    return 3\ndef outer():\n "
                                       "   r = yield from inner()\n    yield r\nprint(list(outer()))"
                                    << "[1, 2, 3]\n";
        QTest::newRow("exception chaining attributes")
            << "try:\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        raise "
               "ValueError('v') from e\nexcept ValueError as e:\n    print(type(e.__cause__).__name__, "
               "e.__suppress_context__)"
            << "ZeroDivisionError True\n";
        QTest::newRow("finally order")
            << "def f():\n    try:\n        return 'body'\n    finally:\n        print('finally')\nprint(f())"
            << "finally\nbody\n";
        QTest::newRow("with statement")
            << "class C:\n    def __enter__(self): print('enter'); return 1\n    def __exit__(self, t, v, "
               "tb):\n        print('exit', t.__name__)\n        return True\nwith C() as x:\n    raise "
               "KeyError(x)\nprint('after')"
            << "enter\nexit KeyError\nafter\n";
        QTest::newRow("except star")
            << "try:\n    raise ExceptionGroup('g', [ValueError(1), KeyError(2)])\nexcept* ValueError as "
               "e:\n    print('V', len(e.exceptions))\nexcept* KeyError as e:\n    print('K', "
               "len(e.exceptions))"
            << "V 1\nK 1\n";
        QTest::newRow("coroutine driven by hand")
            << "async def add(a, b):\n    return a + b\nc = add(2, 3)\ntry:\n    c.send(None)\nexcept "
               "StopIteration as e:\n    print(e.value)"
            << "5\n";
        QTest::newRow("await custom awaitable")
            << "class F:\n    def __await__(self):\n        v = yield 'tick'\n        return v\nasync def "
               "main():\n    return await F()\nc = main()\nprint(c.send(None))\ntry:\n    c.send(7)\nexcept "
               "StopIteration as e:\n    print(e.value)"
            << "tick\n7\n";
        QTest::newRow("async generator")
            << "async def agen():\n    for i in range(3):\n        yield i\nasync def main():\n    return [x "
               "async for x in agen()]\nc = main()\ntry:\n    c.send(None)\nexcept StopIteration as e:\n    "
               "print(e.value)"
            << "[0, 1, 2]\n";
        QTest::newRow("time module is virtual")
            << "import time\nt = time.monotonic()\ntime.sleep(2.5)\nprint(time.monotonic() - t, time.time())"
            << "2.5 2.5\n";
        QTest::newRow("random is CPython's")
            << "import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100))"
            << "0.6394267984578837 4\n";
        QTest::newRow("collections")
            << "from collections import deque, defaultdict, Counter\nd = deque([1, 2], "
               "maxlen=3)\nd.appendleft(0)\nd.append(3)\ndd = defaultdict(list)\ndd['a'].append(1)\nprint(d, "
               "dict(dd), Counter('abca').most_common(1))"
            << "deque([1, 2, 3], maxlen=3) {'a': [1]} [('a', 2)]\n";
        // Attribute lookups are cached per (class, name): every class change must show at once.
        QTest::newRow("class changes invalidate cached lookups")
            << "class A:\n    def f(self): return 'A.f'\nclass B(A): pass\nb = B()\nout = []\n"
               "for i in range(3):\n    out.append(b.f())\n    if i == 0: A.f = lambda self: 'new A.f'\n"
               "    if i == 1: B.f = lambda self: 'B.f'\nout.append(getattr(b, 'g', 'none'))\nA.g = 7\n"
               "out.append(b.g)\nb.g = 8\nout.append(b.g)\ndel b.g\ndel A.g\n"
               "out.append(getattr(b, 'g', 'gone'))\nprint(out)"
            << "['A.f', 'new A.f', 'B.f', 'none', 7, 8, 'gone']\n";
        QTest::newRow("main guard") << "if __name__ == '__main__':\n    print('main')"
                                    << "main\n";
    }

    void output()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        Run r = run(source.toStdString());
        QVERIFY2(r.result.ok, (r.result.errorType + ": " + r.result.errorMessage + "\n" + r.err).c_str());
        QCOMPARE(QString::fromStdString(r.out), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("int division by zero") << "1 // 0"
                                              << "ZeroDivisionError"
                                              << "integer division or modulo by zero";
        QTest::newRow("true division by zero") << "1 / 0"
                                               << "ZeroDivisionError"
                                               << "division by zero";
        QTest::newRow("float division by zero") << "1.0 / 0"
                                                << "ZeroDivisionError"
                                                << "float division by zero";
        QTest::newRow("modulo by zero") << "1 % 0"
                                        << "ZeroDivisionError"
                                        << "integer modulo by zero";
        QTest::newRow("big int to float") << "x = 2 ** 62\nfloat(x ** 20)"
                                          << "OverflowError"
                                          << "int too large to convert to float";
        QTest::newRow("int digit limit") << "str(10 ** 4300)"
                                         << "ValueError"
                                         << "Exceeds the limit (4300 digits) for integer string conversion; use "
                                            "sys.set_int_max_str_digits() to increase the limit";
        QTest::newRow("str plus int") << "'a' + 1"
                                      << "TypeError"
                                      << "can only concatenate str (not \"int\") to str";
        QTest::newRow("unsupported operand") << "1 + 'a'"
                                             << "TypeError"
                                             << "unsupported operand type(s) for +: 'int' and 'str'";
        QTest::newRow("key error") << "{}['k']"
                                   << "KeyError"
                                   << "'k'";
        QTest::newRow("index error") << "[][0]"
                                     << "IndexError"
                                     << "list index out of range";
        QTest::newRow("name error") << "undefined_name"
                                    << "NameError"
                                    << "name 'undefined_name' is not defined";
        QTest::newRow("unbound local")
            << "def f():\n    print(x)\n    x = 1\nf()"
            << "UnboundLocalError"
            << "cannot access local variable 'x' where it is not associated with a value";
        QTest::newRow("attribute error") << "(1).foo"
                                         << "AttributeError"
                                         << "'int' object has no attribute 'foo'";
        QTest::newRow("missing argument") << "def f(a, b): pass\nf(1)"
                                          << "TypeError"
                                          << "f() missing 1 required positional argument: 'b'";
        QTest::newRow("too many arguments") << "def f(a): pass\nf(1, 2)"
                                            << "TypeError"
                                            << "f() takes 1 positional argument but 2 were given";
        QTest::newRow("unpacking") << "a, b = [1, 2, 3]"
                                   << "ValueError"
                                   << "too many values to unpack (expected 2)";
        QTest::newRow("recursion") << "def f(n): return f(n + 1)\nf(0)"
                                   << "RecursionError"
                                   << "maximum recursion depth exceeded";
        QTest::newRow("reused coroutine") << "async def f(): pass\nc = f()\ntry:\n    c.send(None)\nexcept "
                                             "StopIteration:\n    pass\nc.send(None)"
                                          << "RuntimeError"
                                          << "cannot reuse already awaited coroutine";
        QTest::newRow("user exception") << "class Boom(Exception): pass\nraise Boom('bang')"
                                        << "Boom"
                                        << "bang";
        QTest::newRow("missing module")
            << "import requests"
            << "ModuleNotFoundError"
            << "No module named 'requests'. Loopscope runs scenarios in a simulator without files, "
               "network or processes; model I/O with `await asyncio.sleep(seconds)`.";
        QTest::newRow("syntax error") << "def f(:\n    pass"
                                      << "SyntaxError"
                                      << "invalid syntax";
        QTest::newRow("stop iteration in generator")
            << "def g():\n    raise StopIteration\n    yield\nlist(g())"
            << "RuntimeError"
            << "generator raised StopIteration";
    }

    void errors()
    {
        QFETCH(QString, source);
        QFETCH(QString, type);
        QFETCH(QString, message);
        Run r = run(source.toStdString());
        QVERIFY(!r.result.ok);
        QCOMPARE(QString::fromStdString(r.result.errorType), type);
        if (type != "SyntaxError")
            QCOMPARE(QString::fromStdString(r.result.errorMessage), message);
        QVERIFY(!r.err.empty());
    }

    void tracebackLooksLikeCPython()
    {
        Run r = run("def inner():\n    return 1 / 0\n\ndef outer():\n    inner()\n\nouter()\n");
        QVERIFY(!r.result.ok);
        QCOMPARE(QString::fromStdString(r.err), QString("Traceback (most recent call last):\n"
                                                        "  File \"demo.py\", line 7, in <module>\n"
                                                        "    outer()\n"
                                                        "  File \"demo.py\", line 5, in outer\n"
                                                        "    inner()\n"
                                                        "  File \"demo.py\", line 2, in inner\n"
                                                        "    return 1 / 0\n"
                                                        "           ~~^~~\n"
                                                        "ZeroDivisionError: division by zero\n"));
    }

    void implicitChainingIsPrinted()
    {
        Run r = run("try:\n    {}['a']\nexcept KeyError:\n    raise ValueError('second')\n");
        QVERIFY(r.err.find("During handling of the above exception, another exception occurred:") !=
                std::string::npos);
        QVERIFY(r.err.find("KeyError: 'a'") != std::string::npos);
        QCOMPARE(QString::fromStdString(lastLine(r.err)), QString("ValueError: second"));
        Run explicitCause =
            run("try:\n    1/0\nexcept ZeroDivisionError as e:\n    raise RuntimeError('x') from e\n");
        QVERIFY(
            explicitCause.err.find("The above exception was the direct cause of the following exception:") !=
            std::string::npos);
    }

    void exceptionGroupTracebackLikeCPython()
    {
        Run r = run("raise ExceptionGroup('eg', [ValueError(1), ExceptionGroup('sub', [TypeError(2)])])\n");
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("ExceptionGroup"));
        QCOMPARE(
            QString::fromStdString(r.err),
            QString(
                "  + Exception Group Traceback (most recent call last):\n"
                "  |   File \"demo.py\", line 1, in <module>\n"
                "  |     raise ExceptionGroup('eg', [ValueError(1), ExceptionGroup('sub', [TypeError(2)])])\n"
                "  | ExceptionGroup: eg (2 sub-exceptions)\n"
                "  +-+---------------- 1 ----------------\n"
                "    | ValueError: 1\n"
                "    +---------------- 2 ----------------\n"
                "    | ExceptionGroup: sub (1 sub-exception)\n"
                "    +-+---------------- 1 ----------------\n"
                "      | TypeError: 2\n"
                "      +------------------------------------\n"));
    }

    void neverAwaitedCoroutineWarns()
    {
        TraceRecorder recorder;
        Run r = run("async def job():\n    pass\n\njob()\nprint('end')\n", Budgets(), &recorder);
        QVERIFY(r.result.ok);
        QVERIFY2(r.err.find("demo.py:4: RuntimeWarning: coroutine 'job' was never awaited") !=
                     std::string::npos,
                 r.err.c_str());
        bool warned = false;
        for (const TraceEvent& e : recorder.events())
            warned |= e.kind == EventKind::Warning;
        QVERIFY(warned);
    }

    // asyncio's learner warnings (SPEC.md section 3), in CPython's words, on stderr only.
    void asyncioWarningsForLearners()
    {
        Run r = run("import asyncio, time\n"
                    "async def boom():\n    raise ValueError('x')\n"
                    "async def hog():\n    time.sleep(2)\n"
                    "async def main():\n"
                    "    asyncio.create_task(boom())\n"
                    "    await asyncio.sleep(0.1)\n"
                    "    await asyncio.create_task(hog())\n"
                    "    print('done')\n"
                    "asyncio.run(main())\n",
                    Budgets(), nullptr);
        QVERIFY2(r.result.ok, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out), QString("done\n"));
        for (const char* expected :
             {"Executing <Task finished name='Task-3' coro=<hog() done, defined at demo.py:4> result=None> "
              "took 2.000 seconds",
              "Task exception was never retrieved\nfuture: <Task finished name='Task-2' coro=<boom() done, "
              "defined at demo.py:2> exception=ValueError('x')>"})
            QVERIFY2(r.err.find(expected) != std::string::npos, r.err.c_str());
    }

    void runawayLoopIsALimit()
    {
        Budgets budgets;
        budgets.instructionsPerStep = 100000;
        Run r = run("import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n",
                    budgets);
        QVERIFY(!r.result.ok);
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("RunawayTask"));
        QVERIFY2(
            r.result.errorMessage.find("a task ran 100000 instructions without yielding to the event loop") !=
                std::string::npos,
            r.result.errorMessage.c_str());
        // Top-level code has its own allowance, and an endless loop there ends too.
        Run top = run("while True:\n    pass\n", budgets);
        QCOMPARE(QString::fromStdString(top.result.errorType), QString("RunawayTask"));
        QVERIFY2(top.result.errorMessage.find("the program ran 100000 instructions outside any task") !=
                     std::string::npos,
                 top.result.errorMessage.c_str());
    }

    void recursionBudget()
    {
        Budgets budgets;
        budgets.recursionDepth = 50;
        Run shallow = run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(40))\n", budgets);
        QVERIFY(shallow.result.ok);
        QCOMPARE(QString::fromStdString(shallow.out), QString("40\n"));
        Run deep = run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(60))\n", budgets);
        QCOMPARE(QString::fromStdString(deep.result.errorType), QString("RecursionError"));
        // Deep recursion through a native call (__repr__ via repr()) must not overflow the C++ stack.
        Run native = run("class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n");
        QCOMPARE(QString::fromStdString(native.result.errorType), QString("RecursionError"));
    }

    void memoryBudget()
    {
        Budgets budgets;
        budgets.memoryBytes = 8 << 20;
        Run r = run("items = []\nwhile True:\n    items.append([0] * 1000)\n", budgets);
        QVERIFY(!r.result.ok);
        QCOMPARE(QString::fromStdString(r.result.errorType), QString("MemoryError"));
    }

    void loopEmitsTypedEvents()
    {
        TraceRecorder recorder;
        Run r = run("import asyncio, _loopscope\n"
                    "def tick():\n    pass\n"
                    "async def main():\n"
                    "    await asyncio.sleep(2.5)\n"
                    "    asyncio.get_running_loop().call_at(4.0, tick)\n"
                    "    _loopscope.warn('careful')\n"
                    "    await asyncio.sleep(2)\n"
                    "    print(asyncio.get_running_loop().time(), _loopscope.WAIT_TIMER)\n"
                    "asyncio.run(main())\n",
                    Budgets(), &recorder);
        QVERIFY2(r.result.ok, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out), QString("4.5 %1\n").arg(int(WaitKind::Timer)));
        const auto& events = recorder.events();
        auto it = std::find_if(events.begin(), events.end(), [](const TraceEvent& e) {
            return e.kind == EventKind::TimerScheduled && e.timerKind() == TimerKind::Callback;
        });
        QVERIFY(it != events.end());
        QCOMPARE(it->t, 2.5);
        QCOMPARE(it->deadline(), 4.0);
        QCOMPARE(it->task.value, 1u); // main, Task-1
        QVERIFY(it->handle().value != 0);
        QCOMPARE(QString::fromStdString(std::string(recorder.string(it->callbackName()))), QString("tick"));
        auto fired = std::find_if(events.begin(), events.end(), [&](const TraceEvent& e) {
            return e.kind == EventKind::TimerFired && e.handle() == it->handle();
        });
        QVERIFY(fired != events.end());
        QCOMPARE(fired->t, 4.0);
        auto warning = std::find_if(events.begin(), events.end(),
                                    [](const TraceEvent& e) { return e.kind == EventKind::Warning; });
        QVERIFY(warning != events.end());
        QCOMPARE(QString::fromStdString(std::string(recorder.string(warning->text()))), QString("careful"));
        QCOMPARE(warning->task.value, 0u);
        QCOMPARE(events.back().kind, EventKind::RunEnded);
    }

    void outputEventsPerLine()
    {
        TraceRecorder recorder;
        Run r = run("print('a', end='')\nprint('b')\nprint('c')\n", Budgets(), &recorder);
        QStringList lines;
        for (const TraceEvent& e : recorder.events())
            if (e.kind == EventKind::Output)
                lines << QString::fromStdString(std::string(recorder.string(e.text())));
        QCOMPARE(lines, QStringList({"ab", "c"}));
    }

    void statementEventsAtLineLevel()
    {
        TraceRecorder recorder(TraceLevel::Line);
        Run r = run("x = 1\nfor i in range(2):\n    x += i\nprint(x)\n", Budgets(), &recorder);
        QVERIFY(r.result.ok);
        QList<int> lines;
        for (const TraceEvent& e : recorder.events())
            if (e.kind == EventKind::Statement)
                lines << int(e.line());
        QCOMPARE(lines, QList<int>({1, 2, 3, 2, 3, 2, 4})); // what sys.settrace reports in CPython
        TraceRecorder stepLevel(TraceLevel::Step);
        run("x = 1\n", Budgets(), &stepLevel);
        for (const TraceEvent& e : stepLevel.events())
            QVERIFY(e.kind != EventKind::Statement);
    }

    void asyncioRunsInVirtualTime()
    {
        Run r = run(
            "import asyncio\nasync def add(a, b, delay):\n    await asyncio.sleep(delay)\n    return a + b\n"
            "async def main():\n    t1 = asyncio.create_task(add(1, 2, 3))\n    t2 = "
            "asyncio.create_task(add(3, 4, 5))\n"
            "    print(await t1, await t2, asyncio.get_running_loop().time())\nasyncio.run(main())\n");
        QVERIFY2(r.result.ok, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out), QString("3 7 5.0\n"));
        QCOMPARE(r.result.endTime, 5.0);
    }

    // The loop's clock jumps are what the timeline's loop row draws: old time in t, new in t2.
    void clockJumpsGoFromOldToNewTime()
    {
        TraceRecorder recorder;
        Run r =
            run("import asyncio\nasync def main():\n    await asyncio.sleep(3)\n    await asyncio.sleep(2)\n"
                "asyncio.run(main())\n",
                Budgets(), &recorder);
        QVERIFY2(r.result.ok, r.err.c_str());
        std::vector<std::pair<double, double>> jumps;
        for (const TraceEvent& e : recorder.events())
            if (e.kind == EventKind::ClockJumped)
                jumps.emplace_back(e.t, e.newTime());
        QCOMPARE(jumps.size(), size_t(2));
        QCOMPARE(jumps[0], std::make_pair(0.0, 3.0));
        QCOMPARE(jumps[1], std::make_pair(3.0, 5.0));
    }

    // RunOptions::cancel stops a run from another thread within 100 ms, whether the scenario
    // computes without yielding or the loop model spins through passes; runs in two threads at
    // once do not disturb each other.
    void cancelStopsARunFromAnotherThread_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("endless top-level loop") << QString("while True:\n    pass\n");
        QTest::newRow("endless task step") << QString("import asyncio\nasync def spin():\n    while True:\n"
                                                      "        pass\nasyncio.run(spin())\n");
        QTest::newRow("endless loop passes")
            << QString("import asyncio\nasync def spin():\n    while True:\n"
                       "        await asyncio.sleep(0)\nasyncio.run(spin())\n");
        QTest::newRow("endless callbacks")
            << QString("import asyncio\ndef again(loop):\n    loop.call_soon(again, loop)\n"
                       "loop = asyncio.new_event_loop()\nloop.call_soon(again, loop)\nloop.run_forever()\n");
    }

    void cancelStopsARunFromAnotherThread()
    {
        QFETCH(QString, source);
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        RunResult result;
        std::thread worker([&] {
            RunOptions options;
            options.cancel = &cancel;
            TraceRecorder recorder;
            result = runScenario(source.toStdString(), options, &recorder);
            done = true;
        });
        // Meanwhile an independent run on this thread gives its normal answer.
        Run other = run("print(sum(range(1000)))\n");
        QCOMPARE(QString::fromStdString(other.out), QString("499500\n"));
        QThread::msleep(50);
        QVERIFY(!done);
        QElapsedTimer clock;
        clock.start();
        cancel = true;
        while (!done && clock.elapsed() < 5000)
            QThread::msleep(1);
        const qint64 ms = clock.elapsed();
        worker.join();
        QVERIFY2(ms < 100, qPrintable(QString::number(ms) + " ms"));
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QCOMPARE(QString::fromStdString(result.errorType), QString("Cancelled"));
    }

    void runsAreIndependent()
    {
        // Each run starts from fresh state: globals, the clock and the random generator.
        Run a = run("import random, time\ntime.sleep(1)\nprint(random.random())\n");
        Run b = run("import random, time\nprint(time.time(), random.random())\n");
        QCOMPARE(QString::fromStdString(a.out), QString("0.8444218515250481\n"));
        QCOMPARE(QString::fromStdString(b.out), QString("0.0 0.8444218515250481\n"));
    }
};

QTEST_GUILESS_MAIN(TestVm)
#include "tst_vm.moc"
