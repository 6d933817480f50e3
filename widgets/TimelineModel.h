#pragma once
// The timeline's data, derived from a recorded trace in one pass: rows (the loop, then one per
// task), each row's states as a chain of segments, markers on rows, arrows between rows and the
// stalls of blocking calls. Plain data, no painting, so that it is tested without a window. A
// segment is stored in 8 bytes: a row's segments are stored together, in time order, and each ends
// where the next begins (or where the row ends), so neither the row nor the end is stored; its
// start is the time of the trace event that opened it (the model keeps the trace), save for the
// rare segment that starts elsewhere (a side table); with its place on the passes axis (4 more
// bytes, beside it) and a sampled copy of every 32nd start (for searches that would otherwise read
// the trace at random) a segment costs 12.25 bytes. Details (what a task waits on, the line) are
// read from that event too; a sleep's deadline, which every replot marks, is not (its flags, and
// its end or a sparse side table). segments(r) hands out TimelineSegment values.

#include <atomic>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include "trace.h"

namespace loopscope {

enum class SegmentKind : uint8_t {
#define TIMELINE_STATE(name, legend, words) name,
#include "timeline_kinds.def"
#undef TIMELINE_STATE
};
enum class MarkerKind : uint8_t {
#define TIMELINE_MARKER(name, legend) name,
#include "timeline_kinds.def"
#undef TIMELINE_MARKER
};
enum class ArrowKind : uint8_t {
#define TIMELINE_ARROW(name, legend) name,
#include "timeline_kinds.def"
#undef TIMELINE_ARROW
};
constexpr int kSegmentKindCount = 0
#define TIMELINE_STATE(name, legend, words) +1
#include "timeline_kinds.def"
#undef TIMELINE_STATE
    ;
constexpr int kMarkerKindCount = 0
#define TIMELINE_MARKER(name, legend) +1
#include "timeline_kinds.def"
#undef TIMELINE_MARKER
    ;
constexpr int kArrowKindCount = 0
#define TIMELINE_ARROW(name, legend) +1
#include "timeline_kinds.def"
#undef TIMELINE_ARROW
    ;

// The legend's words for each kind, and what a row in [kind] is doing ("sleeping").
QString legendText(SegmentKind kind);
QString legendText(MarkerKind kind);
QString legendText(ArrowKind kind);
QString stateWords(SegmentKind kind);

// The two x axes: virtual time, and loop passes (every step and callback has its own slot, in
// execution order, inside its pass's column).
enum class TimelineAxis : uint8_t { Time, Passes };

// Segment flags.
enum SegmentFlag : uint8_t {
    kPendingAtEnd = 1, // the run ended (deadlock, limit, error) while the row was in this state
    // The row was waiting in this state when the loop found the deadlock (the Ctrl+C that ends a
    // deadlock then cancels it, so it need not be the row's last state).
    kStuckAtDeadlock = 2,
    // A sleep whose timer has a deadline (its event, a StepEnded, says when): the view marks it.
    kHasDeadline = 4,
    kDeadlineReached = 8, // and the sleep lasted until it (else it was cancelled, or the run ended)
};

struct TimelineSegment {
    double start = 0; // virtual time
    EventIndex event; // the event that opened it: its details, and its place on the passes axis
    SegmentKind kind = SegmentKind::Running;
    uint8_t flags = 0;  // SegmentFlag bits
    uint16_t ahead = 0; // Ready: live handles ahead of it in the ready queue when it joined (saturates)
};

// How the model stores a segment: the start is the opening event's time (or in a side table).
struct PackedSegment {
    EventIndex event;
    SegmentKind kind = SegmentKind::Running;
    uint8_t flags = 0; // SegmentFlag bits, and kStartElsewhere
    uint16_t ahead = 0;
    static constexpr uint8_t kStartElsewhere = 0x80; // the start is in the side table
};
static_assert(sizeof(PackedSegment) == 8, "a stored segment must stay at 8 bytes");

class TimelineModel;

// One row's segments, in time order: a view that builds each TimelineSegment on access (it
// reads like a span: size, [], begin/end, front/back).
class TimelineSegments {
  public:
    class iterator {
      public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = TimelineSegment;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = TimelineSegment;

