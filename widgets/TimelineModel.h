#pragma once
// The timeline's data: rows (the loop, then one per task) and the bars and
// markers on them, derived from a recorded trace. Plain data, no painting, so
// that it can be tested without a window.

#include <QString>
#include <QVector>

#include "trace.h"

namespace loopscope {

// What a task (or the loop) is doing during one bar of the timeline.
enum class SegmentKind : uint8_t {
    Running,  // the task's coroutine holds the loop
    Ready,    // in the ready queue, waiting its turn
    Sleeping, // waiting on a timer (asyncio.sleep, wait_for's timeout, ...)
    WaitingFuture,
    WaitingTask,
    WaitingSync, // a lock, event, condition, semaphore, queue or barrier
    LoopIdle,    // the loop's row: nothing ready, the clock jumps to the next timer
};

enum class MarkerKind : uint8_t { Created, Done, Cancelled, Failed };

struct TimelineSegment {
    double start = 0;
    double end = 0;
    int row = 0;
    SegmentKind kind = SegmentKind::Running;
    EventIndex firstEvent; // the event that opened the bar, to jump there on click
};

struct TimelineMarker {
    double t = 0;
    int row = 0;
    MarkerKind kind = MarkerKind::Created;
};

struct TimelineRow {
    TaskId task;   // 0 for the loop's own row
    QString label; // "Task-2  add_slow"
};

class TimelineModel {
  public:
    // Builds the rows, bars and markers of [trace]. Row 0 is always the loop.
    static TimelineModel fromTrace(const TraceRecorder& trace);

    const QVector<TimelineRow>& rows() const { return rows_; }
    const QVector<TimelineSegment>& segments() const { return segments_; }
    const QVector<TimelineMarker>& markers() const { return markers_; }
    // Virtual time of the last event (0 for an empty trace).
    double endTime() const { return endTime_; }
    bool isEmpty() const { return segments_.isEmpty() && markers_.isEmpty(); }

    static QString describe(SegmentKind kind);

  private:
    QVector<TimelineRow> rows_;
    QVector<TimelineSegment> segments_;
    QVector<TimelineMarker> markers_;
    double endTime_ = 0;
};

} // namespace loopscope
