// libFuzzer target for the whole engine: lexer, parser, compiler (and its disassembly) and a
// budgeted run that records the trace at line level. Any input must end in a result (ok, a
// scenario error or a limit), never a crash, a hang, a leak or a sanitizer report. Budgets are
// small so that each input runs in milliseconds; the memory budget must hold below libFuzzer's
// own -rss_limit_mb.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    loopscope::disassembleScenario(source, "fuzz.py");

    loopscope::RunOptions options;
    options.filename = "fuzz.py";
    // Small enough that even the hostile seeds (tests/bad: memory bombs, floods, runaways) end in
    // a second or two under the sanitizers and coverage instrumentation.
    options.budgets.instructionsPerStep = 1'000'000;
    options.budgets.loopPasses = 2'000;
    options.budgets.virtualTime = 1e4;
    options.budgets.recursionDepth = 200;
    options.budgets.memoryBytes = 32u << 20;
    options.budgets.outputLines = 2'000;
    options.budgets.outputBytes = 1u << 20;
    options.budgets.traceBytes = 4u << 20;
    options.writeStdout = [](std::string_view) {};
    options.writeStderr = [](std::string_view) {};
    loopscope::TraceRecorder recorder(loopscope::TraceLevel::Line);
    loopscope::runScenario(source, options, &recorder);
    return 0;
}
