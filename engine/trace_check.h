#pragma once
// The trace's invariants: what must hold in every recorded trace for the timeline and the loop
// inspector to show the run truthfully. Checked on the native trace of every scenario and
// script test by tests/trace (and usable by any tool that records a trace).

#include <string>
#include <vector>

#include "trace.h"

namespace loopscope {

// Returns one message per problem found in [events] (empty when all is well):
// - time never goes back, and the clock only jumps forward, to the earliest pending deadline;
// - steps do not nest, each one ends (unless the run ended with an error mid-step), and a task
//   steps only between its creation and its end, and finishes once;
// - the ready queue can be rebuilt from the trace: every handle the loop runs (StepBegan,
//   CallbackRan) is the first one queued (ReadyPushed, TimerFired), once the cancelled ones
//   before it are dropped; a step runs a handle queued for that task;
// - a timer fires once, never before its deadline, and never after it was cancelled;
// - passes are numbered 1, 2, 3, ... per loop.
std::vector<std::string> checkTraceInvariants(const TraceEvents& events, bool endedWithError);

} // namespace loopscope
