// The `_loopscope` module's trace calls: one typed function per event kind, positional
// arguments only (no keyword parsing on the hot path), and the constants of
// trace_events.def (EV_*, WAIT_*, STATUS_*, HANDLE_*, TIMER_*, WARNING_*) for the Python
// side of the asyncio model. The lists are not copied: they are included from the .def.

#include "../vm.h"

namespace loopscope {

namespace {

uint32_t idArg(VM& vm, const Value& v)
{
    return v.isNone() || v.isEmpty() ? 0 : uint32_t(vm.toIndex(v));
}

// A name or label argument: None (no string) or a str, interned in the trace's table.
StringId textArg(VM& vm, const Value& v)
{
    if (v.isNone() || v.isEmpty() || !vm.tracing())
        return {};
    return StringId{vm.internTrace(isStr(v) ? std::string_view(strText(v)) : std::string_view(vm.str(v)))};
}

double timeArg(VM& vm, const Value& v)
{
    return v.isNone() || v.isEmpty() ? 0.0 : vm.toDouble(v);
}

template <class Enum> Enum enumArg(VM& vm, const Value& v)
{
    const int64_t i = vm.toIndex(v);
    if (i < 0 || i >= int64_t(enumCount<Enum>()))
        vm.raise(ExcType::ValueError, "trace enum value out of range: " + std::to_string(i));
    return Enum(i);
}

void addConstant(VM& vm, const Value& module, const std::string& name, int64_t value)
{
    moduleSet(vm, module, name.c_str(), Value::integer(value));
}

} // namespace

void addTraceFunctions(VM& vm, const Value& m)
{
    int64_t i = 0;
#define TRACE_EVENT(name, py, doc) addConstant(vm, m, "EV_" #py, i++);
#include "../trace_events.def"
#undef TRACE_EVENT
    i = 0;
#define WAIT_KIND(name, py, doc) addConstant(vm, m, "WAIT_" #py, i++);
#include "../trace_events.def"
#undef WAIT_KIND
    i = 0;
#define END_STATUS(name, py, doc) addConstant(vm, m, "STATUS_" #py, i++);
#include "../trace_events.def"
#undef END_STATUS
    i = 0;
#define HANDLE_KIND(name, py, doc) addConstant(vm, m, "HANDLE_" #py, i++);
#include "../trace_events.def"
#undef HANDLE_KIND
    i = 0;
#define TIMER_KIND(name, py, doc) addConstant(vm, m, "TIMER_" #py, i++);
#include "../trace_events.def"
#undef TIMER_KIND
    i = 0;
#define WARNING_KIND(name, py, doc) addConstant(vm, m, "WARNING_" #py, i++);
#include "../trace_events.def"
#undef WARNING_KIND

    moduleAddFunction(vm, m, "task_created", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "task_created", 5, 5); // (task, name or None, coro_name, creator, line)
        vm.record(TraceEvent::taskCreated(vm.now(), TaskId{idArg(vm, a[0])}, textArg(vm, a[1]),
                                          textArg(vm, a[2]), TaskId{idArg(vm, a[3])}, idArg(vm, a[4])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "task_renamed", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "task_renamed", 2, 2); // (task, name)
        vm.record(TraceEvent::taskRenamed(vm.now(), TaskId{idArg(vm, a[0])}, textArg(vm, a[1])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "step_began", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "step_began", 3, 3); // (task, handle, line)
        vm.currentTask = TaskId{idArg(vm, a[0])};
        vm.record(
            TraceEvent::stepBegan(vm.now(), vm.currentTask, HandleId{idArg(vm, a[1])}, idArg(vm, a[2])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "step_ended", [](VM& vm, const CallArgs& a) {
        // (task, line, wait, target, deadline): target is the awaited task's id, or a label.
        checkArgs(vm, a, "step_ended", 5, 5);
        const WaitKind wait = enumArg<WaitKind>(vm, a[2]);
        const uint32_t target = wait == WaitKind::Task ? idArg(vm, a[3]) : textArg(vm, a[3]).value;
        vm.record(TraceEvent::stepEnded(vm.now(), TaskId{idArg(vm, a[0])}, idArg(vm, a[1]), wait, target,
                                        timeArg(vm, a[4])));
        vm.currentTask = TaskId{};
        return Value::none();
    });
    moduleAddFunction(vm, m, "task_finished", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "task_finished", 4, 4); // (task, status, text, line)
        vm.record(TraceEvent::taskFinished(vm.now(), TaskId{idArg(vm, a[0])}, enumArg<EndStatus>(vm, a[1]),
                                           textArg(vm, a[2]), idArg(vm, a[3])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "cancel_requested", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "cancel_requested", 3, 3); // (task, canceller, message or None)
        vm.record(TraceEvent::cancelRequested(vm.now(), TaskId{idArg(vm, a[0])}, TaskId{idArg(vm, a[1])},
                                              textArg(vm, a[2]), vm.scenarioLine()));
        return Value::none();
    });
    moduleAddFunction(vm, m, "ready_pushed", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "ready_pushed", 4, 4); // (task, handle, handle kind, callback name or None)
        vm.record(TraceEvent::readyPushed(vm.now(), TaskId{idArg(vm, a[0])}, HandleId{idArg(vm, a[1])},
                                          enumArg<HandleKind>(vm, a[2]), textArg(vm, a[3])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "timer_scheduled", [](VM& vm, const CallArgs& a) {
        // (task, handle, timer kind, callback name or None, deadline)
        checkArgs(vm, a, "timer_scheduled", 5, 5);
        vm.record(TraceEvent::timerScheduled(vm.now(), TaskId{idArg(vm, a[0])}, HandleId{idArg(vm, a[1])},
                                             enumArg<TimerKind>(vm, a[2]), textArg(vm, a[3]),
                                             timeArg(vm, a[4])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "timer_fired", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "timer_fired", 3, 3); // (task, handle, deadline)
        vm.record(TraceEvent::timerFired(vm.now(), TaskId{idArg(vm, a[0])}, HandleId{idArg(vm, a[1])},
                                         timeArg(vm, a[2])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "handle_cancelled", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "handle_cancelled", 2, 2); // (task, handle)
        vm.record(TraceEvent::handleCancelled(vm.now(), TaskId{idArg(vm, a[0])}, HandleId{idArg(vm, a[1])}));
        return Value::none();
    });
    moduleAddFunction(vm, m, "callback_ran", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "callback_ran", 4, 4); // (task, handle, handle kind, callback name or None)
        vm.record(TraceEvent::callbackRan(vm.now(), TaskId{idArg(vm, a[0])}, HandleId{idArg(vm, a[1])},
                                          enumArg<HandleKind>(vm, a[2]), textArg(vm, a[3])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "pass_began", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "pass_began", 1, 1); // (index)
        vm.pollCancel();                      // once per pass: the loop model's own work is cancellable too
        vm.record(TraceEvent::passBegan(vm.now(), idArg(vm, a[0])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "clock_jumped", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "clock_jumped", 1, 1); // (new time); the event is stamped with the old one
        vm.record(TraceEvent::clockJumped(vm.now(), timeArg(vm, a[0])));
        return Value::none();
    });
    moduleAddFunction(vm, m, "task_joined", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "task_joined", 2, 2); // (task, awaited task)
        vm.record(TraceEvent::taskJoined(vm.now(), TaskId{idArg(vm, a[0])}, TaskId{idArg(vm, a[1])}));
        return Value::none();
    });
    moduleAddFunction(vm, m, "loop_closed", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "loop_closed", 0, 0);
        vm.record(TraceEvent::loopClosed(vm.now()));
        return Value::none();
    });
}

} // namespace loopscope
