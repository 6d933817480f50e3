// The VM's hot paths make no heap allocation per instruction: a loop of arithmetic, local
// and global variables allocates the same amount whether it runs 100k or 200k times.

#include <QtTest>

#include "engine.h"

using namespace loopscope;

namespace {

// Allocations made while running [source].
uint64_t allocationsOf(const std::string& source)
{
    RunOptions options;
    options.writeStdout = [](std::string_view) {};
    RunResult r = runScenario(source, options, nullptr);
    if (!r.ok)
        qWarning("run failed: %s: %s", r.errorType.c_str(), r.errorMessage.c_str());
    return r.heapAllocations;
}

std::string moduleLoop(int n)
{
    return "x = 0\nfor i in range(" + std::to_string(n) + "):\n    x = x + i * 2\nprint(x)\n";
}

std::string functionLoop(int n)
{
    return "def work(n):\n    total = 0.5\n    i = 0\n    while i < n:\n        total = total + i * 2 - (i % "
           "7)\n        i += 1\n"
           "    return total\nprint(work(" +
           std::to_string(n) + "))\n";
}

std::string callLoop(int n)
{
    return "def add(a, b):\n    return a + b\ndef main(n):\n    s = 0\n    for i in range(n):\n        s = "
           "add(s, i)\n    return s\n"
           "print(main(" +
           std::to_string(n) + "))\n";
}

} // namespace

class TestVmAlloc : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void hotLoopsDoNotAllocate_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("module-level for loop over range") << 0;
        QTest::newRow("function while loop with floats") << 1;
        QTest::newRow("python-to-python calls") << 2;
    }

    void hotLoopsDoNotAllocate()
    {
        QFETCH(int, kind);
        auto source = [&](int n) {
            return kind == 0 ? moduleLoop(n) : kind == 1 ? functionLoop(n) : callLoop(n);
        };
        uint64_t small = allocationsOf(source(100000));
        uint64_t large = allocationsOf(source(200000));
        qInfo("allocations: %llu for 100k iterations, %llu for 200k", (unsigned long long)small,
              (unsigned long long)large);
        // The same program structure: only constants differ, so the counts must match closely
        // (not grow by 100k).
        QVERIFY2(large <= small + 16, qPrintable(QString("%1 vs %2").arg(small).arg(large)));
    }
};

QTEST_GUILESS_MAIN(TestVmAlloc)
#include "tst_vm_alloc.moc"
