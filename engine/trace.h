#pragma once
// The trace: the complete, ordered record of what the loop and the tasks did.
// The engine reports through TraceObserver (plain structs, no Qt); TraceRecorder
// stores the events compactly; the CLI and the GUI read only the recorded trace.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace loopscope {

// Typed ids for values that cross modules.
struct TaskId {
    uint32_t value = 0; // 0 is "no task" (the loop itself, or top-level code)
    friend bool operator==(TaskId, TaskId) = default;
};
struct StringId {
    uint32_t value = 0; // index into TraceRecorder::strings(); 0 is ""
    friend bool operator==(StringId, StringId) = default;
};
// Every handle (a ready callback or a timer) gets one from a counter that starts at 1.
struct HandleId {
    uint32_t value = 0;
    friend bool operator==(HandleId, HandleId) = default;
};
struct EventIndex {
    uint32_t value = 0;
    friend auto operator<=>(EventIndex, EventIndex) = default;
};

// The trace's enums, generated from trace_events.def (one list each, shared with Python).
enum class EventKind : uint8_t {
#define TRACE_EVENT(name, py, doc) name,
#include "trace_events.def"
#undef TRACE_EVENT
};
enum class WaitKind : uint8_t {
#define WAIT_KIND(name, py, doc) name,
#include "trace_events.def"
#undef WAIT_KIND
};
enum class EndStatus : uint8_t {
#define END_STATUS(name, py, doc) name,
#include "trace_events.def"
#undef END_STATUS
};
enum class HandleKind : uint8_t {
#define HANDLE_KIND(name, py, doc) name,
#include "trace_events.def"
#undef HANDLE_KIND
};
enum class TimerKind : uint8_t {
#define TIMER_KIND(name, py, doc) name,
#include "trace_events.def"
#undef TIMER_KIND
};
enum class WarningKind : uint8_t {
#define WARNING_KIND(name, py, doc) name,
#include "trace_events.def"
#undef WARNING_KIND
};

// How many values each enum has (to range-check values that come from Python).
template <class Enum> constexpr uint8_t enumCount();
template <> constexpr uint8_t enumCount<EventKind>()
{
    return 0
#define TRACE_EVENT(name, py, doc) +1
#include "trace_events.def"
#undef TRACE_EVENT
        ;
}
template <> constexpr uint8_t enumCount<WaitKind>()
{
    return 0
#define WAIT_KIND(name, py, doc) +1
#include "trace_events.def"
#undef WAIT_KIND
        ;
}
template <> constexpr uint8_t enumCount<EndStatus>()
{
    return 0
#define END_STATUS(name, py, doc) +1
#include "trace_events.def"
#undef END_STATUS
        ;
}
template <> constexpr uint8_t enumCount<HandleKind>()
{
    return 0
#define HANDLE_KIND(name, py, doc) +1
#include "trace_events.def"
#undef HANDLE_KIND
        ;
}
template <> constexpr uint8_t enumCount<TimerKind>()
{
    return 0
#define TIMER_KIND(name, py, doc) +1
#include "trace_events.def"
#undef TIMER_KIND
        ;
}
template <> constexpr uint8_t enumCount<WarningKind>()
{
    return 0
#define WARNING_KIND(name, py, doc) +1
#include "trace_events.def"
#undef WARNING_KIND
        ;
}

// The name of each enumerator as trace_events.def spells it ("StepBegan", "Timer", ...).
std::string_view eventKindName(EventKind kind);
std::string_view waitKindName(WaitKind kind);
// What a task waiting on [kind] waits on, in plain words ("Lock.acquire", "a timer").
std::string_view waitKindDescription(WaitKind kind);

enum class TraceLevel : uint8_t {
    Step, // everything but statements
    Line, // plus one event per executed statement
};

// One event: 32 bytes. Strings live once in the recorder's string table. The storage words
// mean different things for different kinds, so they are private: each kind is built by its
// named factory below and read through accessors named for what they hold (trace_events.def
// lists which accessors each kind has). Reading an accessor a kind does not have gives 0.
struct TraceEvent {