        iterator() = default;
        iterator(const TimelineSegments* view, size_t i) : view_(view), i_(i) {}
        TimelineSegment operator*() const { return (*view_)[i_]; }
        TimelineSegment operator[](difference_type n) const
        {
            return (*view_)[size_t(difference_type(i_) + n)];
        }
        iterator& operator++()
        {
            ++i_;
            return *this;
        }
        iterator operator++(int)
        {
            iterator t = *this;
            ++i_;
            return t;
        }
        iterator& operator--()
        {
            --i_;
            return *this;
        }
        iterator operator--(int)
        {
            iterator t = *this;
            --i_;
            return t;
        }
        iterator& operator+=(difference_type n)
        {
            i_ = size_t(difference_type(i_) + n);
            return *this;
        }
        iterator& operator-=(difference_type n)
        {
            i_ = size_t(difference_type(i_) - n);
            return *this;
        }
        friend iterator operator+(iterator a, difference_type n) { return a += n; }
        friend iterator operator+(difference_type n, iterator a) { return a += n; }
        friend iterator operator-(iterator a, difference_type n) { return a -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b)
        {
            return difference_type(a.i_) - difference_type(b.i_);
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.i_ == b.i_; }
        friend auto operator<=>(const iterator& a, const iterator& b) { return a.i_ <=> b.i_; }

      private:
        const TimelineSegments* view_ = nullptr;
        size_t i_ = 0;
    };

    TimelineSegments() = default;
    TimelineSegments(const TimelineModel* model, uint32_t first, uint32_t count)
        : model_(model), first_(first), count_(count)
    {
    }
    size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    inline TimelineSegment operator[](size_t i) const;
    TimelineSegment front() const { return (*this)[0]; }
    TimelineSegment back() const { return (*this)[count_ - 1]; }
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, count_}; }

  private:
    const TimelineModel* model_ = nullptr;
    uint32_t first_ = 0, count_ = 0;
};

enum class RowEnd : uint8_t { Pending, Done, Cancelled, Failed };

constexpr uint32_t kNoRow = UINT32_MAX;

struct TimelineRow {
    TaskId task; // 0 for the loop's row
    uint32_t creatorRow = kNoRow;
    EventIndex createdEvent; // TaskCreated (the loop: 0)
    EventIndex endEvent;     // TaskFinished, or the trace's last event
    StringId name;           // latest name (TaskRenamed); 0: the derived "Task-<id>"
    StringId coro;
    uint32_t firstSegment = 0; // segments [firstSegment, next row's firstSegment)
    uint32_t firstMarker = 0;
    double end = 0;       // when its last segment ends
    uint32_t endSlot = 0; // where it ends on the passes axis
    RowEnd ending = RowEnd::Pending;
    bool shutdownTask = false; // one of asyncio.run's shutdown tasks: hidden by default
};

struct TimelineMarker {
    double t = 0;
    EventIndex event;
    uint32_t row = 0;
    MarkerKind kind = MarkerKind::Created;
};

// A relation between two rows: from (row, event) to (row, event). Times and places on the
// passes axis are the events'.
struct TimelineArrow {
    EventIndex from, to;
    uint32_t fromRow = 0, toRow = 0;
    ArrowKind kind = ArrowKind::Creates;
};

// A blocking call (time.sleep) that held the loop from start to end.
struct TimelineStall {
    double start = 0, end = 0;
    EventIndex event; // the BlockingCall
    uint32_t row = 0; // who made it (0: code outside any task)
};

class TimelineModel {
  public:
    // Builds the model of [trace]. [source] is the scenario's text, for tooltips that quote a
    // line. [cancel], when set by another thread, stops the build early (the model is then
    // incomplete and should be dropped).
    static TimelineModel build(std::shared_ptr<const TraceRecorder> trace, std::string_view source = {},
                               const std::atomic<bool>* cancel = nullptr);

    bool hasTrace() const { return trace_ != nullptr; }
    const TraceRecorder& trace() const { return *trace_; }
    TraceEvent event(EventIndex e) const { return trace_->events()[e.value]; }

    // -- Rows ----------------------------------------------------------------------------------
    int rowCount() const { return int(rows_.size()); }
    const TimelineRow& row(int r) const { return rows_[size_t(r)]; }
    int rowOfTask(TaskId task) const;
    // "Task-2 · add_slow" (custom names shown), "event loop" for row 0.
    QString rowLabel(int r) const;
    QString taskName(int r) const; // "Task-2", or the custom name
    QString coroName(int r) const;

