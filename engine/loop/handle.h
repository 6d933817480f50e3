#pragma once
// Handles: what the loop will run. HandleObj is the Handle / TimerHandle that Python code sees
// (call_soon, call_later, call_at return one; it can be cancelled). ReadyItem is one entry of
// the loop's ready queue, which CPython keeps as a Handle too: a task's step or wakeup and a
// future's done callback need no Python object, so only handles Python can see are HandleObjs.

#include <cstdint>
#include <string>
#include <utility>

#include "../object.h"
#include "../trace.h"

namespace loopscope {

class VM;
struct EventLoopObj;

struct HandleObj final : NativeObj {
    HandleObj(ClassObj* cls, Value loop, Value callback, Value args, bool isTimer);

    // Small fields first: they share the tail padding of NativeObj.
    bool isTimer;
    bool cancelled = false;
    bool queued = false;    // in the ready queue (a call_soon handle is created there)
    bool scheduled = false; // in the timer heap
    TimerKind timerKind = TimerKind::Callback;
    HandleId id;
    TaskId owner; // the task that scheduled it (a timer), for the trace; 0: none
    double when = 0;
    Value whenValue; // the deadline as given (call_at(5) keeps an int), for when() and repr
    Value loop;      // EventLoopObj
    Value callback;
    Value args; // TupleObj

    // Handle.cancel(): drops the callback; a scheduled timer counts towards the loop's cleanup.
    void cancel(VM& vm);
    // "<Handle boom('x')>", "<TimerHandle when=3.0 tick()>", as CPython's repr.
    std::string repr(VM& vm) const;
};

// `boom('first')`: a callback's name and its arguments, as CPython shows a handle.
std::string formatCallback(VM& vm, const Value& callback, const Value* args, size_t count);
// The qualified name of a callable, for CallbackRan and ReadyPushed events.
std::string callableName(VM& vm, const Value& callback);
// What "Exception in callback ..." names: formatCallback, plus where a plain function is defined
// (CPython's _format_callback_source).
std::string formatCallbackForMessage(VM& vm, const Value& callback, const Value& args);

struct AsyncioRuntime;
// Creates Handle and TimerHandle and adds them to the _asyncio [module].
void registerHandleClasses(VM& vm, AsyncioRuntime& rt, const Value& module);

struct ReadyItem {
    enum class Action : uint8_t {
        Step,         // a task's step: [target] the TaskObj, [arg] the exception to throw in, or Empty
        Wakeup,       // a task's wakeup: [target] the TaskObj, [arg] the future it awaited
        Handle,       // [target] a HandleObj (call_soon, or a timer that fired)
        DoneCallback, // [target] a future's done callback, [arg] the future
        SleepTimer,   // [target] a SleepObj whose timer fired: sets its result unless cancelled
    };
    // Built in place in the ready deque (emplace_back): Clang 14, which the fuzz build uses,
    // has no aggregate initialisation with parentheses.
    ReadyItem() = default;
    ReadyItem(Action action, HandleId id, Value target, Value arg)
        : action(action), id(id), target(std::move(target)), arg(std::move(arg))
    {
    }

    Action action = Action::Handle;
    HandleId id;
    Value target;
    Value arg;

    HandleKind handleKind() const
    {
        return action == Action::Step     ? HandleKind::TaskStep
               : action == Action::Wakeup ? HandleKind::TaskWakeup
                                          : HandleKind::Callback;
    }
};

} // namespace loopscope