    // -- Factories, one per kind ---------------------------------------------------------------
    static TraceEvent taskCreated(double t, TaskId task, StringId name, StringId coroName, TaskId creator,
                                  uint32_t line);
    static TraceEvent taskRenamed(double t, TaskId task, StringId name);
    static TraceEvent stepBegan(double t, TaskId task, HandleId handle, uint32_t line);
    // [target] is the awaited task's id for WaitKind::Task, else a StringId naming what is awaited
    // ("Queue.get", "gather"), or 0.
    static TraceEvent stepEnded(double t, TaskId task, uint32_t line, WaitKind wait, uint32_t target,
                                double deadline);
    static TraceEvent taskFinished(double t, TaskId task, EndStatus status, StringId text, uint32_t line);
    static TraceEvent cancelRequested(double t, TaskId task, TaskId canceller, StringId message,
                                      uint32_t line);
    static TraceEvent readyPushed(double t, TaskId task, HandleId handle, HandleKind kind,
                                  StringId callbackName);
    static TraceEvent timerScheduled(double t, TaskId task, HandleId handle, TimerKind kind,
                                     StringId callbackName, double deadline);
    static TraceEvent timerFired(double t, TaskId task, HandleId handle, double deadline);
    static TraceEvent handleCancelled(double t, TaskId task, HandleId handle);
    static TraceEvent callbackRan(double t, TaskId task, HandleId handle, HandleKind kind,
                                  StringId callbackName);
    static TraceEvent passBegan(double t, uint32_t passIndex);
    static TraceEvent clockJumped(double t, double newTime);
    static TraceEvent blockingCall(double t, TaskId task, StringId text, uint32_t line, double endTime);
    static TraceEvent output(double t, TaskId task, StringId text, uint32_t line);
    static TraceEvent warning(double t, TaskId task, WarningKind kind, StringId text, uint32_t line,
                              double aboutTime);
    static TraceEvent statement(double t, TaskId task, uint32_t line);
    static TraceEvent runEnded(double t, EndStatus status, StringId text, uint32_t line);
    static TraceEvent loopClosed(double t);
    static TraceEvent taskJoined(double t, TaskId task, TaskId awaitedTask);

    // -- Accessors -----------------------------------------------------------------------------
    // The scenario line: where a task was created, resumed, suspended, finished, printed, ...
    uint32_t line() const { return hasLine() ? b_ : 0; }
    // Output, Warning, TaskFinished, RunEnded, BlockingCall, CancelRequested (its message).
    StringId text() const { return hasText() ? StringId{a_} : StringId{}; }
    // TaskCreated (0: the derived "Task-<id>") and TaskRenamed.
    StringId name() const
    {
        return kind == EventKind::TaskCreated || kind == EventKind::TaskRenamed ? StringId{a_} : StringId{};
    }
    StringId coroName() const { return kind == EventKind::TaskCreated ? StringId{x_.words[0]} : StringId{}; }
    TaskId creator() const { return kind == EventKind::TaskCreated ? TaskId{x_.words[1]} : TaskId{}; }
    TaskId canceller() const { return kind == EventKind::CancelRequested ? TaskId{x_.words[0]} : TaskId{}; }
    HandleId handle() const { return hasHandle() ? HandleId{a_} : HandleId{}; }
    HandleKind handleKind() const
    {
        return HandleKind(kind == EventKind::ReadyPushed || kind == EventKind::CallbackRan ? sub_ : 0);
    }
    TimerKind timerKind() const { return TimerKind(kind == EventKind::TimerScheduled ? sub_ : 0); }
    // ReadyPushed, CallbackRan and TimerScheduled of a plain callback: its function's name.
    StringId callbackName() const
    {
        const bool has = kind == EventKind::ReadyPushed || kind == EventKind::CallbackRan ||
                         kind == EventKind::TimerScheduled;
        return has ? StringId{b_} : StringId{};
    }
    WaitKind wait() const { return kind == EventKind::StepEnded ? WaitKind(sub_) : WaitKind::None; }
    // StepEnded on a task, and TaskJoined: the task awaited.
    TaskId awaitedTask() const
    {
        return wait() == WaitKind::Task || kind == EventKind::TaskJoined ? TaskId{a_} : TaskId{};
    }
    // StepEnded on anything but a task: what it waits on ("Queue.get", "gather"), or 0.
    StringId waitLabel() const
    {
        return kind == EventKind::StepEnded && wait() != WaitKind::Task ? StringId{a_} : StringId{};
    }
    // StepEnded on a timer, TimerScheduled and TimerFired: the deadline.
    double deadline() const
    {
        const bool has = kind == EventKind::StepEnded || kind == EventKind::TimerScheduled ||
                         kind == EventKind::TimerFired;
        return has ? x_.time : 0.0;
    }
    EndStatus status() const
    {
        return kind == EventKind::TaskFinished || kind == EventKind::RunEnded ? EndStatus(sub_)
                                                                              : EndStatus::Ok;
    }
    uint32_t passIndex() const { return kind == EventKind::PassBegan ? a_ : 0; }
    double newTime() const { return kind == EventKind::ClockJumped ? x_.time : 0.0; }
    double endTime() const { return kind == EventKind::BlockingCall ? x_.time : 0.0; }
    WarningKind warningKind() const { return WarningKind(kind == EventKind::Warning ? sub_ : 0); }
    // Warning: when the thing it warns about happened (a never-awaited coroutine's creation).
    double aboutTime() const { return kind == EventKind::Warning ? x_.time : 0.0; }

