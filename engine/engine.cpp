// Temporary: replaced by the VM's implementation of the public API.
#include "engine.h"

namespace loopscope {

RunResult runScenario(std::string_view, const RunOptions&, TraceObserver*)
{
    RunResult r;
    r.ok = false;
    r.errorType = "NotImplementedError";
    r.errorMessage = "the engine is not built yet";
    return r;
}

std::string disassembleScenario(std::string_view, std::string_view) { return {}; }

}  // namespace loopscope
