// `loopscope state`'s JSON (state_json.h).

#include "state_json.h"

#include "../format/float_repr.h"
#include "../trace_json.h"

namespace loopscope {

namespace {

void appendKey(std::string& out, std::string_view key)
{
    appendJsonString(out, key);
    out += ": ";
}

void appendFrame(const FrameSnapshot& frame, std::string& out)
{
    out += '{';
    appendKey(out, "function");
    appendJsonString(out, frame.function);
    out += ", ";
    appendKey(out, "line");
    out += std::to_string(frame.line);
    out += ", ";
    appendKey(out, "locals");
    out += '{';
    bool first = true;
    for (const auto& [name, value] : frame.locals) {
        if (!first)
            out += ", ";
        first = false;
        appendKey(out, name);
        appendJsonString(out, value.repr);
    }
    out += "}}";
}

void appendTask(const TaskSnapshot& task, std::string& out)
{
    out += '{';
    appendKey(out, "name");
    appendJsonString(out, task.name);
    out += ", ";
    appendKey(out, "coro");
    appendJsonString(out, task.coroutine);
    out += ", ";
    appendKey(out, "state");
    appendJsonString(out, taskStatusName(task.status));
    out += ", ";
    appendKey(out, "stack");
    out += '[';
    for (size_t i = 0; i < task.stack.size(); ++i) {
        if (i)
            out += ", ";
        appendFrame(task.stack[i], out);
    }
    out += "]}";
}

} // namespace

void appendStateJson(const StepSnapshot& s, std::string& out)
{
    out += '{';
    appendKey(out, "step");
    out += std::to_string(s.step);
    out += ", ";
    appendKey(out, "t");
    out += floatRepr(s.time);
    out += ", ";
    appendKey(out, "task");
    appendJsonString(out, s.taskName);
    out += ", ";
    appendKey(out, "ready");
    out += '[';
    for (size_t i = 0; i < s.ready.size(); ++i) {
        const ReadySnapshot& r = s.ready[i];
        if (i)
            out += ", ";
        out += '{';
        const bool isTask = r.kind == HandleKind::TaskStep || r.kind == HandleKind::TaskWakeup;
        appendKey(out, isTask ? "task" : "callback");
        appendJsonString(out, isTask ? r.taskName : r.callback);
        out += '}';
    }
    out += "], ";
    appendKey(out, "timers");
    out += '[';
    for (size_t i = 0; i < s.timers.size(); ++i) {
        if (i)
            out += ", ";
        out += floatRepr(s.timers[i].when);
    }
    out += "], ";
    appendKey(out, "tasks");
    out += '[';
    for (size_t i = 0; i < s.tasks.size(); ++i) {
        if (i)
            out += ", ";
        appendTask(s.tasks[i], out);
    }
    out += "]}\n";
}

} // namespace loopscope
