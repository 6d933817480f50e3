#pragma once
// The synthetic traces of the timeline's replot benchmark (timeline_bench) and of the pixel test
// that checks its fast paths at that scale (tests/gui/tst_timeline): [tasks] tasks taking [steps]
// steps each, pass by pass; every task is queued, runs and sleeps one second, so each step leaves
// three segments (ready, running, sleeping).

#include <cstdint>
#include <memory>

#include "trace.h"

namespace loopscope::bench {

inline std::shared_ptr<TraceRecorder> syntheticTrace(uint32_t tasks, uint32_t steps)
{
    auto trace = std::make_shared<TraceRecorder>();
    const StringId coro = trace->intern("worker");
    uint32_t handle = 0, pass = 0;
    for (uint32_t t = 1; t <= tasks; ++t)
        trace->record(TraceEvent::taskCreated(0, TaskId{t}, {}, coro, {}, 1));
    for (uint32_t k = 0; k < steps; ++k) {
        const double now = k;
        if (k > 0)
            trace->record(TraceEvent::clockJumped(now - 1, now));
        trace->record(TraceEvent::passBegan(now, ++pass));
        for (uint32_t t = 1; t <= tasks; ++t)
            trace->record(
                TraceEvent::readyPushed(now, TaskId{t}, HandleId{++handle}, HandleKind::TaskWakeup, {}));
        trace->record(TraceEvent::passBegan(now, ++pass));
        const uint32_t first = handle - tasks;
        for (uint32_t t = 1; t <= tasks; ++t) {
            trace->record(TraceEvent::stepBegan(now, TaskId{t}, HandleId{first + t}, 2));
            trace->record(TraceEvent::stepEnded(now, TaskId{t}, 3, WaitKind::Timer, 0, now + 1));
        }
    }
    return trace;
}

} // namespace loopscope::bench
