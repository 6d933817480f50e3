#include "trace.h"

namespace loopscope {

// -- Names -----------------------------------------------------------------------------------

std::string_view eventKindName(EventKind kind)
{
    static constexpr std::string_view names[] = {
#define TRACE_EVENT(name, py, doc) #name,
#include "trace_events.def"
#undef TRACE_EVENT
    };
    return size_t(kind) < std::size(names) ? names[size_t(kind)] : std::string_view("?");
}

std::string_view waitKindName(WaitKind kind)
{
    static constexpr std::string_view names[] = {
#define WAIT_KIND(name, py, doc) #name,
#include "trace_events.def"
#undef WAIT_KIND
    };
    return size_t(kind) < std::size(names) ? names[size_t(kind)] : std::string_view("?");
}

std::string_view waitKindDescription(WaitKind kind)
{
    static constexpr std::string_view descriptions[] = {
#define WAIT_KIND(name, py, doc) doc,
#include "trace_events.def"
#undef WAIT_KIND
    };
    return size_t(kind) < std::size(descriptions) ? descriptions[size_t(kind)] : std::string_view("?");
}

// -- Events ----------------------------------------------------------------------------------

TraceEvent TraceEvent::make(EventKind kind, double t, TaskId task)
{
    TraceEvent e;
    e.kind = kind;
    e.t = t;
    e.task = task;
    return e;
}

bool TraceEvent::hasLine() const
{
    switch (kind) {
    case EventKind::TaskCreated:
    case EventKind::StepBegan:
    case EventKind::StepEnded:
    case EventKind::TaskFinished:
    case EventKind::CancelRequested:
    case EventKind::BlockingCall:
    case EventKind::Output:
    case EventKind::Warning:
    case EventKind::Statement:
    case EventKind::RunEnded:
        return true;
    default:
        return false;
    }
}

bool TraceEvent::hasText() const
{
    switch (kind) {
    case EventKind::TaskFinished:
    case EventKind::CancelRequested:
    case EventKind::BlockingCall:
    case EventKind::Output:
    case EventKind::Warning:
    case EventKind::RunEnded:
        return true;
    default:
        return false;
    }
}

bool TraceEvent::hasHandle() const
{
    switch (kind) {
    case EventKind::StepBegan:
    case EventKind::ReadyPushed:
    case EventKind::TimerScheduled:
    case EventKind::TimerFired:
    case EventKind::HandleCancelled:
    case EventKind::CallbackRan:
        return true;
    default:
        return false;
    }
}

TraceEvent TraceEvent::taskCreated(double t, TaskId task, StringId name, StringId coroName, TaskId creator,
                                   uint32_t line)
{
    TraceEvent e = make(EventKind::TaskCreated, t, task);
    e.a_ = name.value;
    e.x_.words[0] = coroName.value;
    e.x_.words[1] = creator.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::taskRenamed(double t, TaskId task, StringId name)
{
    TraceEvent e = make(EventKind::TaskRenamed, t, task);
    e.a_ = name.value;
    return e;
}

TraceEvent TraceEvent::stepBegan(double t, TaskId task, HandleId handle, uint32_t line)
{
    TraceEvent e = make(EventKind::StepBegan, t, task);
    e.a_ = handle.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::stepEnded(double t, TaskId task, uint32_t line, WaitKind wait, uint32_t target,
                                 double deadline)
{
    TraceEvent e = make(EventKind::StepEnded, t, task);
    e.b_ = line;
    e.sub_ = uint8_t(wait);
    e.a_ = target;
    e.x_.time = deadline;
    return e;
}

TraceEvent TraceEvent::taskFinished(double t, TaskId task, EndStatus status, StringId text, uint32_t line)
{
    TraceEvent e = make(EventKind::TaskFinished, t, task);
    e.sub_ = uint8_t(status);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::cancelRequested(double t, TaskId task, TaskId canceller, StringId message,
                                       uint32_t line)
{
    TraceEvent e = make(EventKind::CancelRequested, t, task);
    e.x_.words[0] = canceller.value;
    e.a_ = message.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::readyPushed(double t, TaskId task, HandleId handle, HandleKind kind,
                                   StringId callbackName)
{
    TraceEvent e = make(EventKind::ReadyPushed, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    return e;
}

TraceEvent TraceEvent::timerScheduled(double t, TaskId task, HandleId handle, TimerKind kind,
                                      StringId callbackName, double deadline)
{
    TraceEvent e = make(EventKind::TimerScheduled, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    e.x_.time = deadline;
    return e;
}

TraceEvent TraceEvent::timerFired(double t, TaskId task, HandleId handle, double deadline)
{
    TraceEvent e = make(EventKind::TimerFired, t, task);
    e.a_ = handle.value;
    e.x_.time = deadline;
    return e;
}

TraceEvent TraceEvent::handleCancelled(double t, TaskId task, HandleId handle)
{
    TraceEvent e = make(EventKind::HandleCancelled, t, task);
    e.a_ = handle.value;
    return e;
}

TraceEvent TraceEvent::callbackRan(double t, TaskId task, HandleId handle, HandleKind kind,
                                   StringId callbackName)
{
    TraceEvent e = make(EventKind::CallbackRan, t, task);
    e.a_ = handle.value;
    e.sub_ = uint8_t(kind);
    e.b_ = callbackName.value;
    return e;
}

TraceEvent TraceEvent::passBegan(double t, uint32_t passIndex)
{
    TraceEvent e = make(EventKind::PassBegan, t, TaskId{});
    e.a_ = passIndex;
    return e;
}

TraceEvent TraceEvent::clockJumped(double t, double newTime)
{
    TraceEvent e = make(EventKind::ClockJumped, t, TaskId{});
    e.x_.time = newTime;
    return e;
}

TraceEvent TraceEvent::blockingCall(double t, TaskId task, StringId text, uint32_t line, double endTime)
{
    TraceEvent e = make(EventKind::BlockingCall, t, task);
    e.a_ = text.value;
    e.b_ = line;
    e.x_.time = endTime;
    return e;
}

TraceEvent TraceEvent::output(double t, TaskId task, StringId text, uint32_t line)
{
    TraceEvent e = make(EventKind::Output, t, task);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::warning(double t, TaskId task, WarningKind kind, StringId text, uint32_t line,
                               double aboutTime)
{
    TraceEvent e = make(EventKind::Warning, t, task);
    e.sub_ = uint8_t(kind);
    e.a_ = text.value;
    e.b_ = line;
    e.x_.time = aboutTime;
    return e;
}

TraceEvent TraceEvent::statement(double t, TaskId task, uint32_t line)
{
    TraceEvent e = make(EventKind::Statement, t, task);
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::runEnded(double t, EndStatus status, StringId text, uint32_t line)
{
    TraceEvent e = make(EventKind::RunEnded, t, TaskId{});
    e.sub_ = uint8_t(status);
    e.a_ = text.value;
    e.b_ = line;
    return e;
}

TraceEvent TraceEvent::loopClosed(double t)
{
    return make(EventKind::LoopClosed, t, TaskId{});
}

TraceEvent TraceEvent::taskJoined(double t, TaskId task, TaskId awaitedTask)
{
    TraceEvent e = make(EventKind::TaskJoined, t, task);
    e.a_ = awaitedTask.value;
    return e;
}

// -- The recorder ----------------------------------------------------------------------------

StringId TraceRecorder::intern(std::string_view text)
{
    if (text.empty())
        return {};
    if (auto it = stringIndex_.find(text); it != stringIndex_.end())
        return StringId{it->second};
    const uint32_t id = uint32_t(strings_.size());
    stringIndex_.emplace(strings_.emplace_back(text), id);
    return StringId{id};
}

std::string TraceRecorder::taskName(const TraceEvent& created) const
{
    if (created.name().value == 0)
        return "Task-" + std::to_string(created.task.value);
    return std::string(string(created.name()));
}

size_t TraceRecorder::memoryBytes() const
{
    size_t bytes = events_.capacityBytes();
    for (const auto& s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
    // The index: one bucket pointer each, and a node holding key, id, hash and link.
    bytes += stringIndex_.bucket_count() * sizeof(void*) +
             stringIndex_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*) + 4);
    return bytes;
}

} // namespace loopscope