  private:
    bool hasLine() const;
    bool hasText() const;
    bool hasHandle() const;
    static TraceEvent make(EventKind kind, double t, TaskId task);

    // The members are declared in layout order (32 bytes, no padding).
  public:
    double t = 0; // virtual time when it happened
  private:
    union {
        double time;       // a second time: deadline, new clock, end of a blocking call
        uint32_t words[2]; // or two ids
    } x_ = {0.0};

  public:
    TaskId task; // the task it is about (0: the loop itself, or top-level code)
  private:
    uint32_t a_ = 0;
    uint32_t b_ = 0;

  public:
    EventKind kind = EventKind::Output;

  private:
    uint8_t sub_ = 0; // a small enum: WaitKind, EndStatus, HandleKind, TimerKind, WarningKind
    // 0 in every reported event; spare_[0] holds a stored record's folds (TraceEvents).
    uint8_t spare_[2] = {};

    friend class TraceEvents;
};
static_assert(sizeof(TraceEvent) == 32, "TraceEvent must stay at 32 bytes");

// The factories are inline, so that an event is built where VM::record stores it.
inline TraceEvent TraceEvent::make(EventKind kind, double t, TaskId task)
{
    TraceEvent e;
    e.kind = kind;
    e.t = t;
    e.task = task;
    return e;
}

