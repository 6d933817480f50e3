#pragma once
// `loopscope state`'s output: a StepSnapshot (state_at_step.h) as the one JSON object of
// issue 8, written as Python's json.dumps writes it (", " and ": " separators, ASCII escapes),
// so that tests/reference/harness.py's answer from CPython compares with it text for text.
//
//   {"step": 5, "t": 8.0, "task": "Task-3",
//    "ready": [{"task": "Task-2"}, {"callback": "_on_completion"}],
//    "timers": [11.0, 13.0],
//    "tasks": [{"name": "Task-1", "coro": "main", "state": "pending",
//               "stack": [{"function": "main", "line": 22, "locals": {"t0": "8.0"}}]}]}

#include <string>

#include "state_at_step.h"

namespace loopscope {

// Appends [snapshot] as one line of JSON (with its newline) to [out].
void appendStateJson(const StepSnapshot& snapshot, std::string& out);

} // namespace loopscope