    // -- Segments ------------------------------------------------------------------------------
    TimelineSegments segments(int r) const;
    size_t segmentCount() const { return segments_.size(); }
    // Segment [index] of the whole model (rows' segments end to end), and where it starts.
    inline TimelineSegment segmentAtIndex(size_t index) const;
    double segmentStartAtIndex(size_t index) const
    {
        const PackedSegment& p = segments_[index];
        return p.flags & PackedSegment::kStartElsewhere ? startElsewhere(index)
                                                        : trace_->events().timeAt(p.event.value);
    }
    // Segment [i] of row [r] without its start (no read of the trace): its kind, its flags
    // (SegmentFlag bits) and the event that opened it.
    SegmentKind segmentKind(int r, int i) const { return packed(r, i).kind; }
    uint8_t segmentFlags(int r, int i) const
    {
        return uint8_t(packed(r, i).flags & ~PackedSegment::kStartElsewhere);
    }
    EventIndex segmentEvent(int r, int i) const { return packed(r, i).event; }
    // The deadline of segment [i] of row [r], a sleep with kHasDeadline (else 0): from the model
    // (its end, or a side table for the sleeps that did not end on it), not the trace's event.
    double segmentDeadline(int r, int i) const;
    // Where segment [i] of row [r] ends (time).
    double segmentEnd(int r, int i) const;
    // Where it starts and ends on [axis]: seconds, or slots.
    double segmentStartOn(TimelineAxis axis, int r, int i) const;
    double segmentEndOn(TimelineAxis axis, int r, int i) const;
    // The row's segment at virtual time [t] on the passes axis [coord], or -1.
    int segmentAt(TimelineAxis axis, int r, double coord) const;
    // The first of row [r]'s segments [from, to) that starts at or after [coord] on [axis] (starts
    // never decrease along a row), or [to]. On the time axis, a sampled copy of every
    // kStartSampleEvery-th start narrows the search before it reads the trace.
    int firstStartingAtOrAfter(TimelineAxis axis, int r, int from, int to, double coord) const;
    static constexpr uint32_t kStartSampleEvery = 32;
    // The same answer, searched for from [from] on (galloping: a walk along a row moves a few
    // pixels at a time, so the answer is near), for a walk that moves forwards. On the passes
    // axis only when slotsOrdered().
    int nextStartingAtOrAfter(TimelineAxis axis, int r, int from, int to, double coord) const;
    // A segment of row [r] in (from, to] that every segment from [from] to it (not included)
    // starts before [coord] on the time axis, found from the sampled starts alone (no read of the
    // trace): the one after the last sampled start before [coord]. [from] when no sample in
    // [from, to) starts before [coord]. At or before nextStartingAtOrAfter's answer.
    int pastLastSampleBefore(int r, int from, int to, double coord) const;
    // Whether every row's places on the passes axis never decrease (as its times never do), so
    // that a search may start anywhere.
    bool slotsOrdered() const { return slotsOrdered_; }

    // -- Markers, arrows, stalls -------------------------------------------------------------
    std::span<const TimelineMarker> markers(int r) const;
    size_t markerCount() const { return markers_.size(); }
    // Sorted by the time of their first event.
    const std::vector<TimelineArrow>& arrows() const { return arrows_; }
    const std::vector<TimelineStall>& stalls() const { return stalls_; }
    // The stall that covers time [t], or null.
    const TimelineStall* stallAt(double t) const;
    // Rows whose end [r] waits for together with others (gather, asyncio.wait, TaskGroup).
    std::vector<int> joinedRows(int r) const;
    // Where an event sits on [axis] (the middle of the step it opens, or the end of the step it
    // happened in), for markers and arrows.
    double pointOn(TimelineAxis axis, EventIndex e) const;

    // -- The passes axis -----------------------------------------------------------------------
    int slotCount() const { return int(slotFirstEvent_.size()); }
    int passCount() const { return int(passFirstEvent_.size()); }
    // Where pass [p] (0-based) begins and ends, in slots.
    double passStart(int p) const;
    double passEnd(int p) const;
    // The pass (0-based) whose column holds [coord], or -1.
    int passAt(double coord) const;
    // The coordinate of [e]: the slot it opens (or is inside, for kinds that occupy a slot), or
    // the end of the slot it happened in.
    double slotCoord(EventIndex e, bool occupiesSlot) const;
    // Kinds that fill the whole slot of the event that opened them.
    static bool occupiesSlot(SegmentKind kind)
    {
        return kind == SegmentKind::Running || kind == SegmentKind::Blocking ||
               kind == SegmentKind::LoopCallback || kind == SegmentKind::LoopIdle ||
               kind == SegmentKind::Deadlocked;
    }

    // -- The deadlock's slot ---------------------------------------------------------------------
    // When no task can make progress, the loop reports the deadlock and then ends it as Ctrl+C
    // would (cancels the tasks; finally blocks and asyncio.run's shutdown run), all at the same
    // virtual instant. So that the rows can show what they wait on before the cancellation covers
    // it, the deadlock gets a slot of its own on both axes: on the passes axis a slot opened by
    // the first Stuck warning (the loop's row is Deadlocked in it); on the time axis what happens
    // after the deadlock at its instant T is placed at T+ (the next double after T), and the view
    // gives the interval [T, T+] a fixed width in pixels (TimelineDeadlockSlot.h). A run that
    // ended in the deadlock (no Ctrl+C phase) has no slot.
    bool hasDeadlockSlot() const { return afterDeadlock_.value != 0; }
    // The slot's extent on [axis]: [T, T+] in seconds, or [k, k + 1] in slots.
    double deadlockSlotStart(TimelineAxis axis) const;
    double deadlockSlotEnd(TimelineAxis axis) const;
    // Where [e] is on the time axis: its time, or T+ for what happened after the deadlock at T.
    double timeCoord(EventIndex e) const
    {
        return timeCoord(e, e.value < trace_->events().size() ? event(e).t : 0.0);
    }
    // Where time [t], reached at or after [e], is on the time axis (the same rule).
    double timeCoord(EventIndex e, double t) const
    {
        return hasDeadlockSlot() && !(e < afterDeadlock_) && t == deadlockTime_ ? deadlockAfterTime() : t;
    }
    double deadlockAfterTime() const;

