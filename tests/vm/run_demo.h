#pragma once
// The VM tests' way to run a program: through the public API (runScenario) as "demo.py", with
// what it wrote on stdout and stderr kept for the checks.

#include <string>
#include <string_view>

#include "engine.h"

namespace loopscope::test {

struct Run {
    RunResult result;
    std::string out, err;
};

inline Run run(const std::string& source, Budgets budgets = Budgets(), TraceObserver* observer = nullptr)
{
    Run r;
    RunOptions options;
    options.filename = "demo.py";
    options.budgets = budgets;
    options.writeStdout = [&r](std::string_view s) { r.out += s; };
    options.writeStderr = [&r](std::string_view s) { r.err += s; };
    r.result = runScenario(source, options, observer);
    return r;
}

} // namespace loopscope::test
