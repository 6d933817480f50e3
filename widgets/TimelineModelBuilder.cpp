// TimelineModel::build: one pass over the trace. It keeps what the trace lets it rebuild
// exactly (tests/asyncio_model/_loopscope.py check_invariants does the same in Python): each
// task's open state, the ready queue's length, which context is running (a task's step or a
// callback), and for every handle the cause that queued it. A ReadyPushed during task X's step
// was caused by X; during a callback, by whatever queued that callback (so a child's end
// reaches its gather's waiter through gather's done callback); a timer's callback, by the loop
// when the timer fired. Causes become the arrows.

#include <algorithm>
#include <unordered_map>

#include "TimelineModel.h"

namespace loopscope {

namespace {

// Two times closer than this are the same instant (CPython's clock resolution is far coarser).
constexpr double kSameInstant = 1e-9;

SegmentKind kindForWait(WaitKind wait)
{
    switch (wait) {
    case WaitKind::Ready:
        return SegmentKind::Ready;
    case WaitKind::Timer:
        return SegmentKind::Sleeping;
    case WaitKind::Task:
        return SegmentKind::AwaitingTask;
    case WaitKind::Lock:
    case WaitKind::Event:
    case WaitKind::Condition:
    case WaitKind::Semaphore:
    case WaitKind::Queue:
    case WaitKind::Barrier:
        return SegmentKind::WaitingSync;
    case WaitKind::Future:
    case WaitKind::Other:
    case WaitKind::None:
        break;
    }
    return SegmentKind::AwaitingFuture;
}

bool isWaiting(SegmentKind kind)
{
    return kind == SegmentKind::Sleeping || kind == SegmentKind::AwaitingTask ||
           kind == SegmentKind::AwaitingFuture || kind == SegmentKind::WaitingSync;
}

// The run-ending errors that are limits (the run was stopped) rather than the program's own
// exceptions.
bool isLimit(QStringView type)
{
    for (const char* limit : {"Deadlock", "RunawayTask", "LimitExceeded", "MemoryError", "Cancelled"})
        if (type == QLatin1String(limit))
            return true;
    return false;
}

bool isShutdownCoroutine(std::string_view coro)
{
    return coro == "shutdown_asyncgens" || coro == "shutdown_default_executor";
}

} // namespace

class TimelineModelBuilder {
  public:
    explicit TimelineModelBuilder(TimelineModel& model) : m_(model), events_(model.trace_->events()) {}

