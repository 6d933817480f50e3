#pragma once
// A cursor over a recorded run. It stands on one of the run's stops: a statement beginning
// (line-level traces), a task step beginning, a callback the loop runs, a jump of the clock,
// and the run's end. It moves forward and back by statement, by step, by loop pass or to the
// next clock jump, to breakpoint lines, to a step by number, or to the stop at or before any
// event (a clicked bar, a console line). Every move is a binary search over lists built once,
// so going back costs what going forward does. No Qt: unit-tested on its own.

#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "trace.h"

namespace loopscope {

// How far one move goes.
enum class StepUnit : uint8_t {
    Statement, // the next stop of any kind
    Step,      // the next task step or callback the loop runs
    Pass,      // the first stop of the next pass of the loop
    ClockJump, // the next stop where the clock reads a later time
};

class RunCursor {
  public:
    RunCursor() = default;
    explicit RunCursor(const TraceRecorder& trace);

    // The stops: positions 0 .. count()-1. An empty trace has none.
    int count() const { return int(stops_.size()); }
    bool isEmpty() const { return stops_.empty(); }
    int position() const { return position_; }
    EventIndex event() const { return eventAt(position_); }
    EventIndex eventAt(int position) const { return EventIndex{stops_[size_t(position)]}; }
    int lastPosition() const { return count() - 1; }

    // Moves to [position] (clamped); returns whether it moved.
    bool setPosition(int position);
    bool forward(StepUnit unit) { return setPosition(nextPosition(unit)); }
    bool back(StepUnit unit) { return setPosition(previousPosition(unit)); }
    bool reset() { return setPosition(0); }
    bool toEnd() { return setPosition(lastPosition()); }
    // Where a move by [unit] would go (the position itself at either end).
    int nextPosition(StepUnit unit) const;
    int previousPosition(StepUnit unit) const;

    // The stop at or before event [e] (the first stop if [e] comes before it).
    int positionAtOrBefore(EventIndex e) const;
    // Steps are numbered from 1, counting StepBegan events (asyncio.run's shutdown tasks
    // included), as `loopscope export --step K` and `loopscope state --step K` count them.
    int stepCount() const { return int(stepBegins_.size()); }
    // The position where step [k] begins, or -1.
    int positionOfStep(int k) const;
    // The number of the last step begun at or before [position] (0: none yet).
    int stepNumberAt(int position) const;

    // -- Breakpoints ---------------------------------------------------------------------------
    // Scenario lines; a stop hits one when it is a statement on that line, or a step resuming there.
    void setBreakpoints(std::set<uint32_t> lines) { breakpoints_ = std::move(lines); }
    const std::set<uint32_t>& breakpoints() const { return breakpoints_; }
    // The next (previous) stop after (before) the cursor on a breakpoint line, if any.
    std::optional<int> nextBreakpointHit() const;
    std::optional<int> previousBreakpointHit() const;
    // The line a stop is on (0: none, e.g. a clock jump).
    uint32_t lineAt(int position) const;

  private:
    const std::vector<int>& positionsOf(StepUnit unit) const;

    std::vector<uint32_t> stops_;     // event indexes, ascending
    std::vector<uint32_t> stopLines_; // the line of each stop, or 0
    std::vector<int> steps_;          // positions of StepBegan and CallbackRan stops
    std::vector<int> passes_;         // the first position of each pass
    std::vector<int> clockJumps_;     // positions where the clock reads a later time
    std::vector<int> stepBegins_;     // position of each StepBegan, in order (step k: [k-1])
    std::unordered_map<uint32_t, std::vector<int>> positionsOfLine_;
    std::set<uint32_t> breakpoints_;
    int position_ = 0;
};

} // namespace loopscope
