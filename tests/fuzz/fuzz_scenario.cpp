// libFuzzer target for the whole engine: lexer, parser, compiler and VM.
// Any input must end in a result (ok, a scenario error or a limit), never a crash,
// a hang or a sanitizer report. Budgets are small so each input runs quickly.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    loopscope::RunOptions options;
    options.filename = "fuzz.py";
    options.budgets.instructionsPerStep = 100'000;
    options.budgets.loopPasses = 10'000;
    options.budgets.virtualTime = 1e4;
    options.budgets.recursionDepth = 200;
    options.budgets.memoryBytes = 64u << 20;
    loopscope::runScenario(std::string_view(reinterpret_cast<const char*>(data), size), options, nullptr);
    return 0;
}
