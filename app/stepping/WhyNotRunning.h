#pragma once
// The question learners ask at a paused loop: "why isn't this task running?" Answered for one
// task at one moment, in a sentence, with what will make it run:
//   "Task-2 add_slow is sleeping until t=5.0 (line 15): its timer will wake it."
//   "Task-3 add_fast is ready, behind 2 handles: Task-1 get_results, _on_completion."
//   "Task-1 get_results is awaiting Task-3 add_fast, which is sleeping until t=3.0."
//   "Task-2 ticker is ready, but held up: Task-3 blocker holds the loop in time.sleep(2) until t=2.1."
// No Qt.

#include <string>

#include "LoopHistory.h"

namespace loopscope {

std::string whyNotRunning(const LoopHistory& history, const LoopMoment& moment, TaskId task);

} // namespace loopscope
