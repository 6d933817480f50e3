// The `_loopscope` module's trace constants: the values of trace_events.def's lists (EV_*,
// WAIT_*, STATUS_*, HANDLE_*, TIMER_*, WARNING_*) for asyncio's Python side, which labels what a
// task waits on (`fut._ls_kind = _loopscope.WAIT_QUEUE`) and the warnings it prints. The lists
// are not copied: they are included from the .def. The events themselves are written by the
// native core (engine/loop/).

#include "../vm.h"

namespace loopscope {

namespace {

void addConstant(VM& vm, const Value& module, const std::string& name, int64_t value)
{
    moduleSet(vm, module, name.c_str(), Value::integer(value));
}

} // namespace

void addTraceConstants(VM& vm, const Value& m)
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
}

} // namespace loopscope