    // -- The whole run -------------------------------------------------------------------------
    double endTime() const { return endTime_; }
    // The extent of [axis]: [0, endTime] or [0, slots].
    double extent(TimelineAxis axis) const;
    // The axis that tells this run's story: passes when the clock never moved (on the time axis
    // such a run is one point at t=0), else time.
    TimelineAxis telling() const;
    bool isEmpty() const { return segments_.empty() && markers_.empty(); }
    // The run's end as the trace tells it: empty for success, else "Deadlock: ...".
    const QString& runError() const { return runError_; }
    bool endedByLimit() const { return endedByLimit_; }
    // The scenario's line [line] (1-based), trimmed, or empty.
    QString sourceLine(uint32_t line) const;
    // [line] if it is a line of the scenario, else 0 (the asyncio model's own lines, when the
    // model was given the source).
    uint32_t scenarioLine(uint32_t line) const
    {
        return sourceLines_.empty() || line <= sourceLines_.size() ? line : 0;
    }

    // Which kinds occur in this run (bit i: kind i), for a legend that lists only those.
    uint32_t segmentKindsPresent() const { return segmentKinds_; }
    uint32_t markerKindsPresent() const { return markerKinds_; }
    uint32_t arrowKindsPresent() const { return arrowKinds_; }

    // Bytes the model holds (not counting the trace), for the 24-bytes-per-segment budget.
    size_t memoryBytes() const;

  private:
    friend class TimelineModelBuilder;
    double startElsewhere(size_t index) const;
    const PackedSegment& packed(int r, int i) const
    {
        return segments_[rows_[size_t(r)].firstSegment + size_t(i)];
    }
    std::shared_ptr<const TraceRecorder> trace_;
    std::vector<TimelineRow> rows_;
    std::vector<uint32_t> rowOfTask_; // task id -> row (kNoRow when unknown)
    std::vector<PackedSegment> segments_;
    std::vector<uint32_t> segmentSlots_; // each segment's start on the passes axis
    // (segment index, start) of the segments that do not start at their event's time, sorted.
    std::vector<std::pair<uint32_t, double>> startsElsewhere_;
    std::vector<double> startSamples_; // the start of segments 0, kStartSampleEvery, 2 kStartSampleEvery...
    // (segment index, deadline) of the sleeps with kHasDeadline that do not end at their deadline
    // (cancelled, late by less than an instant, or still sleeping when the run ended), sorted.
    std::vector<std::pair<uint32_t, double>> deadlinesElsewhere_;
    std::vector<TimelineMarker> markers_;
    std::vector<TimelineArrow> arrows_;
    std::vector<TimelineStall> stalls_;
    std::vector<std::pair<uint32_t, uint32_t>> joins_; // (waiting row, joined row), sorted
    std::vector<uint32_t> slotFirstEvent_;             // the event that opens each slot
    std::vector<uint32_t> passFirstEvent_;             // each pass's PassBegan
    std::vector<std::string> sourceLines_;
    double endTime_ = 0;
    bool slotsOrdered_ = false;
    uint32_t segmentKinds_ = 0, markerKinds_ = 0, arrowKinds_ = 0;
    QString runError_;
    bool endedByLimit_ = false;
    // The deadlock's slot (see hasDeadlockSlot): its first Stuck warning, the first event after
    // the Stuck warnings (0: no slot), the deadlock's time and its slot on the passes axis.
    EventIndex deadlockEvent_, afterDeadlock_;
    double deadlockTime_ = 0;
    uint32_t deadlockSlot_ = 0;
};

TimelineSegment TimelineModel::segmentAtIndex(size_t index) const
{
    const PackedSegment& p = segments_[index];
    return TimelineSegment{segmentStartAtIndex(index), p.event, p.kind,
                           uint8_t(p.flags & ~PackedSegment::kStartElsewhere), p.ahead};
}

TimelineSegment TimelineSegments::operator[](size_t i) const
{
    return model_->segmentAtIndex(first_ + i);
}

} // namespace loopscope
