#pragma once
// The comparison trace (SPEC.md section 4): JSON Lines with exactly three kinds of event,
// step / print / end, in execution order. `loopscope trace` writes it; tests compare it with the
// trace CPython produces under tests/reference/harness.py.

#include <string>
#include <string_view>

#include "engine.h"
#include "trace.h"

namespace loopscope {

// Appends the comparison trace of a finished run to [out].
void appendComparisonTrace(const TraceRecorder& trace, const RunResult& result, std::string& out);

// Appends [text] as a JSON string literal, escaped exactly as Python's json.dumps does
// (ensure_ascii: everything outside ASCII becomes \uXXXX, with surrogate pairs).
void appendJsonString(std::string& out, std::string_view text);

}  // namespace loopscope
