#pragma once
// The engine's public API: compile and run a scenario in virtual time.
// Results, not exceptions, cross this boundary.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "trace.h"

namespace loopscope {

// Budgets (SPEC.md section 3), one member per row of budgets.def. None of them can crash or hang
// the host; a scenario cannot catch a limit: the run ends with a message naming the budget, where
// the program stood and the option that raises it.
struct Budgets {
#define BUDGET(member, type, value, option, valueName, help) type member = value;
#include "budgets.def"
#undef BUDGET
};

// One budget as the command line and the window show it (budgets.def).
struct BudgetInfo {
    const char* member;
    const char* option;    // without the leading "--"
    const char* valueName; // "N", "BYTES" (K, M, G suffixes allowed) or "SECONDS"
    const char* help;
};
extern const BudgetInfo kBudgetInfo[];
extern const size_t kBudgetCount;
// Budget [index] of kBudgetInfo as text ("512M", "1e+06", "1000"), and back: false when [text]
// is not a positive number (BYTES take K, M and G suffixes).
std::string budgetText(const Budgets& budgets, size_t index);
bool setBudget(Budgets& budgets, size_t index, std::string_view text);

struct RunOptions {
    std::string filename = "<scenario>"; // used in tracebacks and SyntaxErrors
    uint64_t seed = 0;                   // random.seed() in effect before the program seeds it
    Budgets budgets;
    // Where the program's stdout and stderr go, as written. Null: discarded.
    std::function<void(std::string_view)> writeStdout;
    std::function<void(std::string_view)> writeStderr;
    // Another thread sets it to stop the run. The engine polls it where it already counts its
    // budgets (every few hundred loop iterations or calls of scenario code, and once per loop
    // pass), so even `while True: pass` stops within milliseconds; the run then ends with
    // RunResult::cancelled. Null: the run cannot be cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

// What a run held at its peak (for `loopscope run --trace-stats` and tests/bench): heap bytes
// the scenario held (objects, frames, the loop's queues; not the trace), and the most tasks
// pending at once.
struct RunStats {
    int64_t heapBytesAtLoopStart = 0; // when the first event loop started running
    int64_t peakHeapBytes = 0;        // measured at each pass of the loop
    uint32_t maxPendingTasks = 0;
    // The heap the run grew by per pending task at the peak, or 0 when no task ran.
    double bytesPerPendingTask() const
    {
        return maxPendingTasks ? double(peakHeapBytes - heapBytesAtLoopStart) / maxPendingTasks : 0.0;
    }
};

struct RunResult {
    bool ok = true;           // false: an uncaught exception, a SyntaxError or a limit ended the run
    std::string errorType;    // "ZeroDivisionError", "SyntaxError", "Deadlock", ...
    std::string errorMessage; // the exception's str()
    int errorLine = 0;        // for SyntaxError: the line
    double endTime = 0;       // virtual time when the program ended
    // What the run used of its budgets.
    uint64_t peakMemoryBytes = 0; // the most the scenario held at once (Budgets::memoryBytes)
    uint64_t heapAllocations = 0; // allocations the scenario made
    uint64_t traceBytes = 0;      // what it recorded (Budgets::traceBytes)
    uint64_t outputLines = 0, outputBytes = 0;
    RunStats stats;
    bool cancelled = false; // RunOptions::cancel stopped it (errorType "Cancelled")
};

// Compiles and runs [source], reporting to [observer] (may be null). [source] is the file's
// bytes as read: a UTF-8 BOM is skipped, and bytes that are not UTF-8 end the run with
// CPython's SyntaxError ("Non-UTF-8 code starting with ..."), as python3 FILE does.
RunResult runScenario(std::string_view source, const RunOptions& options, TraceObserver* observer);

// The disassembly of [source]'s bytecode, or the SyntaxError text.
std::string disassembleScenario(std::string_view source, std::string_view filename);

} // namespace loopscope
