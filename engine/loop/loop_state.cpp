// Reading the event loop's state (loop_state.h) out of the native core, without running Python.

#include "loop_state.h"

#include <algorithm>

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "sleep.h"
#include "task.h"

namespace loopscope {

namespace {

// A callback's name as the trace gives it, read without the attribute protocol.
std::string callbackName(const Value& callback)
{
    if (!callback.isObject())
        return "";
    const Obj* o = callback.asObject();
    switch (o->kind) {
    case ObjKind::Function: {
        const auto* f = static_cast<const FunctionObj*>(o);
        return isStr(f->qualname) ? strText(f->qualname) : isStr(f->name) ? strText(f->name) : "";
    }
    case ObjKind::NativeFunction:
        return static_cast<const NativeFunctionObj*>(o)->name;
    case ObjKind::BoundMethod:
        return callbackName(static_cast<const BoundMethodObj*>(o)->func);
    default:
        return o->cls ? o->cls->name : "";
    }
}

FrameState frameState(Frame* frame, bool started)
{
    FrameState state;
    CodeObj* code = frame->code;
    state.function = isStr(code->qualname) ? strText(code->qualname) : strText(code->name);
    state.filename = code->filename;
    state.line = started ? uint32_t(frame->line()) : uint32_t(code->firstLine);
    Value* slots = frame->slots();
    const size_t nlocals = code->varnames.size();
    const size_t ncells = code->cellvars.size();
    // A parameter that a closure captures lives in its cell; its own slot keeps the value it was
    // called with. f_locals shows the cell's value at the parameter's place.
    std::vector<const Value*> values(nlocals);
    for (size_t i = 0; i < nlocals; ++i)
        values[i] = &slots[i];
    for (size_t i = 0; i < ncells; ++i) {
        const int parameter = i < code->cellFromArg.size() ? code->cellFromArg[i] : -1;
        const Value& cell = slots[nlocals + i];
        if (parameter >= 0 && size_t(parameter) < nlocals && isKind(cell, ObjKind::Cell))
            values[size_t(parameter)] = &cell.as<CellObj>()->value;
    }
    for (size_t i = 0; i < nlocals; ++i)
        if (!values[i]->isEmpty())
            state.locals.emplace_back(strText(code->varnames[i]), *values[i]);
    // Then the other cells, then the free variables, each by name: CPython's compiler sorts
    // them so (and f_locals follows), where this one numbers them as they appear.
    std::vector<std::pair<std::string, Value>> cells, frees;
    for (size_t i = 0; i < ncells + code->freevars.size(); ++i) {
        const Value& cell = slots[nlocals + i];
        if ((i < ncells && i < code->cellFromArg.size() && code->cellFromArg[i] >= 0) ||
            !isKind(cell, ObjKind::Cell) || cell.as<CellObj>()->value.isEmpty())
            continue;
        const Value& name = i < ncells ? code->cellvars[i] : code->freevars[i - ncells];
        (i < ncells ? cells : frees).emplace_back(strText(name), cell.as<CellObj>()->value);
    }
    for (auto* group : {&cells, &frees}) {
        std::sort(group->begin(), group->end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& local : *group)
            state.locals.push_back(std::move(local));
    }
    return state;
}

// The scenario frames of [coro] and of the coroutines it awaits, outermost first.
std::vector<FrameState> stackOf(const Value& coro)
{
    std::vector<FrameState> stack;
    Value current = coro;
    while (isKind(current, ObjKind::Generator)) {
        auto* g = current.as<GeneratorObj>();
        if (g->finished())
            break;
        if (!(g->frame()->code->flags & kHidden))
            stack.push_back(frameState(g->frame(), g->started));
        current = g->yieldFrom;
    }
    return stack;
}

// The scenario frames of a task whose coroutine runs now (a state read in the middle of a step):
// from the coroutine's own frame to the frame executing, plain calls included, outermost first.
// Empty when [coro]'s frame is not on the VM's stack.
std::vector<FrameState> runningStackOf(const VM& vm, const Value& coro)
{
    std::vector<FrameState> stack;
    if (!isKind(coro, ObjKind::Generator) || !coro.as<GeneratorObj>()->running)
        return stack;
    const Frame* own = coro.as<GeneratorObj>()->frame();
    for (Frame* f = vm.currentFrame(); f; f = f->back) {
        if (!(f->code->flags & kHidden))
            stack.push_back(frameState(f, true));
        if (f == own) {
            std::reverse(stack.begin(), stack.end());
            return stack;
        }
    }
    return {};
}

TaskState taskState(const VM& vm, TaskObj* task, const EventLoopObj* loop)
{
    TaskState state;
    state.id = task->id;
    state.name = task->taskName();
    state.coroutine = isKind(task->coro, ObjKind::Generator) && isStr(task->coro.as<GeneratorObj>()->name())
                          ? strText(task->coro.as<GeneratorObj>()->name())
                      : !task->coro.isEmpty() ? task->coro.get()->cls->name
                                              : "";
    state.running = loop->currentTask == task;
    state.started = !isKind(task->coro, ObjKind::Generator) || task->coro.as<GeneratorObj>()->started;
    if (!task->waiter.isEmpty()) {
        state.waitingOn = waiterDescription(task->waiter);
        if (FutureObj* f = asFuture(task->waiter)) {
            state.wait = f->waitKind;
            if (f->waitKind == WaitKind::Task)
                state.awaitedTask =
                    f->nativeKind == NativeKind::Task ? static_cast<TaskObj*>(f)->id : f->waitTask();
            state.deadline = waitDeadline(*task);
        } else if (isNative(task->waiter, NativeKind::TaskSleep)) {
            state.wait = WaitKind::Timer;
            state.deadline = waitDeadline(*task);
        } else {
            state.wait = WaitKind::Future;
        }
    }
    state.stack = runningStackOf(vm, task->coro);
    if (state.stack.empty())
        state.stack = stackOf(task->coro);
    return state;
}

} // namespace

std::optional<LoopState> readLoopState(const VM& vm)
{
    const EventLoopObj* loop = vm.asyncio().running();
    if (!loop)
        return std::nullopt;
    LoopState state;
    state.time = vm.now();
    state.passes = loop->passes;
    state.running = loop->currentTask ? loop->currentTask->id : TaskId{};
    for (const ReadyItem& item : loop->ready) {
        ReadyState r;
        r.id = item.id;
        r.kind = item.handleKind();
        switch (item.action) {
        case ReadyItem::Action::Step:
        case ReadyItem::Action::Wakeup:
            r.task = item.target.as<TaskObj>()->id;
            break;
        case ReadyItem::Action::Handle: {
            const auto* h = item.target.as<HandleObj>();
            r.task = h->owner;
            r.callback = callbackName(h->callback);
            r.cancelled = h->cancelled;
            break;
        }
        case ReadyItem::Action::DoneCallback:
            r.callback = callbackName(item.target);
            break;
        case ReadyItem::Action::SleepTimer: {
            r.task = sleepTimerOwner(item.target.asObject());
            r.callback = "_set_result_unless_cancelled";
            r.cancelled = sleepTimerOf(item.target.asObject())->cancelled;
            break;
        }
        }
        state.ready.push_back(std::move(r));
    }
    for (const TimerEntry& entry : loop->timers.inFiringOrder()) {
        TimerState t;
        t.when = entry.when;
        if (const SleepTimer* sleep = sleepTimerOf(entry.timer)) {
            t.id = sleep->id;
            t.kind = TimerKind::Sleep;
            t.owner = sleepTimerOwner(entry.timer);
            t.cancelled = sleep->cancelled;
        } else {
            const auto* h = static_cast<const HandleObj*>(entry.timer);
            t.id = h->id;
            t.kind = h->timerKind;
            t.owner = h->owner;
            t.callback = callbackName(h->callback);
            t.cancelled = h->cancelled;
        }
        state.timers.push_back(std::move(t));
    }
    vm.asyncio().pending.forEach([&](TaskObj* task) {
        // A task left pending on a loop that no longer runs is still pending, with its frames.
        if (task->state == FutureState::Pending)
            state.tasks.push_back(taskState(vm, task, loop));
    });
    return state;
}

} // namespace loopscope