inline TraceEvent TraceEvent::taskCreated(double t, TaskId task, StringId name, StringId coroName,
                                          TaskId creator, uint32_t line)
{
    TraceEvent e = make(EventKind::TaskCreated, t, task);
    e.a_ = name.value;
    e.x_.words[0] = coroName.value;
    e.x_.words[1] = creator.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::taskRenamed(double t, TaskId task, StringId name)
{
    TraceEvent e = make(EventKind::TaskRenamed, t, task);
    e.a_ = name.value;
    return e;
}

inline TraceEvent TraceEvent::stepBegan(double t, TaskId task, HandleId handle, uint32_t line)
{
    TraceEvent e = make(EventKind::StepBegan, t, task);
    e.a_ = handle.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::stepEnded(double t, TaskId task, uint32_t line, WaitKind wait, uint32_t target,
                                        double deadline)
{
    TraceEvent e = make(EventKind::StepEnded, t, task);
    e.b_ = line;
    e.sub_ = uint8_t(wait);
    e.a_ = target;
    e.x_.time = deadline;
    return e;
}

inline TraceEvent TraceEvent::taskFinished(double t, TaskId task, EndStatus status, StringId text,
                                           uint32_t line)
{
    TraceEvent e = make(EventKind::TaskFinished, t, task);
    e.sub_ = uint8_t(status);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::cancelRequested(double t, TaskId task, TaskId canceller, StringId message,
                                              uint32_t line)
{
    TraceEvent e = make(EventKind::CancelRequested, t, task);
    e.x_.words[0] = canceller.value;
    e.a_ = message.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::readyPushed(double t, TaskId task, HandleId handle, HandleKind kind,
                                          StringId callbackName)
{
    TraceEvent e = make(EventKind::ReadyPushed, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    return e;
}

inline TraceEvent TraceEvent::timerScheduled(double t, TaskId task, HandleId handle, TimerKind kind,
                                             StringId callbackName, double deadline)
{
    TraceEvent e = make(EventKind::TimerScheduled, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    e.x_.time = deadline;
    return e;
}

inline TraceEvent TraceEvent::timerFired(double t, TaskId task, HandleId handle, double deadline)
{
    TraceEvent e = make(EventKind::TimerFired, t, task);
    e.a_ = handle.value;
    e.x_.time = deadline;
    return e;
}

inline TraceEvent TraceEvent::handleCancelled(double t, TaskId task, HandleId handle)
{
    TraceEvent e = make(EventKind::HandleCancelled, t, task);
    e.a_ = handle.value;
    return e;
}

inline TraceEvent TraceEvent::callbackRan(double t, TaskId task, HandleId handle, HandleKind kind,
                                          StringId callbackName)
{
    TraceEvent e = make(EventKind::CallbackRan, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    return e;
}

inline TraceEvent TraceEvent::passBegan(double t, uint32_t passIndex)
{
    TraceEvent e = make(EventKind::PassBegan, t, TaskId{});
    e.a_ = passIndex;
    return e;
}

inline TraceEvent TraceEvent::clockJumped(double t, double newTime)
{
    TraceEvent e = make(EventKind::ClockJumped, t, TaskId{});
    e.x_.time = newTime;
    return e;
}

inline TraceEvent TraceEvent::blockingCall(double t, TaskId task, StringId text, uint32_t line,
                                           double endTime)
{
    TraceEvent e = make(EventKind::BlockingCall, t, task);
    e.a_ = text.value;
    e.b_ = line;
    e.x_.time = endTime;
    return e;
}

inline TraceEvent TraceEvent::output(double t, TaskId task, StringId text, uint32_t line)
{
    TraceEvent e = make(EventKind::Output, t, task);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::warning(double t, TaskId task, WarningKind kind, StringId text, uint32_t line,
                                      double aboutTime)
{
    TraceEvent e = make(EventKind::Warning, t, task);
    e.sub_ = uint8_t(kind);
    e.a_ = text.value;
    e.b_ = line;
    e.x_.time = aboutTime;
    return e;
}

inline TraceEvent TraceEvent::statement(double t, TaskId task, uint32_t line)
{
    TraceEvent e = make(EventKind::Statement, t, task);
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::runEnded(double t, EndStatus status, StringId text, uint32_t line)
{
    TraceEvent e = make(EventKind::RunEnded, t, TaskId{});
    e.sub_ = uint8_t(status);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

inline TraceEvent TraceEvent::loopClosed(double t)
{
    return make(EventKind::LoopClosed, t, TaskId{});
}

inline TraceEvent TraceEvent::taskJoined(double t, TaskId task, TaskId awaitedTask)
{
    TraceEvent e = make(EventKind::TaskJoined, t, task);
    e.a_ = awaitedTask.value;
    return e;
}

class TraceEvents;

// The one interface the engine reports through (trio's Instrument). Every
// method has an empty default so observers override only what they need.
class TraceObserver {
  public:
    virtual ~TraceObserver() = default;
    // Returns the id for [text] in the observer's string table (0 if it keeps none).
    virtual StringId intern(std::string_view) { return {}; }
    virtual void record(const TraceEvent&) {}
    // The level the observer wants; Line costs one event per statement.
    virtual TraceLevel level() const { return TraceLevel::Step; }
    // Where record() would append every event unchanged, if it only does that: the engine then
    // appends there directly (no virtual call per event). Null: call record().
    virtual TraceEvents* eventSink() { return nullptr; }
};

// The recorded events. Readers see every event the engine reported, in order, one position
// each (EventIndex, the stepping positions and `loopscope state --event` count these), but fewer
// are stored: an event that is fully implied by its neighbours is folded into the stored record
// next to it and given back when read (readers get events by value: a folded one exists only
// while it is read). The folds, each checked field by field as the events arrive, so that what
// is read back is bit for bit what was reported:
// - a PassBegan whose pass number is the previous pass's plus one (passes count 1, 2, 3, ... per
//   loop), followed by any event at the same time: one flag on that event;
// - a step that begins, queues one handle (its own next step after a bare yield; the wakeup of a
//   task it woke: a queue hand-off) and then, maybe, yields bare: StepBegan, ReadyPushed (no
//   callback name) and StepEnded(wait=Ready, nothing awaited, no deadline), at one time, as
//   CPython's Task.__step writes them (call_soon(self.__step), then it returns): one StepBegan
//   carrying the handle, its kind, and the other task or the end line in the fields a StepBegan
//   does not use, with a flag for each;
// - a callback that queues one handle first (a sleep's timer waking its task): CallbackRan and
//   ReadyPushed, the same way;
// - the clock jumps to the earliest deadline and the timer due there fires: ClockJumped and
//   TimerFired (at the new time, with that deadline), the task and handle in the fields a
//   ClockJumped does not use;
// - a sleep's timer (no callback name) and the sleeper's StepEnded on it (same task, time and
//   deadline; its wait label a string id below 256): TimerScheduled carrying the line and label.
// So sleep(0) stores one record per switch instead of three, a queue hand-off two per pass
// instead of four, a sleep four instead of nine (the pass, the jump and the timer firing; the
// callback and the wakeup it queues; the pass and the step; the timer and the StepEnded).
// The records go in fixed-size blocks: appending never copies what is stored, and the slack is
// at most one chunk (a doubling vector would cost up to twice). The blocks are carved from
// 2 MiB chunks mapped on their own and faulted in whole: a big trace takes one system call per
// chunk, not a page fault per 4 KiB (trace.cpp). Random access to event i starts from an index
// entry every 16 events (the record holding event 16k: 12 bytes per 16 events) and walks at most
// 15 events forward; iterating walks the records in order.
class TraceEvents {
  public:
    static constexpr size_t kBlockShift = 12;
    static constexpr size_t kBlockSize = size_t(1) << kBlockShift;
    static constexpr size_t kGroupShift = 4; // an index entry per 16 events

    // [compact] false stores every event as its own record (for tests comparing the two).
    explicit TraceEvents(bool compact = true) : compact_(compact) {}

    [[gnu::always_inline]] void push_back(const TraceEvent& e)
    {
        const size_t at = size_++;
        if (!(compact_ && fold(e))) {
            holdNewRecord(at);
            pending_ = e;
        }
        if (e.kind == EventKind::PassBegan)
            pass_ = e.a_;
        noteEvent(at);
    }
    // push_back(TraceEvent::stepBegan(t, task, handle, line)), the event written straight into
    // the record held back (a PassBegan just before folds into it as fold() does), not built
    // apart and copied: once per task step.
    [[gnu::always_inline]] void pushStepBegan(double t, TaskId task, HandleId handle, uint32_t line)
    {
        const size_t at = size_++;
        TraceEvent& r = pending_;
        uint8_t flags = 0;
        if (compact_ && pendingValid_ && r.kind == EventKind::PassBegan && folds(r) == 0 &&
            r.a_ == pendingPassBefore_ + 1 && std::bit_cast<uint64_t>(r.t) == std::bit_cast<uint64_t>(t)) {
            flags = kAfterPass;
        } else {
            holdNewRecord(at);
        }
        r.t = t;
        r.x_.time = 0.0;
        r.task = task;
        r.a_ = handle.value;
        r.b_ = line;
        r.kind = EventKind::StepBegan;
        r.sub_ = 0;
        r.spare_[0] = flags;
        r.spare_[1] = 0;
        noteEvent(at);
    }
    // push_back(TraceEvent::readyPushed(t, task, handle, kind, no callback name)) when it folds
    // into the step or callback held back (fold()), without building and comparing the event:
    // a task's wakeup queued by another's step (a queue hand-off). False, with nothing stored:
    // push it as usual.
    [[gnu::always_inline]] bool foldReadyPushed(double t, TaskId task, HandleId handle, HandleKind kind)
    {
        TraceEvent& r = pending_;
        if (!compact_ || !pendingValid_ ||
            (r.kind != EventKind::StepBegan && r.kind != EventKind::CallbackRan) ||
            (folds(r) & (kPushed | kEndedReady)) != 0 ||
            std::bit_cast<uint64_t>(r.t) != std::bit_cast<uint64_t>(t))
            return false;
        foldPushed(r, task, handle, kind);
        noteEvent(size_++);
        return true;
    }
    // A task's step that yielded bare queues its own next step: ReadyPushed(t, task, handle,
    // kind, no callback name), then StepEnded(t, task, line, wait=Ready, nothing, no deadline).
    // When the record held back is that task's StepBegan at [t] with neither folded in yet, the
    // two fold into it: stored as push_back of the two events would store them (see fold), but
    // without building and comparing them (sleep(0) does this once per switch). False, with
    // nothing stored: push them as usual.
    [[gnu::always_inline]] bool foldStepYieldedBare(double t, TaskId task, HandleId handle, HandleKind kind,
                                                    uint32_t line)
    {
        // The ReadyPushed as foldReadyPushed folds it (the task's own: no other task's id in the
        // record), then the StepEnded's line where a bare StepEnded folds (fold()).
        if (!pendingValid_ || pending_.kind != EventKind::StepBegan || pending_.task != task ||
            !foldReadyPushed(t, task, handle, kind))
            return false;
        pending_.x_.words[1] = line;
        pending_.spare_[0] |= kEndedReady;
        noteEvent(size_++);
        return true;
    }
    // Events, as read (folded ones included).
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    TraceEvent operator[](size_t i) const;
    // Event [i]'s time alone: as operator[](i).t, without building the event (the timeline reads
    // its segments' starts so, thousands per replot).
    double timeAt(size_t i) const;
    TraceEvent back() const { return (*this)[size_ - 1]; }
    // Records stored (for the trace's statistics): size() minus the folded events.
    size_t storedCount() const { return stored_ + (pendingValid_ ? 1 : 0); }
    size_t capacityBytes() const
    {
        return blocks_.size() * kBlockSize * sizeof(TraceEvent) + groups_.capacity() * sizeof(Group);
    }

    // Walks the records in order, yielding each folded event in its place.
    class const_iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using reference = TraceEvent; // by value: a folded event exists only as it is read
        struct pointer {
            TraceEvent e;
            const TraceEvent* operator->() const { return &e; }
        };

        const_iterator() = default;
        // A record that stands for one event is that event (the fold flags are 0).
        reference operator*() const { return folds(*rec_) == 0 ? *rec_ : expand(*rec_, part_, passBefore_); }
        pointer operator->() const { return {**this}; }
        const_iterator& operator++()
        {
            ++index_;
            if (++part_ < count_)
                return *this;
            passBefore_ = passAfter(*rec_, passBefore_);
            part_ = 0;
            ++record_;
            if (++rec_ == runEnd_) [[unlikely]]
                events_->seek(*this); // the next block, the record held back, or the end
            else
                count_ = foldedCount(*rec_);
            return *this;
        }
        const_iterator operator++(int)
        {
            auto old = *this;
            ++*this;
            return old;
        }
        size_t index() const { return index_; }
        friend bool operator==(const const_iterator& a, const const_iterator& b)
        {
            return a.index_ == b.index_;
        }

      private:
        friend class TraceEvents;
        const TraceEvents* events_ = nullptr;
        // The record holding the event, and the end of the stored records contiguous with it (the
        // rest of its block): stepping within a block is a pointer increment, no block lookup.
        const TraceEvent* rec_ = nullptr;
        const TraceEvent* runEnd_ = nullptr;
        size_t index_ = 0;        // the event's position
        size_t record_ = 0;       // the record's position
        uint32_t part_ = 0;       // which of the record's events it is
        uint32_t count_ = 0;      // how many events the record stands for
        uint32_t passBefore_ = 0; // the pass number before the record's events
    };
    const_iterator begin() const;
    const_iterator end() const
    {
        const_iterator it;
        it.events_ = this;
        it.index_ = size_;
        return it;
    }

    // Makes the streaming stores of push_back visible to other threads in order (an sfence):
    // called when a run ends, before the trace changes hands.
    static void publish()
    {
#if defined(__SSE2__)
        _mm_sfence();
#endif
    }

  private:
    // The flags of a record (TraceEvent::spare_[0]): which implied events it stands for too.
    enum Fold : uint8_t {
        kAfterPass = 1,     // a PassBegan (the previous pass + 1) at the record's time precedes it
        kPushed = 2,        // StepBegan, CallbackRan: then a ReadyPushed of handle x_.words[0], kind
                            // spare_[1], no callback name
        kEndedReady = 4,    // StepBegan, kPushed: then StepEnded(wait=Ready) at line x_.words[1]
        kPushedOther = 8,   // kPushed of another task's handle: its id in x_.words[1] (and the
                            // StepEnded, if any, at the StepBegan's line)
        kFiredAtJump = 16,  // ClockJumped: then TimerFired at the new time, due then, of task a_
                            // and handle b_
        kEndedOnTimer = 32, // TimerScheduled without a callback name: then the task's StepEnded
                            // on that timer (its deadline), at line b_, label spare_[1]
    };
    static uint8_t folds(const TraceEvent& r)
    {
        return r.spare_[0];
    }
    static uint32_t foldedCount(const TraceEvent& r)
    {
        // A table, not std::popcount: without -mpopcnt that is a call into libgcc per record.
        static constexpr auto kCounts = [] {
            std::array<uint8_t, 64> counts{};
            for (unsigned f = 0; f < counts.size(); ++f)
                counts[f] = uint8_t(1 + std::popcount(f & ~unsigned(kPushedOther)));
            return counts;
        }();
        static_assert(kEndedOnTimer < 64, "the fold flags fit in the table");
        return kCounts[folds(r) & 63];
    }
    static uint32_t passAfter(const TraceEvent& r, uint32_t passBefore)
    {
        const uint32_t pass = passBefore + (folds(r) & kAfterPass ? 1 : 0);
        return r.kind == EventKind::PassBegan ? r.a_ : pass;
    }
    static bool sameInstant(const TraceEvent& a, const TraceEvent& b)
    {
        return std::bit_cast<uint64_t>(a.t) == std::bit_cast<uint64_t>(b.t);
    }
    // The [part]th event a record stands for, as it was reported (inline: the iterator calls it
    // per event).
    static TraceEvent expand(const TraceEvent& r, uint32_t part, uint32_t passBefore);
    // Where event [i] is: its record, which of the record's events it is, and the pass number
    // before the record (operator[] and timeAt).
    struct Located {
        const TraceEvent* record;
        uint32_t part;
        uint32_t passBefore;
    };
    Located locate(size_t i) const;
    // Points [it] at its record_ (which starts a block, or is the one held back, or is the end).
    void seek(const_iterator& it) const;

    // Folds [e] into the record held back, if the record implies it or it implies the record.
    [[gnu::always_inline]] bool fold(const TraceEvent& e)
    {
        if (!pendingValid_ || e.spare_[0] != 0)
            return false;
        TraceEvent& r = pending_;
        // The clock jumped to the earliest deadline: the timer due there fires at the new time.
        if (r.kind == EventKind::ClockJumped && e.kind == EventKind::TimerFired &&
            !(folds(r) & kFiredAtJump) &&
            std::bit_cast<uint64_t>(e.t) == std::bit_cast<uint64_t>(r.x_.time) &&
            std::bit_cast<uint64_t>(e.x_.time) == std::bit_cast<uint64_t>(r.x_.time) && e.b_ == 0 &&
            e.sub_ == 0 && r.task.value == 0 && r.a_ == 0 && r.b_ == 0) {
            r.a_ = e.task.value;
            r.b_ = e.a_;
            r.spare_[0] |= kFiredAtJump;
            return true;
        }
        if (!sameInstant(r, e))
            return false;
        switch (r.kind) {
        case EventKind::PassBegan:
            if (folds(r) != 0 || r.a_ != pendingPassBefore_ + 1)
                return false;
            r = e;
            r.spare_[0] = kAfterPass;
            return true;
        case EventKind::StepBegan:
        case EventKind::CallbackRan:
            // The step or callback queues a handle (a task's own next step after a bare yield,
            // the wakeup of a task it woke: a queue hand-off, a sleep's end)...
            if (e.kind == EventKind::ReadyPushed && (folds(r) & (kPushed | kEndedReady)) == 0 && e.b_ == 0) {
                foldPushed(r, e.task, HandleId{e.a_}, HandleKind(e.sub_));
                return true;
            }
            // ...and then yields bare.
            if (r.kind == EventKind::StepBegan && e.kind == EventKind::StepEnded &&
                (folds(r) & (kPushed | kEndedReady)) == kPushed && e.task == r.task &&
                e.sub_ == uint8_t(WaitKind::Ready) && e.a_ == 0 && std::bit_cast<uint64_t>(e.x_.time) == 0) {
                if (folds(r) & kPushedOther) {
                    if (e.b_ != r.b_)
                        return false;
                } else {
                    r.x_.words[1] = e.b_;
                }
                r.spare_[0] |= kEndedReady;
                return true;
            }
            return false;
        case EventKind::TimerScheduled:
            // A sleep's timer, and the sleeper suspends on it.
            if (e.kind == EventKind::StepEnded && !(folds(r) & kEndedOnTimer) && r.b_ == 0 &&
                e.task == r.task && e.sub_ == uint8_t(WaitKind::Timer) && e.a_ < 256 &&
                std::bit_cast<uint64_t>(e.x_.time) == std::bit_cast<uint64_t>(r.x_.time)) {
                r.b_ = e.b_;
                r.spare_[1] = uint8_t(e.a_);
                r.spare_[0] |= kEndedOnTimer;
                return true;
            }
            return false;
        default:
            return false;
        }
    }
    // The record held back is complete: store it (around the caches).
    // Folds ReadyPushed(task, handle, kind, no callback name) into step or callback record [r].
    static void foldPushed(TraceEvent& r, TaskId task, HandleId handle, HandleKind kind)
    {
        r.x_.words[0] = handle.value;
        r.spare_[1] = uint8_t(kind);
        r.spare_[0] |= kPushed;
        if (task != r.task) {
            r.x_.words[1] = task.value;
            r.spare_[0] |= kPushedOther;
        }
    }
    // Holds a new record back for event [at], storing the one held back before.
    [[gnu::always_inline]] void holdNewRecord(size_t at)
    {
        if (pendingValid_) [[likely]]
            flush();
        pendingValid_ = true;
        pendingFirst_ = at;
        pendingPassBefore_ = pass_;
    }
    // Event [at] counted: every 16th opens an index group.
    [[gnu::always_inline]] void noteEvent(size_t at)
    {
        if ((at & ((size_t(1) << kGroupShift) - 1)) == 0) [[unlikely]]
            noteGroup();
    }
    [[gnu::always_inline]] void flush()
    {
        if ((stored_ & (kBlockSize - 1)) == 0) [[unlikely]]
            addBlock();
        storeStreaming(&block_[stored_ & (kBlockSize - 1)], pending_);
        ++stored_;
    }
    const TraceEvent& record(size_t j) const
    {
        return j < stored_ ? blocks_[j >> kBlockShift][j & (kBlockSize - 1)] : pending_;
    }

    // An event is written around the caches (two non-temporal 16-byte stores): the trace is
    // written once and read after the run, and a run's tens of MB of it would otherwise evict
    // the tasks, frames and timer heap the loop is working on, and read every line before
    // writing it.
    [[gnu::always_inline]] static void storeStreaming(TraceEvent* to, const TraceEvent& e)
    {
#if defined(__SSE2__)
        static_assert(sizeof(TraceEvent) == 32 && alignof(TraceEvent) <= 16);
        const auto* from = reinterpret_cast<const __m128i*>(&e);
        auto* dest = reinterpret_cast<__m128i*>(to);
        _mm_stream_si128(dest, _mm_loadu_si128(from));
        _mm_stream_si128(dest + 1, _mm_loadu_si128(from + 1));
#else
        new (to) TraceEvent(e);
#endif
    }
    // Out of line, and outside the scenario's memory budget (the trace is the host's).
    void addBlock();
    void noteGroup();
    struct Unmap {
        void operator()(char* chunk) const;
    };
    // The index: for events 16k .. 16k+15, the record holding event 16k, which of its events
    // that is, and the pass number before the record.
    struct Group {
        uint32_t record;
        uint32_t passBefore;
        uint32_t part;
    };
    std::vector<TraceEvent*> blocks_;                  // into chunks_
    TraceEvent* block_ = nullptr;                      // blocks_.back(), one load less per event
    std::vector<std::unique_ptr<char, Unmap>> chunks_; // each kChunkBlocks blocks
    std::vector<Group> groups_;
    size_t size_ = 0;   // events
    size_t stored_ = 0; // records in the blocks (the one held back not counted)
    // The last record, held back until the next event shows it cannot fold into it: it is
    // written once, whole.
    TraceEvent pending_;
    bool pendingValid_ = false;
    bool compact_ = true;
    size_t pendingFirst_ = 0;        // the position of its first event
    uint32_t pendingPassBefore_ = 0; // the pass number before it
    uint32_t pass_ = 0;              // the last PassBegan's number
};

inline TraceEvent TraceEvents::expand(const TraceEvent& r, uint32_t part, uint32_t passBefore)
{
    if (folds(r) & kAfterPass) {
        if (part == 0)
            return TraceEvent::passBegan(r.t, passBefore + 1);
        --part;
    }
    if (part == 0) {
        TraceEvent head = r;
        head.spare_[0] = 0;
        if (folds(r) & kPushed) { // StepBegan and CallbackRan have no second time
            head.x_.time = 0.0;
            head.spare_[1] = 0;
        }
        if (folds(r) & kFiredAtJump) // ClockJumped has no task, handle or line
            head.a_ = head.b_ = 0;
        if (folds(r) & kEndedOnTimer) { // the timer's callback name (none)
            head.b_ = 0;
            head.spare_[1] = 0;
        }
        return head;
    }
    if (folds(r) & kFiredAtJump)
        return TraceEvent::timerFired(r.x_.time, TaskId{r.a_}, HandleId{r.b_}, r.x_.time);
    if (folds(r) & kEndedOnTimer)
        return TraceEvent::stepEnded(r.t, r.task, r.b_, WaitKind::Timer, r.spare_[1], r.x_.time);
    const bool other = folds(r) & kPushedOther;
    if (part == 1)
        return TraceEvent::readyPushed(r.t, other ? TaskId{r.x_.words[1]} : r.task, HandleId{r.x_.words[0]},
                                       HandleKind(r.spare_[1]), StringId{});
    return TraceEvent::stepEnded(r.t, r.task, other ? r.b_ : r.x_.words[1], WaitKind::Ready, 0, 0.0);
}

// Stores every event in order, with a string table.
class TraceRecorder final : public TraceObserver {
  public:
    // [compact] false: every event stored as its own record (TraceEvents), for tests.
    explicit TraceRecorder(TraceLevel level = TraceLevel::Step, bool compact = true)
        : level_(level), events_(compact)
    {
        strings_.emplace_back();
    }

    StringId intern(std::string_view text) override;
    // The name a TaskCreated event gives its task.
    std::string taskName(const TraceEvent& created) const;
    void record(const TraceEvent& e) override { events_.push_back(e); }
    TraceLevel level() const override { return level_; }
    TraceEvents* eventSink() override { return &events_; }

    const TraceEvents& events() const { return events_; }
    std::string_view string(StringId id) const { return strings_[id.value]; }
    size_t stringCount() const { return strings_.size(); }
    // Bytes held by events and strings, for the 32-bytes-per-event budget.
    size_t memoryBytes() const;

  private:
    TraceLevel level_;
    TraceEvents events_;
    std::deque<std::string> strings_; // stable addresses for the index's keys
    std::unordered_map<std::string_view, uint32_t> stringIndex_;
};

} // namespace loopscope
