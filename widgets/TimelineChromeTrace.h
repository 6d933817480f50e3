#pragma once
// The run as a Chrome Trace Event Format file (the JSON that Perfetto and chrome://tracing open),
// derived from the same TimelineModel the window draws: one process, one thread per task (named
// "Task-2 add_slow") and one for the event loop; one complete slice ("ph": "X") per state
// interval, named by the state ("running", "sleeping", "waiting on Task-3", "blocked"), with
// ts and dur in microseconds of virtual time; instants for prints (their text in args),
// warnings and how each task ended; v1 flow events for the timeline's arrows (creations,
// wake-ups, fan-in, cancellations, timers).
//
// Perfetto's importer (src/trace_processor/importers/json/) sorts events by ts and, at one ts,
// complete events by duration, longest first, then the rest in file order; a flow's start binds
// to the slice on top of its thread's stack, its end ("bp": "e") likewise, or without "bp" to
// the next slice that begins on its thread. Steps take no virtual time, so many slices share a
// ts: the events are written in the order Perfetto processes them, and each flow event right
// after the slice it must bind to.

#include <QByteArray>
#include <QString>

#include "TimelineModel.h"

namespace loopscope {

struct ChromeTraceOptions {
    QString processName;            // the process's name (the scenario); empty: "asyncio run"
    bool showShutdownTasks = false; // asyncio.run's two shutdown tasks, hidden like the window's
    bool flows = true;              // the arrows as flow events
};

// The process id, the loop's thread id, and the thread id of task [task] (Task-N is thread N + 1:
// Perfetto takes tid 0 for "the process's own id").
constexpr int kChromeTracePid = 1;
constexpr int kChromeTraceLoopTid = 1;
constexpr int chromeTraceTid(TaskId task)
{
    return int(task.value) + 1;
}

QByteArray chromeTrace(const TimelineModel& model, const ChromeTraceOptions& options);

} // namespace loopscope
