#pragma once
// The plain words the stepping panels share: a moment of virtual time, a handle in the ready
// queue, a timer, a task's state and what it waits on. The narration, the "why isn't this task
// running?" answer and the loop inspector's rows are all built from these, so they never
// disagree. No Qt.

#include <string>
#include <string_view>
#include <vector>

#include "LoopHistory.h"

namespace loopscope {

// The scenario's lines, for quoting a statement or an await.
class SourceLines {
  public:
    SourceLines() = default;
    explicit SourceLines(std::string_view source);
    // Line [line] (1-based) without its indentation, comment and trailing blanks; "" if none.
    std::string statement(uint32_t line) const;
    // What the await on [line] awaits ("asyncio.sleep(5)"), or "".
    std::string awaited(uint32_t line) const;
    bool has(uint32_t line) const { return line >= 1 && line <= lines_.size(); }

  private:
    std::vector<std::string> lines_;
};

// 5 -> "5.0", 2.5 -> "2.5", 0.1 + 0.2 -> "0.30000000000000004": Python's repr of the float.
std::string formatTime(double t);

// What a ready handle will do: "Task-3 add_fast" (its first step or a wake-up: see
// handleRole), or a callback's name ("_set_result_unless_cancelled").
std::string handleSubject(const LoopHistory& history, const QueuedHandle& h, EventIndex at);
// "first step", "wake-up", "step", "timer callback of Task-3 add_fast's sleep", "callback".
std::string handleRole(const LoopHistory& history, const QueuedHandle& h, EventIndex at);
// What a timer will do when it fires: "wakes Task-2 add_slow" (a sleep's), "times out
// Task-2 add_slow's wait", "calls tick".
std::string timerPurpose(const LoopHistory& history, const PendingTimer& timer, EventIndex at);
// What a suspended task waits on: "sleeps until t=5.0", "awaits Task-2 add_slow", "waits on
// Queue.get", "yielded (sleep(0)): it is back in the ready queue".
std::string waitWords(const LoopHistory& history, const TaskAtMoment& task, EventIndex at);
// A task's state at the moment, for the inspector's row: "running, line 7", "sleeping until
// t=5.0, line 15", "awaits Task-2 add_slow, line 24", "ready to start, 1 handle ahead",
// "done: 10", "cancelled", "failed: ValueError: bad".
std::string taskStateWords(const LoopHistory& history, const LoopMoment& moment, const TaskAtMoment& task);
// "1 handle", "2 handles".
std::string handleCount(int n);

} // namespace loopscope