    bool run(const std::atomic<bool>* cancel)
    {
        m_.rows_.push_back(TimelineRow{});
        open_.resize(1);
        // Segments are about as many as events (a step's events open one each, sometimes a
        // second on the loop's row; line events none): reserved up front, the list is rarely
        // doubled and copied, and pages never written are never faulted in.
        closed_.reserve(events_.size());
        // In order, record by record (no index lookup per event).
        for (auto it = events_.begin(); it != events_.end(); ++it) {
            const uint32_t i = uint32_t(it.index());
            if ((i & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return false;
            cur_ = *it;
            curIndex_ = i;
            const TraceEvent& e = cur_;
            m_.endTime_ = std::max({m_.endTime_, e.t, e.newTime(), e.endTime()});
            if (deadlock_ != kNoDeadlock && !m_.hasDeadlockSlot() && !isStuckWarning(e) &&
                e.kind != EventKind::RunEnded)
                openDeadlockSlot(i);
            dispatch(i, e);
        }
        finish();
        return true;
    }

  private:
    struct Open {
        bool open = false;
        bool pushedInStep = false; // its own next step was queued during the step now running
        uint16_t pushedAhead = 0;
        uint32_t slot = 0; // where the segment starts on the passes axis
        // A wait that goes on after the deadlock's slot: dropped if it ends there at once.
        bool continuation = false;
        TimelineSegment seg;
        TraceEvent opener; // seg.event, kept here: reading it back from the trace is random access
    };
    struct Cause {
        uint32_t row = kNoRow;
        uint32_t event = 0;
    };
    enum class HandleState : uint8_t { Unknown, Queued, Timer, Cancelled, Ran };
    struct Handle {
        Cause cause;
        uint32_t scheduledEvent = 0; // timers: their TimerScheduled
        HandleState state = HandleState::Unknown;
        HandleKind kind = HandleKind::Callback;
        TimerKind timerKind = TimerKind::Sleep;
        bool firstStep = false; // a task's first step, queued by create_task
    };
    enum class Context : uint8_t { None, Step, Callback };
    struct ClosedSegment {
        uint32_t row;
        uint32_t slot;
        TimelineSegment seg;
    };

    // -- Helpers ---------------------------------------------------------------------------------

    uint32_t rowOf(TaskId task) const
    {
        return task.value < m_.rowOfTask_.size() ? m_.rowOfTask_[task.value] : kNoRow;
    }
    Handle& handle(HandleId id)
    {
        if (id.value >= handles_.size())
            handles_.resize(std::max<size_t>(id.value + 1, handles_.size() * 2));
        return handles_[id.value];
    }
    // Who caused what happens now at event [i].
    Cause causeHere(uint32_t i) const
    {
        if (context_ == Context::Step)
            return {contextRow_, i};
        if (context_ == Context::Callback && contextHandle_ < handles_.size())
            return handles_[contextHandle_].cause;
        return {};
    }
    // Closes [row]'s open segment at [t], where the next one starts at slot [nextSlot].
    void close(uint32_t row, double t, uint32_t nextSlot = UINT32_MAX)
    {
        Open& o = open_[row];
        if (!o.open)
            return;
        if (o.continuation && t <= o.seg.start && nextSlot <= o.slot) {
            o.open = false; // (the wait ended with the deadlock's slot, on both axes: nothing goes on)
            return;
        }
        // A task that was ready while virtual time passed was held up by a blocking call: steps
        // themselves take no virtual time.
        if (o.seg.kind == SegmentKind::Ready && t > o.seg.start + kSameInstant)
            o.seg.kind = SegmentKind::HeldUp;
        keep(row, o);
        o.open = false;
    }
    // Stores [o]'s segment as it is now; whether it starts elsewhere than its event's time is
    // noted here, where the event is at hand (sortSegments would read it back from the trace).
    void keep(uint32_t row, const Open& o)
    {
        ClosedSegment& c = closed_.emplace_back(ClosedSegment{row, o.slot, o.seg});
        if (c.seg.start != o.opener.t)
            c.seg.flags |= PackedSegment::kStartElsewhere;
        // A sleep's deadline, for the view's mark (whether it was reached is settled in
        // sortSegments, where the sleep's end is known).
        if (c.seg.kind == SegmentKind::Sleeping && o.opener.kind == EventKind::StepEnded &&
            o.opener.deadline() > 0) {
            c.seg.flags |= kHasDeadline;
            sleepDeadlines_.push_back(o.opener.deadline());
        }
    }
    // Event [event]: the one being dispatched is at hand; another (the deadlock, a stall) is
    // read from the trace.
    TraceEvent eventAt(uint32_t event) const { return event == curIndex_ ? cur_ : events_[event]; }
    void openSegment(uint32_t row, SegmentKind kind, double t, uint32_t event, uint16_t ahead = 0)
    {
        t = coord(event, t);
        const uint32_t slot = slotOf(event, kind);
        close(row, t, slot);
        Open& o = open_[row];
        o.open = true;
        o.continuation = false;
        o.seg = TimelineSegment{t, EventIndex{event}, kind, 0, ahead};
        o.opener = eventAt(event);
        o.slot = slot;
    }
    // Where a segment opened by [event] starts on the passes axis (the model's rule, computed
    // here once instead of by a search at every paint).
    uint32_t slotOf(uint32_t event, SegmentKind kind) const
    {
        const auto& starts = m_.slotFirstEvent_;
        if (starts.empty() || starts.back() > event)
            return uint32_t(m_.slotCoord(EventIndex{event}, TimelineModel::occupiesSlot(kind)));
        const uint32_t k = uint32_t(starts.size() - 1);
        return TimelineModel::occupiesSlot(kind) || starts.back() == event ? k : k + 1;
    }
    void addMarker(uint32_t row, double t, uint32_t event, MarkerKind kind)
    {
        m_.markers_.push_back({coord(event, t), EventIndex{event}, row, kind});
    }

    // -- The deadlock's slot (TimelineModel::hasDeadlockSlot) ------------------------------------

    static bool isStuckWarning(const TraceEvent& e)
    {
        return e.kind == EventKind::Warning && e.warningKind() == WarningKind::Stuck;
    }
    // Where time [t] of [event] is on the time axis: after the deadlock, its instant is T+.
    double coord(uint32_t event, double t) const { return m_.timeCoord(EventIndex{event}, t); }
    double endCoord() const { return coord(uint32_t(events_.size()), m_.endTime_); }
    // Something happens after the deadlock's Stuck warnings at [i] (the Ctrl+C that ends it): the
    // deadlock gets its slot, where the loop's row is Deadlocked, before what happens at [i].
    void openDeadlockSlot(uint32_t i)
    {
        m_.afterDeadlock_ = EventIndex{i};
        m_.deadlockSlot_ = uint32_t(m_.slotFirstEvent_.size());
        m_.slotFirstEvent_.push_back(deadlock_);
        context_ = Context::None;
        openSegment(0, SegmentKind::Deadlocked, m_.deadlockTime_, deadlock_);
        // Each stuck row's wait spans the slot, "forever"; what goes on after it (a wait that
        // the Ctrl+C does not end at once) is a wait like any other.
        for (uint32_t r = 1; r < open_.size(); ++r) {
            Open& o = open_[r];
            if (!o.open || !(o.seg.flags & kStuckAtDeadlock))
                continue;
            keep(r, o);
            o.seg.start = m_.deadlockAfterTime();
            o.seg.flags &= uint8_t(~kStuckAtDeadlock);
            o.slot = m_.deadlockSlot_ + 1;
            o.continuation = true;
        }
    }
    void addArrow(uint32_t from, uint32_t to, uint32_t fromRow, uint32_t toRow, ArrowKind kind)
    {
        m_.arrows_.push_back({EventIndex{from}, EventIndex{to}, fromRow, toRow, kind});
    }
    void ensureLoopBusy(double t, uint32_t i)
    {
        if (!open_[0].open || open_[0].seg.kind != SegmentKind::LoopBusy)
            openSegment(0, SegmentKind::LoopBusy, t, i);
    }
    // A queued handle leaves the ready queue (it runs, or is dropped).
    void dequeue(Handle& h)
    {
        if (h.state == HandleState::Queued && queued_ > 0)
            --queued_;
    }

    // -- Events ----------------------------------------------------------------------------------

    void dispatch(uint32_t i, const TraceEvent& e)
    {
        switch (e.kind) {
        case EventKind::TaskCreated:
            taskCreated(i, e);
            break;
        case EventKind::TaskRenamed:
            if (const uint32_t r = rowOf(e.task); r != kNoRow)
                m_.rows_[r].name = e.name();
            break;
        case EventKind::StepBegan:
            stepBegan(i, e);
            break;
        case EventKind::StepEnded:
            stepEnded(i, e);
            break;
        case EventKind::TaskFinished:
            taskFinished(i, e);
            break;
        case EventKind::CancelRequested:
            cancelRequested(i, e);
            break;
        case EventKind::ReadyPushed:
            readyPushed(i, e);
            break;
        case EventKind::TimerScheduled: {
            Handle& h = handle(e.handle());
            h.state = HandleState::Timer;
            h.timerKind = e.timerKind();
            h.scheduledEvent = i;
            h.cause = causeHere(i);
            if (h.cause.row == kNoRow)
                h.cause = {rowOf(e.task), i};
            break;
        }
        case EventKind::TimerFired:
            timerFired(i, e);
            break;
        case EventKind::HandleCancelled: {
            Handle& h = handle(e.handle());
            dequeue(h);
            h.state = HandleState::Cancelled;
            break;
        }
        case EventKind::CallbackRan: {
            Handle& h = handle(e.handle());
            dequeue(h);
            h.state = HandleState::Ran;
            context_ = Context::Callback;
            contextHandle_ = e.handle().value;
            m_.slotFirstEvent_.push_back(i);
            openSegment(0, SegmentKind::LoopCallback, e.t, i);
            break;
        }
        case EventKind::PassBegan:
            context_ = Context::None;
            m_.passFirstEvent_.push_back(i);
            ensureLoopBusy(e.t, i);
            break;
        case EventKind::ClockJumped:
            context_ = Context::None;
            m_.slotFirstEvent_.push_back(i);
            openSegment(0, SegmentKind::LoopIdle, e.t, i);
            break;
        case EventKind::BlockingCall:
            blockingCall(i, e);
            break;
        case EventKind::Warning:
            warning(i, e);
            break;
        case EventKind::RunEnded:
            if (e.status() != EndStatus::Ok) {
                m_.runError_ = QString::fromUtf8(m_.trace_->string(e.text()));
                m_.endedByLimit_ = isLimit(QStringView(m_.runError_).left(m_.runError_.indexOf(u':')));
                runEnded_ = i;
            }
            break;
        case EventKind::LoopClosed:
            context_ = Context::None;
            queued_ = 0;
            if (open_[0].open)
                openSegment(0, SegmentKind::Gap, e.t, i);
            break;
        case EventKind::TaskJoined: {
            const uint32_t parent = rowOf(e.task), child = rowOf(e.awaitedTask());
            if (parent != kNoRow && child != kNoRow) {
                m_.joins_.push_back({parent, child});
                parentsOf_.emplace(child, parent);
            }
            break;
        }
        case EventKind::Output:
        case EventKind::Statement:
            break;
        }
    }

    void taskCreated(uint32_t i, const TraceEvent& e)
    {
        const uint32_t row = uint32_t(m_.rows_.size());
        if (e.task.value >= m_.rowOfTask_.size())
            m_.rowOfTask_.resize(std::max<size_t>(e.task.value + 1, m_.rowOfTask_.size() * 2), kNoRow);
        m_.rowOfTask_[e.task.value] = row;
        TimelineRow r;
        r.task = e.task;
        r.createdEvent = EventIndex{i};
        r.endEvent = EventIndex{i};
        r.end = coord(i, e.t);
        r.name = e.name();
        r.coro = e.coroName();
        r.creatorRow = e.creator().value ? rowOf(e.creator()) : kNoRow;
        r.shutdownTask =
            e.creator().value == 0 && e.line() == 0 && isShutdownCoroutine(m_.trace_->string(e.coroName()));
        m_.rows_.push_back(r);
        open_.emplace_back();
        addMarker(row, e.t, i, MarkerKind::Created);
        if (r.creatorRow != kNoRow)
            addArrow(i, i, r.creatorRow, row, ArrowKind::Creates);
    }

    void readyPushed(uint32_t i, const TraceEvent& e)
    {
        Handle& h = handle(e.handle());
        h.state = HandleState::Queued;
        h.kind = e.handleKind();
        h.cause = causeHere(i);
        const uint16_t ahead = uint16_t(std::min<uint32_t>(queued_, UINT16_MAX));
        ++queued_;
        if (h.kind == HandleKind::Callback)
            return;
        const uint32_t r = rowOf(e.task);
        if (r == kNoRow)
            return;
        Open& o = open_[r];
        h.firstStep = h.kind == HandleKind::TaskStep && !seenStep(r);
        if (context_ == Context::Step && contextRow_ == r) {
            o.pushedInStep = true;
            o.pushedAhead = ahead;
        } else if (!o.open || o.seg.kind != SegmentKind::Ready) {
            openSegment(r, SegmentKind::Ready, e.t, i, ahead);
        }
    }
    // Whether row [r] has run a step: the step queued before its first is the one create_task queued.
    bool seenStep(uint32_t r) const { return r < stepped_.size() && stepped_[r]; }

    void timerFired(uint32_t i, const TraceEvent& e)
    {
        Handle& h = handle(e.handle());
        h.state = HandleState::Queued;
        ++queued_;
        if (open_[0].open && open_[0].seg.kind == SegmentKind::LoopIdle)
            openSegment(0, SegmentKind::LoopBusy, e.t, i);
        // A timer that fires after its deadline was held up: the loop was busy (a blocking call).
        if (const uint32_t r = rowOf(e.task); r != kNoRow && open_[r].open && isWaiting(open_[r].seg.kind)) {
            const TraceEvent& waitEvent = open_[r].opener;
            const double deadline = e.deadline();
            if (waitEvent.kind == EventKind::StepEnded &&
                std::abs(waitEvent.deadline() - deadline) < kSameInstant && e.t > deadline + kSameInstant &&
                deadline >= open_[r].seg.start) {
                const TimelineStall* stall = stallCovering(deadline);
                openSegment(r, SegmentKind::HeldUp, deadline, stall ? stall->event.value : i);
            }
        }
        if (h.timerKind == TimerKind::Sleep) {
            h.cause = {}; // a task waking from its own sleep: no arrow
            return;
        }
        if (h.cause.row != kNoRow)
            addArrow(h.scheduledEvent, i, h.cause.row, 0, ArrowKind::TimerFires);
        h.cause = {0, i}; // what the timer's callback does, the loop does when the timer fires
    }

    const TimelineStall* stallCovering(double t) const
    {
        for (auto it = m_.stalls_.rbegin(); it != m_.stalls_.rend(); ++it)
            if (it->start <= t + kSameInstant && t <= it->end + kSameInstant)
                return &*it;
        return nullptr;
    }

    void stepBegan(uint32_t i, const TraceEvent& e)
    {
        Handle& h = handle(e.handle());
        dequeue(h);
        h.state = HandleState::Ran;
        m_.slotFirstEvent_.push_back(i);
        // (The deadlock's band ends where the loop runs again: the Ctrl+C's pass goes on.)
        if (open_[0].open &&
            (open_[0].seg.kind == SegmentKind::LoopCallback || open_[0].seg.kind == SegmentKind::Deadlocked))
            openSegment(0, SegmentKind::LoopBusy, e.t, i);
        const uint32_t r = rowOf(e.task);
        context_ = Context::Step;
        contextRow_ = r;
        if (r == kNoRow)
            return;
        if (r >= stepped_.size())
            stepped_.resize(std::max<size_t>(r + 1, stepped_.size() * 2));
        stepped_[r] = true;
        wakeArrow(i, r, h);
        openSegment(r, SegmentKind::Running, e.t, i);
    }

    // The arrow into a step: from what queued its handle, unless another arrow already says it
    // (the creation arrow for a first step, the cancel arrow for a cancellation, a fan-in arrow
    // from the child whose end woke it, which then becomes the wake-up arrow).
    void wakeArrow(uint32_t i, uint32_t r, const Handle& h)
    {
        uint32_t cancelRow = kNoRow;
        if (auto cancel = cancelledFrom_.find(r); cancel != cancelledFrom_.end()) {
            cancelRow = cancel->second;
            cancelledFrom_.erase(cancel);
        }
        if (h.firstStep || h.cause.row == kNoRow || h.cause.row == r || cancelRow == h.cause.row)
            return;
        if (auto pending = fanInPending_.find(r); pending != fanInPending_.end()) {
            std::vector<uint32_t>& fanIns = pending->second;
            for (auto it = fanIns.begin(); it != fanIns.end(); ++it) {
                TimelineArrow& arrow = m_.arrows_[*it];
                if (arrow.fromRow == h.cause.row) {
                    arrow.kind = ArrowKind::Wakes;
                    arrow.to = EventIndex{i};
                    fanIns.erase(it);
                    return;
                }
            }
        }
        addArrow(h.cause.event, i, h.cause.row, r, ArrowKind::Wakes);
    }

    void stepEnded(uint32_t i, const TraceEvent& e)
    {
        context_ = Context::None;
        const uint32_t r = rowOf(e.task);
        if (r == kNoRow || e.wait() == WaitKind::None)
            return; // a finished task's step: TaskFinished closes it
        Open& o = open_[r];
        if (o.pushedInStep) {
            o.pushedInStep = false;
            openSegment(r, SegmentKind::Ready, e.t, i, o.pushedAhead);
        } else {
            openSegment(r, kindForWait(e.wait()), e.t, i);
        }
    }

    void taskFinished(uint32_t i, const TraceEvent& e)
    {
        const uint32_t r = rowOf(e.task);
        if (r == kNoRow)
            return;
        close(r, e.t);
        open_[r].pushedInStep = false;
        fanInPending_.erase(r);
        TimelineRow& row = m_.rows_[r];
        row.end = coord(i, e.t);
        row.endEvent = EventIndex{i};
        switch (e.status()) {
        case EndStatus::Ok:
            row.ending = RowEnd::Done;
            addMarker(r, e.t, i, MarkerKind::Done);
            break;
        case EndStatus::Cancelled:
            row.ending = RowEnd::Cancelled;
            addMarker(r, e.t, i, MarkerKind::Cancelled);
            break;
        case EndStatus::Failed:
            row.ending = RowEnd::Failed;
            addMarker(r, e.t, i, MarkerKind::Failed);
            break;
        }
        // Fan-in: the tasks that wait for this one together with others.
        auto [first, last] = parentsOf_.equal_range(r);
        for (auto it = first; it != last; ++it) {
            const uint32_t parent = it->second;
            if (m_.rows_[parent].ending != RowEnd::Pending)
                continue;
            fanInPending_[parent].push_back(uint32_t(m_.arrows_.size()));
            addArrow(i, i, r, parent, ArrowKind::FanIn);
        }
    }

    void cancelRequested(uint32_t i, const TraceEvent& e)
    {
        const uint32_t r = rowOf(e.task);
        if (r == kNoRow)
            return;
        addMarker(r, e.t, i, MarkerKind::CancelRequested);
        Cause source = causeHere(i);
        if (source.row == kNoRow && e.canceller().value)
            source = {rowOf(e.canceller()), i};
        if (source.row != kNoRow && source.row != r) {
            addArrow(source.event, i, source.row, r, ArrowKind::Cancels);
            cancelledFrom_[r] = source.row;
        }
    }

    void blockingCall(uint32_t i, const TraceEvent& e)
    {
        const uint32_t r = context_ == Context::Step && contextRow_ != kNoRow ? contextRow_ : 0;
        m_.stalls_.push_back({coord(i, e.t), coord(i, e.endTime()), EventIndex{i}, r});
        if (r == 0)
            return;
        Open& o = open_[r];
        // The step that makes the call holds the loop from here to its end.
        if (o.open && o.seg.kind == SegmentKind::Running) {
            if (o.seg.start + kSameInstant >= e.t)
                o.seg.kind = SegmentKind::Blocking;
            else
                openSegment(r, SegmentKind::Blocking, e.t, i);
        }
    }

    void warning(uint32_t i, const TraceEvent& e)
    {
        uint32_t r = rowOf(e.task);
        if (r == kNoRow)
            r = 0;
        switch (e.warningKind()) {
        case WarningKind::NeverAwaited:
            addMarker(r, e.aboutTime(), i, MarkerKind::NeverAwaited);
            break;
        case WarningKind::ExceptionNeverRetrieved:
            // Shown where the exception happened; the tooltip says when it was reported.
            addMarker(r, r ? m_.rows_[r].end : e.t, i, MarkerKind::NeverRetrieved);
            break;
        case WarningKind::SlowCallback:
            break; // the blocking call's stall band says it, where it happened
        case WarningKind::Stuck:
            // Where the deadlock found the task; the Ctrl+C that ends a deadlock cancels it after.
            addMarker(r, e.t, i, MarkerKind::Stuck);
            stuckMarked_ = true;
            if (deadlock_ == kNoDeadlock) {
                deadlock_ = i;
                m_.deadlockEvent_ = EventIndex{i};
                m_.deadlockTime_ = e.t;
            }
            if (r != 0 && open_[r].open)
                open_[r].seg.flags |= kStuckAtDeadlock;
            break;
        case WarningKind::DestroyedPending:
        case WarningKind::LoopException:
        case WarningKind::Other:
            addMarker(r, e.t, i, MarkerKind::OtherWarning);
            break;
        }
    }

    // -- The end -----------------------------------------------------------------------------

    void finish()
    {
        const uint32_t last = events_.empty() ? 0 : uint32_t(events_.size() - 1);
        const bool deadlock = m_.runError_.startsWith(QLatin1String("Deadlock"));
        bool limitPlaced = false;
        for (uint32_t r = 0; r < open_.size(); ++r) {
            Open& o = open_[r];
            if (r == 0) {
                if (o.open && o.seg.kind == SegmentKind::Gap) {
                    o.open = false; // the loop was closed: its row ends there
                    m_.rows_[0].end = o.seg.start;
                } else {
                    close(0, endCoord());
                    m_.rows_[0].end = endCoord();
                }
                continue;
            }
            if (!o.open)
                continue;
            o.seg.flags |= kPendingAtEnd;
            const SegmentKind kind = o.seg.kind;
            const uint32_t event = o.seg.event.value;
            close(r, endCoord());
            m_.rows_[r].end = endCoord();
            m_.rows_[r].endEvent = EventIndex{last};
            if (m_.runError_.isEmpty())
                continue;
            if (deadlock && kind != SegmentKind::Running && !stuckMarked_) {
                addMarker(r, m_.endTime_, event, MarkerKind::Stuck);
            } else if (m_.endedByLimit_ && (kind == SegmentKind::Running || kind == SegmentKind::Blocking)) {
                addMarker(r, m_.endTime_, runEnded_, MarkerKind::LimitHit);
                limitPlaced = true;
            }
        }
        if (!m_.runError_.isEmpty() && !limitPlaced) {
            const MarkerKind kind = deadlock           ? MarkerKind::Stuck
                                    : m_.endedByLimit_ ? MarkerKind::LimitHit
                                                       : MarkerKind::Failed;
            addMarker(0, m_.endTime_, runEnded_, kind);
        }
        m_.rows_[0].endEvent = EventIndex{last};

        sortSegments();
        std::stable_sort(m_.markers_.begin(), m_.markers_.end(), [](const auto& a, const auto& b) {
            return a.row != b.row ? a.row < b.row : a.t < b.t;
        });
        uint32_t marker = 0;
        for (uint32_t r = 0; r < m_.rows_.size(); ++r) {
            while (marker < m_.markers_.size() && m_.markers_[marker].row < r)
                ++marker;
            m_.rows_[r].firstMarker = marker;
        }
        std::stable_sort(m_.arrows_.begin(), m_.arrows_.end(),
                         [](const auto& a, const auto& b) { return a.from < b.from; });
        for (const PackedSegment& s : m_.segments_)
            m_.segmentKinds_ |= 1u << unsigned(s.kind);
        for (const TimelineMarker& mk : m_.markers_)
            m_.markerKinds_ |= 1u << unsigned(mk.kind);
        for (const TimelineArrow& a : m_.arrows_)
            m_.arrowKinds_ |= 1u << unsigned(a.kind);
        std::sort(m_.joins_.begin(), m_.joins_.end());
        m_.joins_.erase(std::unique(m_.joins_.begin(), m_.joins_.end()), m_.joins_.end());
        // The model lives as long as its run is shown: no growth slack.
        m_.rows_.shrink_to_fit();
        m_.rowOfTask_.shrink_to_fit();
        m_.markers_.shrink_to_fit();
        m_.arrows_.shrink_to_fit();
        m_.joins_.shrink_to_fit();
        m_.slotFirstEvent_.shrink_to_fit();
        m_.passFirstEvent_.shrink_to_fit();
    }

    // Row-major order, each row's segments in the order they closed (a counting sort by row).
    void sortSegments()
    {
        const size_t rows = m_.rows_.size();
        std::vector<uint32_t> count(rows + 1, 0);
        for (const ClosedSegment& c : closed_)
            ++count[c.row + 1];
        for (size_t r = 0; r < rows; ++r) {
            count[r + 1] += count[r];
            m_.rows_[r].firstSegment = count[r];
        }
        m_.segments_.resize(closed_.size());
        m_.segmentSlots_.resize(closed_.size());
        // A sleep with a deadline ends where its row's next segment starts (the next one of its
        // row in closed_), or where the row ends: (segment, its deadline) until then, by row.
        std::vector<std::pair<uint32_t, double>> sleepOfRow(sleepDeadlines_.empty() ? 0 : rows,
                                                            {UINT32_MAX, 0.0});
        size_t nextDeadline = 0;
        for (const ClosedSegment& c : closed_) {
            const uint32_t at = count[c.row]++;
            PackedSegment& p = m_.segments_[at];
            p = PackedSegment{c.seg.event, c.seg.kind, c.seg.flags, c.seg.ahead};
            if (c.seg.flags & PackedSegment::kStartElsewhere)
                m_.startsElsewhere_.emplace_back(at, c.seg.start);
            m_.segmentSlots_[at] = c.slot;
            if (sleepOfRow.empty())
                continue;
            auto& sleep = sleepOfRow[c.row];
            if (sleep.first != UINT32_MAX)
                settleDeadline(sleep.first, sleep.second, c.seg.start);
            sleep = {UINT32_MAX, 0.0};
            if (c.seg.flags & kHasDeadline)
                sleep = {at, sleepDeadlines_[nextDeadline++]};
        }
        for (size_t r = 0; r < sleepOfRow.size(); ++r)
            if (sleepOfRow[r].first != UINT32_MAX)
                settleDeadline(sleepOfRow[r].first, sleepOfRow[r].second, m_.rows_[r].end);
        std::vector<double>().swap(sleepDeadlines_);
        std::sort(m_.startsElsewhere_.begin(), m_.startsElsewhere_.end());
        m_.startsElsewhere_.shrink_to_fit();
        std::sort(m_.deadlinesElsewhere_.begin(), m_.deadlinesElsewhere_.end());
        m_.deadlinesElsewhere_.shrink_to_fit();
        m_.startSamples_.reserve(m_.segments_.size() / TimelineModel::kStartSampleEvery + 1);
        for (size_t i = 0; i < m_.segments_.size(); i += TimelineModel::kStartSampleEvery)
            m_.startSamples_.push_back(m_.segmentStartAtIndex(i));
        for (TimelineRow& row : m_.rows_)
            row.endSlot = uint32_t(m_.slotCoord(row.endEvent, false));
        m_.slotsOrdered_ = true;
        for (size_t r = 0; r < rows; ++r) {
            const auto begin = m_.segmentSlots_.begin() + m_.rows_[r].firstSegment;
            const auto end = r + 1 < rows ? m_.segmentSlots_.begin() + m_.rows_[r + 1].firstSegment
                                          : m_.segmentSlots_.end();
            m_.slotsOrdered_ = m_.slotsOrdered_ && std::is_sorted(begin, end);
        }
        std::vector<ClosedSegment>().swap(closed_);
    }

    // Sleep [at] with [deadline] ends at [end]: whether it reached its deadline (as the view's
    // mark tells it), and the deadline kept aside when it is not that end.
    void settleDeadline(uint32_t at, double deadline, double end)
    {
        if (end >= deadline - kSameInstant)
            m_.segments_[at].flags |= kDeadlineReached;
        if (end != deadline)
            m_.deadlinesElsewhere_.emplace_back(at, deadline);
    }

    TimelineModel& m_;
    const TraceEvents& events_;
    TraceEvent cur_;                 // the event being dispatched (a copy: the trace gives values)
    uint32_t curIndex_ = UINT32_MAX; // and its position
    std::vector<Open> open_;         // by row
    std::vector<ClosedSegment> closed_;
    std::vector<double> sleepDeadlines_; // the deadline of each closed segment with kHasDeadline, in order
    std::vector<Handle> handles_;
    std::vector<bool> stepped_;
    std::unordered_multimap<uint32_t, uint32_t> parentsOf_;            // joined row -> waiting rows
    std::unordered_map<uint32_t, std::vector<uint32_t>> fanInPending_; // waiting row -> its fan-in arrows
    std::unordered_map<uint32_t, uint32_t> cancelledFrom_;             // row -> who cancelled it
    uint32_t queued_ = 0;                                              // live handles in the ready queue
    Context context_ = Context::None;
    uint32_t contextRow_ = kNoRow;
    uint32_t contextHandle_ = 0;
    uint32_t runEnded_ = 0;
    bool stuckMarked_ = false; // the deadlock marked where each task got stuck (WarningKind::Stuck)
    static constexpr uint32_t kNoDeadlock = UINT32_MAX;
    uint32_t deadlock_ = kNoDeadlock; // the first Stuck warning
};

TimelineModel TimelineModel::build(std::shared_ptr<const TraceRecorder> trace, std::string_view source,
                                   const std::atomic<bool>* cancel)
{
    TimelineModel model;
    model.trace_ = trace ? std::move(trace) : std::make_shared<TraceRecorder>();
    size_t start = 0;
    while (start < source.size()) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos)
            nl = source.size();
        model.sourceLines_.emplace_back(source.substr(start, nl - start));
        start = nl + 1;
    }
    TimelineModelBuilder builder(model);
    if (!builder.run(cancel)) {
        // Stopped half way: an empty model of the same trace, never a half-sorted one.
        TimelineModel empty;
        empty.trace_ = model.trace_;
        return empty;
    }
    return model;
}

} // namespace loopscope
