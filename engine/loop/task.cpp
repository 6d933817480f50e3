// asyncio.Task: creation and names, the step that resumes the coroutine, waiting on what it
// yields, wakeup, cancellation, finishing, and the task's Python API. Mirrors the pure-Python
// Task of Lib/asyncio/tasks.py (the one the reference harness records), with the C Task's
// tracebacks. Every task event of the trace is written here: TaskCreated, TaskRenamed,
// StepBegan, StepEnded, TaskFinished, CancelRequested.

#include "task.h"

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "native_args.h"
#include "sleep.h"

namespace loopscope {

// -- Coroutines ------------------------------------------------------------------------------

uint32_t coroutineLine(const Value& coro)
{
    if (!isKind(coro, ObjKind::Generator))
        return 0;
    auto* g = coro.as<GeneratorObj>();
    if (g->finished())
        return 0;
    if (!g->started)
        return uint32_t(g->frame()->code->firstLine);
    // A coroutine suspended in an await of another coroutine reports the innermost scenario line.
    GeneratorObj* inner = g;
    int line = g->frame()->line();
    // Read through the reference itself: a Value made from it would count a reference per step.
    while (Obj* sub = inner->yieldFrom.get()) {
        if (sub->kind != ObjKind::Generator)
            break;
        inner = static_cast<GeneratorObj*>(sub);
        if (inner->finished() || (inner->frame()->code->flags & kHidden))
            break;
        line = inner->frame()->line();
    }
    return uint32_t(line);
}

// coroutineLine([coro]) for a task's step that yielded bare. When the line is the coroutine's own
// (it awaits no coroutine: the shared sleep(0)) and no statements are recorded, it is kept in the
// coroutine's frame (Frame::lastLine, free then) for the next StepBegan (stepBeganLine): only a
// resume of that frame can move it, and VM::resume clears it first.
static uint32_t keepBareYieldLine(VM& vm, const Value& coro)
{
    if (isKind(coro, ObjKind::Generator) && !vm.recordsStatements()) {
        auto* g = coro.as<GeneratorObj>();
        const Obj* sub = g->yieldFrom.get();
        Frame* f = g->frame(); // suspended in the yield: started, not finished
        if (f && (!sub || sub->kind != ObjKind::Generator)) {
            const uint32_t line = uint32_t(f->line()); // coroutineLine's, with nothing to walk
            if (line < Frame::kKeptLine)
                f->lastLine = line | Frame::kKeptLine;
            return line;
        }
    }
    return coroutineLine(coro);
}

// The line a task's step begins at: coroutineLine([coro]), or the line kept when its last step
// yielded bare (keepBareYieldLine), the same without walking the coroutine again (once a switch).
static uint32_t stepBeganLine(const Value& coro)
{
    if (isKind(coro, ObjKind::Generator)) {
        const Frame* f = coro.as<GeneratorObj>()->frame();
        if (f && (f->lastLine & Frame::kKeptLine))
            return f->lastLine & ~Frame::kKeptLine;
    }
    return coroutineLine(coro);
}

std::string coroutineName(VM& vm, const Value& coro)
{
    if (isKind(coro, ObjKind::Generator)) {
        const Value name = coro.as<GeneratorObj>()->name();
        if (isStr(name))
            return strText(name);
    }
    Value name;
    if (vm.tryGetAttr(coro, vm.names.__name__, name) && isStr(name))
        return strText(name);
    return vm.typeName(coro);
}

std::string formatCoroutine(VM& vm, const Value& coro)
{
    std::string name;
    Value found;
    if (vm.tryGetAttr(coro, vm.names.__qualname__, found) && isStr(found) && !strText(found).empty())
        name = strText(found);
    else if (vm.tryGetAttr(coro, vm.names.__name__, found) && isStr(found) && !strText(found).empty())
        name = strText(found);
    else
        name = "<" + vm.typeName(coro) + " without __name__>";
    std::string filename = "<scenario>";
    int firstLine = 0;
    if (isKind(coro, ObjKind::Generator) && isKind(coro.as<GeneratorObj>()->code(), ObjKind::Code)) {
        CodeObj* code = coro.as<GeneratorObj>()->code().as<CodeObj>();
        if (!code->filename.empty())
            filename = code->filename;
        firstLine = code->firstLine;
    }
    if (const uint32_t line = coroutineLine(coro))
        return name + "() running at " + filename + ":" + std::to_string(line);
    return name + "() done, defined at " + filename + ":" + std::to_string(firstLine);
}

bool isCoroutineLike(const Value& v)
{
    if (isKind(v, ObjKind::Generator))
        return v.as<GeneratorObj>()->genKind != GeneratorKind::AsyncGenerator;
    return isNative(v, NativeKind::Sleep) || isNative(v, NativeKind::SleepZero) ||
           isNative(v, NativeKind::QueueCall);
}

// What a task waiting on [waiter] waits on, for StepEnded: the kind, the awaited task's id (or a
// StringId naming what is awaited) and, for a timer, its deadline.
void describeWait(VM& vm, const TaskObj& task, WaitKind& kind, uint32_t& target, double& deadline)
{
    kind = WaitKind::Future;
    target = 0;
    deadline = 0.0;
    AsyncioRuntime& rt = vm.asyncio();
    const Value& waiter = task.waiter;
    if (isNative(waiter, NativeKind::TaskSleep)) {
        // Its own sleep: what a SleepObj's future says.
        kind = WaitKind::Timer;
        target = rt.waitDescriptionId(vm, kind).value;
        deadline = task.sleepTimer.when;
    } else if (FutureObj* f = asFuture(waiter)) {
        kind = f->waitKind;
        if (kind == WaitKind::Task) {
            target =
                f->nativeKind == NativeKind::Task ? static_cast<TaskObj*>(f)->id.value : f->waitTask().value;
            return;
        }
        if (f->nativeKind == NativeKind::Sleep)
            deadline = sleepDeadline(f);
        target = f->waitLabel ? rt.traceName(vm, f->waitLabel).value : rt.waitDescriptionId(vm, kind).value;
    } else {
        target = rt.waitDescriptionId(vm, WaitKind::Future).value;
    }
}

double waitDeadline(const TaskObj& task)
{
    if (isNative(task.waiter, NativeKind::TaskSleep))
        return task.sleepTimer.when;
    if (FutureObj* f = asFuture(task.waiter); f && f->nativeKind == NativeKind::Sleep)
        return sleepDeadline(f);
    return 0.0;
}

std::string_view waitDescription(WaitKind kind)
{
    switch (kind) {
    case WaitKind::Timer:
    case WaitKind::Future:
    case WaitKind::Lock:
    case WaitKind::Event:
    case WaitKind::Condition:
    case WaitKind::Semaphore:
    case WaitKind::Queue:
    case WaitKind::Barrier:
        return waitKindDescription(kind);
    default:
        return {};
    }
}

std::string waiterDescription(const Value& waiter)
{
    if (isNative(waiter, NativeKind::Task))
        return waiter.as<TaskObj>()->taskName();
    if (isNative(waiter, NativeKind::TaskSleep))
        return std::string(waitDescription(WaitKind::Timer));
    if (FutureObj* f = asFuture(waiter)) {
        if (f->waitLabel)
            return f->waitLabel->text;
        const std::string_view description = waitDescription(f->waitKind);
        if (!description.empty())
            return std::string(description);
    }
    return "a Future";
}

// -- TaskObj ---------------------------------------------------------------------------------

TaskObj::TaskObj(ClassObj* c) : FutureObj(c, NativeKind::Task)
{
    waitKind = WaitKind::Task;
}

TaskObj::~TaskObj()
{
    if (ownSleep != OwnSleep::None)
        if (VM* vm = VM::currentIfAny())
            dropOwnSleep(*vm, this);
}

std::string TaskObj::taskName() const
{
    const StrObj* name = givenName();
    return name ? name->text : "Task-" + std::to_string(id.value);
}

std::string TaskObj::repr(VM& vm)
{
    std::string state = stateRepr(vm);
    std::string head = state, tail;
    if (const size_t space = state.find(' '); space != std::string::npos) {
        head = state.substr(0, space);
        tail = state.substr(space);
    }
    if (mustCancel)
        head = "cancelling";
    return "<" + cls->name + " " + head + " name=" + vm.repr(vm.newStr(taskName())) + " coro=<" +
           formatCoroutine(vm, coro) + ">" + tail + ">";
}

namespace {

bool isCancelledError(VM& vm, const Value& exc)
{
    const Value& cls = vm.asyncio().cancelledError;
    return isKind(cls, ObjKind::Class) && vm.typeOf(exc)->isSubclassOf(cls.as<ClassObj>());
}

// The exceptions that end the loop, not just the task: they leave the step after its trace.
bool endsTheLoop(VM& vm, const Value& exc)
{
    ClassObj* cls = vm.typeOf(exc);
    auto isA = [&](const Value& c) {
        return isKind(c, ObjKind::Class) && cls->isSubclassOf(c.as<ClassObj>());
    };
    return cls->isSubclassOf(vm.excClass(ExcType::KeyboardInterrupt)) ||
           cls->isSubclassOf(vm.excClass(ExcType::SystemExit)) || isA(vm.limitExceededClass) ||
           isA(vm.deadlockClass);
}

// Sends None into [coro] (or throws [exc] in) however it is implemented.
ResumeStatus resumeCoroutine(VM& vm, const Value& coro, Value exc, Value& out)
{
    if (isKind(coro, ObjKind::Generator))
        return vm.resume(coro.as<GeneratorObj>(), exc.isEmpty() ? Value::none() : Value(), std::move(exc),
                         out);
    if (isAwaitDriver(coro))
        return static_cast<NativeObj*>(coro.asObject())
            ->resumeAwait(vm, exc.isEmpty() ? Value::none() : Value(), std::move(exc), out);
    try {
        out = exc.isEmpty() ? vm.callMethod(coro, vm.names.send, {Value::none()})
                            : vm.callMethod(coro, vm.names.throw_, {exc});
        return ResumeStatus::Yielded;
    } catch (PyException& e) {
        if (!vm.isInstance(e.exception, ExcType::StopIteration))
            throw;
        const auto& args = e.exception.as<ExceptionObj>()->args.as<TupleObj>()->items;
        out = args.empty() ? Value::none() : args[0];
        return ResumeStatus::Returned;
    }
}

// Whether the future's [method] is the native one: always for a sleep (whose class Python
// sees is 'coroutine') and for Future and Task themselves (builtin classes cannot be changed,
// so no lookup at every wakeup), else unless a Python subclass overrides it.
bool keepsNativeMethod(const FutureObj* future, StrObj* method)
{
    if (future->nativeKind == NativeKind::Sleep || future->cls->builtin)
        return true;
    Value* found = future->cls->lookup(method);
    return found && isKind(*found, ObjKind::NativeFunction);
}

// waiter.cancel(msg=message), through a Python override when there is one.
bool cancelFuture(VM& vm, const Value& future, const Value& message)
{
    // Two tasks awaiting each other cancel each other without end: CPython's C Task.cancel
    // recurses into RecursionError, and so does this.
    VM::NativeRecursion guard(vm, " while calling a Python object");
    StrObj* cancelName = vm.asyncio().names.cancel;
    if (FutureObj* f = asFuture(future); f && keepsNativeMethod(f, cancelName)) {
        if (f->nativeKind == NativeKind::Task)
            return static_cast<TaskObj*>(f)->cancel(vm, message);
        return f->cancel(vm, message);
    }
    Value method = vm.getAttr(future, cancelName);
    Value kwNames = vm.newTuple({vm.intern("msg")});
    const Value msg = message.isEmpty() ? Value::none() : message;
    CallArgs ca;
    ca.args = &msg;
    ca.count = 0;
    ca.kwValues = &msg;
    ca.kwNames = kwNames.as<TupleObj>();
    return vm.truthy(vm.call(method, ca));
}

Value wakeupCallback(VM& vm, const CallArgs& a)
{
    // A native "Task.task_wakeup" bound to its task, for futures that are not native.
    checkArgs(vm, a, "task_wakeup", 2, 2);
    if (!isNative(a[0], NativeKind::Task))
        vm.raise(ExcType::TypeError, "task_wakeup needs a Task");
    a[0].as<TaskObj>()->wakeup(vm, a[1]);
    return Value::none();
}

// Runs a task's step in the task's context once the program uses contextvars: the module's
// _current is the context in effect (contextvars.py), swapped in for the step and back after.
class ContextSwitch {
  public:
    ContextSwitch(VM& vm, TaskObj* task) : vm_(vm)
    {
        module_ = vm.asyncio().contextvars;
        if (module_.isEmpty())
            return;
        Value& context = task->rareFields().taskContext;
        if (context.isEmpty() || context.isNone())
            context = vm.call(vm.getAttr(module_, vm.internStr("Context")), {});
        StrObj* current = vm.internStr("_current");
        outer_ = vm.getAttr(module_, current);
        vm.setAttr(module_, current, context);
    }
    ~ContextSwitch()
    {
        try {
            restore();
        } catch (...) {
        }
    }
    ContextSwitch(const ContextSwitch&) = delete;
    ContextSwitch& operator=(const ContextSwitch&) = delete;
    // Whether a context is switched in for the step.
    bool active() const { return !module_.isEmpty(); }
    void restore()
    {
        if (module_.isEmpty())
            return;
        Value module = std::move(module_);
        module_ = Value();
        vm_.setAttr(module, vm_.internStr("_current"), std::move(outer_));
    }

  private:
    VM& vm_;
    Value module_; // Empty: nothing to switch
    Value outer_;
};

} // namespace

void TaskObj::step(VM& vm, Value exc)
{
    // The task lives through its step: the ready item that runs it holds it (EventLoopObj::run).
    if (state != FutureState::Pending)
        raiseAsyncio(vm, vm.asyncio().invalidStateError,
                     "_step(): already done: " + repr(vm) + ", " + (exc.isEmpty() ? "None" : vm.repr(exc)));
    if (mustCancel) {
        if (exc.isEmpty() || !isCancelledError(vm, exc))
            exc = makeCancelledError(vm);
        mustCancel = false;
    }
    waiter = Value();
    EventLoopObj* l = loop;
    const Value loopRef = Value::object(l);
    if (l->currentTask)
        vm.raise(ExcType::RuntimeError, "Cannot enter into task " + repr(vm) + " while another task " +
                                            l->currentTask->repr(vm) + " is being executed.");
    l->currentTask = this;
    vm.currentTask = id;
    const Value coroutine = coro;
    ContextSwitch context(vm, this);
    if (TraceEvents* sink = vm.directSink(1)) {
        sink->pushStepBegan(vm.now(), id, l->runningHandle, stepBeganLine(coroutine));
        vm.countRecorded(1);
    } else {
        vm.record(TraceEvent::stepBegan(vm.now(), id, l->runningHandle, stepBeganLine(coroutine)));
    }
    vm.enterTaskStep(Value::object(this)); // the step's own instruction budget

    Value fatal;
    Value out;
    bool raised = false;
    ResumeStatus status = ResumeStatus::Yielded;
    bool endWritten = false; // the StepEnded, with the ReadyPushed of a bare yield
    try {
        status = resumeCoroutine(vm, coroutine, std::move(exc), out);
    } catch (PyException& e) {
        raised = true;
        if (isCancelledError(vm, e.exception)) {
            // Kept so that result() can chain the original exception later.
            rareFields().cancelledError = e.exception;
            FutureObj::cancel(vm, Value::none());
        } else {
            if (endsTheLoop(vm, e.exception))
                fatal = e.exception;
            FutureObj::setException(vm, e.exception);
        }
    }
    if (!raised) {
        if (status == ResumeStatus::Returned) {
            if (mustCancel) {
                // Cancelled right before the coroutine returned.
                mustCancel = false;
                FutureObj::cancel(vm, cancelMessage());
            } else {
                FutureObj::setResult(vm, std::move(out));
            }
        } else if (out.isNone() && !context.active()) {
            // A bare yield (sleep(0)): waitOn's call_soon(self.__step), with the StepEnded that
            // follows written along with its ReadyPushed (nothing is written in between: no
            // context to restore).
            endWritten = l->callSoonStepYieldedBare(vm, this, keepBareYieldLine(vm, coroutine));
        } else {
            waitOn(vm, out);
        }
    }
    vm.leaveTaskStep();
    l->currentTask = nullptr;
    context.restore();
    if (state == FutureState::Pending) {
        // A bare yield's StepEnded may have been written with its ReadyPushed (endWritten).
        const uint32_t line = endWritten ? 0 : coroutineLine(coroutine);
        if (!endWritten && waiter.isEmpty()) {
            vm.record(TraceEvent::stepEnded(vm.now(), id, line, WaitKind::Ready, 0, 0.0));
        } else if (!endWritten) {
            WaitKind kind = WaitKind::Future;
            uint32_t target = 0;
            double deadline = 0.0;
            describeWait(vm, *this, kind, target, deadline);
            vm.record(TraceEvent::stepEnded(vm.now(), id, line, kind, target, deadline));
        }
    } else {
        vm.record(TraceEvent::stepEnded(vm.now(), id, 0, WaitKind::None, 0, 0.0));
        finished(vm);
    }
    vm.currentTask = TaskId{};
    if (!fatal.isEmpty())
        throw PyException{fatal};
}

void TaskObj::waitOn(VM& vm, const Value& yielded)
{
    const Value self = Value::object(this);
    EventLoopObj* l = loop;
    if (yielded.isNone()) {
        // A bare yield gives up the loop for one pass.
        l->callSoonStep(vm, this, Value());
        return;
    }
    auto retry = [&](const std::string& message) {
        l->callSoonStep(vm, this, vm.newException(ExcType::RuntimeError, message));
    };
    if (isNative(yielded, NativeKind::TaskSleep) && ownSleep == OwnSleep::Pending) {
        // Its own sleep (sleep.h): the sleep's future would hold the wakeup as its done callback.
        if (!ownSleepWaiting) {
            ownSleepWaiting = true;
            ++refcount;
        }
        waiter = yielded;
        if (mustCancel && cancelOwnSleep(vm, this, cancelMessage()))
            mustCancel = false;
        return;
    }
    if (FutureObj* f = asFuture(yielded)) {
        if (f->loop != l) {
            retry("Task " + repr(vm) + " got Future " + vm.repr(yielded) + " attached to a different loop");
        } else if (!f->blocking) {
            retry("yield was used instead of yield from in task " + repr(vm) + " with " + vm.repr(yielded));
        } else if (f == this) {
            retry("Task cannot await on itself: " + repr(vm));
        } else {
            f->blocking = false;
            if (f->state == FutureState::Pending)
                f->addCallback(self);
            else
                l->callSoonDone(vm, self, yielded);
            waiter = yielded;
            if (mustCancel && cancelFuture(vm, yielded, cancelMessage()))
                mustCancel = false;
        }
        return;
    }
    // Anything else that quacks like a future (CPython's isfuture: _asyncio_future_blocking).
    Value blocking;
    if (vm.tryGetAttr(yielded, vm.asyncio().names.asyncioFutureBlocking, blocking) && !blocking.isNone()) {
        Value itsLoop;
        if (!vm.tryGetAttr(yielded, vm.asyncio().names.loop, itsLoop))
            itsLoop = Value::object(l);
        if (!itsLoop.is(Value::object(l))) {
            retry("Task " + repr(vm) + " got Future " + vm.repr(yielded) + " attached to a different loop");
        } else if (vm.truthy(blocking)) {
            if (yielded.is(self)) {
                retry("Task cannot await on itself: " + repr(vm));
                return;
            }
            vm.setAttr(yielded, vm.asyncio().names.asyncioFutureBlocking, Value::boolean(false));
            vm.callMethod(yielded, vm.asyncio().names.addDoneCallback,
                          {vm.newNative("Task.task_wakeup", wakeupCallback, self)});
            waiter = yielded;
            if (mustCancel && cancelFuture(vm, yielded, cancelMessage()))
                mustCancel = false;
        } else {
            retry("yield was used instead of yield from in task " + repr(vm) + " with " + vm.repr(yielded));
        }
        return;
    }
    if (isKind(yielded, ObjKind::Generator) &&
        yielded.as<GeneratorObj>()->genKind == GeneratorKind::Generator)
        retry("yield was used instead of yield from for generator in task " + repr(vm) + " with " +
              vm.repr(yielded));
    else
        retry("Task got bad yield: " + vm.repr(yielded));
}

void TaskObj::wakeup(VM& vm, const Value& future)
{
    StrObj* resultName = vm.asyncio().names.result;
    const Value self = Value::object(this);
    Value exc;
    if (isNative(future, NativeKind::TaskSleep)) {
        // Its own sleep: the future's result() raises only when it was cancelled.
        if (ownSleep == OwnSleep::Cancelled)
            exc = ownSleepCancelledError(vm, this);
    } else
        try {
            if (FutureObj* f = asFuture(future); f && keepsNativeMethod(f, resultName))
                f->result(vm);
            else
                vm.callMethod(future, resultName, {});
        } catch (PyException& e) {
            // This may also be a cancellation.
            exc = e.exception;
        }
    step(vm, std::move(exc));
}

bool TaskObj::cancel(VM& vm, Value message)
{
    logTraceback = false;
    if (state != FutureState::Pending)
        return false;
    const TaskObj* current = loop ? loop->currentTask : nullptr;
    const bool hasMessage = !message.isEmpty() && !message.isNone();
    const StringId text = hasMessage && vm.tracing() ? StringId{vm.internTrace(vm.str(message))} : StringId{};
    vm.record(
        TraceEvent::cancelRequested(vm.now(), id, current ? current->id : TaskId{}, text, vm.scenarioLine()));
    ++numCancelsRequested;
    if (!waiter.isEmpty()) {
        const Value w = waiter;
        // The waiter may be a task that swallows the cancellation, so the request stays.
        if (isNative(w, NativeKind::TaskSleep) ? cancelOwnSleep(vm, this, message)
                                               : cancelFuture(vm, w, message))
            return true;
    }
    mustCancel = true;
    setCancelMessage(std::move(message));
    return true;
}

void TaskObj::finished(VM& vm)
{
    vm.asyncio().pending.remove(this);
    EndStatus status = EndStatus::Ok;
    std::string text;
    if (state == FutureState::Cancelled) {
        status = EndStatus::Cancelled;
        const Value message = cancelMessage();
        text =
            message.isEmpty() || message.isNone() ? "CancelledError" : "CancelledError: " + vm.str(message);
    } else if (hasException) {
        status = EndStatus::Failed;
        text = exceptionText(vm, outcome());
    } else {
        text = outcome().isNone() ? "None" : shortRepr(vm, outcome());
    }
    if (vm.tracing())
        vm.record(TraceEvent::taskFinished(vm.now(), id, status, StringId{vm.internTrace(text)}, 0));
}

// CPython's Future.__del__: an exception nobody retrieved goes to the loop's exception handler.
void FutureObj::finalize()
{
    VM& vm = VM::current();
    if (!logTraceback || vm.tearingDown || !loop)
        return;
    logTraceback = false;
    try {
        Value context = vm.newDict();
        DictTable& table = context.as<DictObj>()->table;
        table.set(vm.intern("message"), vm.newStr(cls->name + " exception was never retrieved"));
        table.set(vm.intern("exception"), outcome());
        table.set(vm.intern("future"), Value::object(this));
        vm.callMethod(Value::object(loop), vm.asyncio().names.callExceptionHandler, {context});
    } catch (PyException&) {
        // As CPython's finalizers: an error while reporting is not the program's error.
    }
}

// -- Creation --------------------------------------------------------------------------------

namespace {

void initTask(VM& vm, TaskObj* t, const Value& coro, EventLoopObj* loop, const Value& name, bool numbered,
              const Value& context)
{
    AsyncioRuntime& rt = vm.asyncio();
    t->setLoop(loop);
    if (!isCoroutineLike(coro)) {
        t->logDestroyPending = false;
        vm.raise(ExcType::TypeError, "a coroutine was expected, got " + vm.repr(coro));
    }
    // A task named by the counter has the counter's number as its trace id and sends no name:
    // the trace derives "Task-N", so 100k tasks intern no 100k strings.
    StringId traceName;
    if (name.isEmpty() || name.isNone()) {
        t->id = TaskId{++rt.taskNameCounter};
    } else {
        // asyncio.create_task(name=...) numbers the task before naming it; Task(name=...) does not.
        t->id = numbered ? TaskId{++rt.taskNameCounter}
                         : TaskId{AsyncioRuntime::kUnnumberedTaskIds + ++rt.unnumberedTaskCounter};
        Value text = vm.strValue(name);
        t->rareFields().taskName = text;
        if (vm.tracing())
            traceName = StringId{vm.internTrace(strText(text))};
    }
    t->coro = coro;
    // Each task runs in its own copy of its creator's context (contextvars), or in [context].
    if (!context.isEmpty() && !context.isNone())
        t->rareFields().taskContext = context;
    else if (!rt.contextvars.isEmpty())
        t->rareFields().taskContext = vm.call(vm.getAttr(rt.contextvars, vm.internStr("copy_context")), {});
    const TaskObj* parent = loop->currentTask;
    if (vm.tracing()) {
        const StringId coroName = isKind(coro, ObjKind::Generator) && isStr(coro.as<GeneratorObj>()->name())
                                      ? rt.traceName(vm, coro.as<GeneratorObj>()->name().as<StrObj>())
                                      : StringId{vm.internTrace(coroutineName(vm, coro))};
        vm.record(TraceEvent::taskCreated(vm.now(), t->id, traceName, coroName,
                                          parent ? parent->id : TaskId{},
                                          parent ? coroutineLine(parent->coro) : 0));
    }
    loop->callSoonStep(vm, t, Value());
    rt.pending.add(t);
    if (rt.pending.size() > rt.maxPendingTasks)
        rt.maxPendingTasks = rt.pending.size();
}

TaskObj* selfTask(VM& vm, const CallArgs& a, const char* method)
{
    if (a.count == 0 || !isNative(a[0], NativeKind::Task))
        vm.raise(ExcType::TypeError, std::string("descriptor '") + method + "' requires a 'Task' object");
    return a[0].as<TaskObj>();
}

EventLoopObj* loopArgument(VM& vm, const Value* loop)
{
    if (loop && !loop->isNone()) {
        if (!isNative(*loop, NativeKind::EventLoop))
            vm.raise(ExcType::TypeError, "loop must be an event loop, not '" + vm.typeName(*loop) + "'");
        return loop->as<EventLoopObj>();
    }
    if (EventLoopObj* running = vm.asyncio().running())
        return running;
    Value loopValue = vm.call(vm.getAttr(vm.importModule("asyncio"), vm.internStr("get_event_loop")), {});
    if (!isNative(loopValue, NativeKind::EventLoop))
        vm.raise(ExcType::TypeError, "asyncio.get_event_loop() did not return an event loop");
    return loopValue.as<EventLoopObj>();
}

// Task.__init__(self, coro, *, loop=None, name=None, context=None): [a] holds the instance
// (or the class) and the arguments.
void initTaskFromArgs(VM& vm, const CallArgs& a, TaskObj* t)
{
    const Value* coro = argOrKeyword(a, 1, "coro");
    if (!coro)
        vm.raise(ExcType::TypeError, "Task.__init__() missing 1 required positional argument: 'coro'");
    const Value* name = a.keyword("name");
    const Value* numbered = a.keyword("_numbered");
    const Value* context = a.keyword("context");
    initTask(vm, t, *coro, loopArgument(vm, a.keyword("loop")), name ? *name : Value(),
             numbered && vm.truthy(*numbered), context ? *context : Value());
}

} // namespace

Value createTask(VM& vm, ClassObj* cls, const Value& coro, EventLoopObj* loop, const Value& name,
                 bool numbered, const Value& context)
{
    auto* t = new TaskObj(cls);
    Value task = Value::object(t);
    if (!cls->builtin)
        ++cls->refcount;
    initTask(vm, t, coro, loop, name, numbered, context);
    return task;
}

void registerTaskClass(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    ClassObj* c = vm.newBuiltinClass("Task", rt.futureClass, ObjKind::Native);
    c->nativeInstanceDict = true;
    c->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.tasks"));
    // Task(coro, *, loop=None, name=None, context=None); _numbered is asyncio.create_task's.
    // The VM calls no __init__ of a builtin class, so an exact Task is initialised here; a
    // Python subclass is initialised by its __init__ chain.
    c->construct = [](VM& vm, const CallArgs& a) {
        ClassObj* cls = a[0].as<ClassObj>();
        auto* t = new TaskObj(cls);
        Value task = Value::object(t);
        if (!cls->builtin)
            ++cls->refcount;
        else
            initTaskFromArgs(vm, a, t);
        return task;
    };
    vm.addMethod(c, "__init__", [](VM& vm, const CallArgs& a) {
        initTaskFromArgs(vm, a, selfTask(vm, a, "__init__"));
        return Value::none();
    });
    vm.addMethod(c, "__repr__",
                 [](VM& vm, const CallArgs& a) { return vm.newStr(selfTask(vm, a, "__repr__")->repr(vm)); });
    vm.addMethod(c, "get_coro",
                 [](VM& vm, const CallArgs& a) { return selfTask(vm, a, "get_coro")->coro.value(); });
    vm.addMethod(c, "get_context", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "get_context");
        return t->rare && !t->rare->taskContext.isEmpty() ? t->rare->taskContext : Value::none();
    });
    vm.addMethod(c, "get_name", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "get_name");
        return t->givenName() ? t->rare->taskName : vm.newStr(t->taskName());
    });
    vm.addMethod(c, "set_name", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "set_name", 2, 2);
        TaskObj* t = selfTask(vm, a, "set_name");
        Value text = vm.strValue(a[1]);
        t->rareFields().taskName = text;
        if (vm.tracing())
            vm.record(TraceEvent::taskRenamed(vm.now(), t->id, StringId{vm.internTrace(strText(text))}));
        return Value::none();
    });
    vm.addMethod(c, "cancel", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "cancel");
        const Value* msg = argOrKeyword(a, 1, "msg");
        return Value::boolean(t->cancel(vm, msg ? *msg : Value::none()));
    });
    vm.addMethod(c, "cancelling", [](VM& vm, const CallArgs& a) {
        return Value::integer(selfTask(vm, a, "cancelling")->numCancelsRequested);
    });
    vm.addMethod(c, "uncancel", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "uncancel");
        if (t->numCancelsRequested > 0)
            --t->numCancelsRequested;
        return Value::integer(t->numCancelsRequested);
    });
    vm.addMethod(c, "get_stack", [](VM& vm, const CallArgs&) { return vm.newList(); });
    vm.addMethod(c, "print_stack", [](VM& vm, const CallArgs& a) {
        vm.writeStdout("No stack for " + selfTask(vm, a, "print_stack")->repr(vm) + "\n");
        return Value::none();
    });
    addNativeProperty(vm, c, "_coro",
                      [](VM& vm, const CallArgs& a) { return selfTask(vm, a, "_coro")->coro.value(); });
    addNativeProperty(vm, c, "_name", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "_name");
        return t->givenName() ? t->rare->taskName : vm.newStr(t->taskName());
    });
    // The task's id in the trace (TaskCreated ... TaskFinished), for asyncio.py's reports.
    addNativeProperty(vm, c, "_id", [](VM& vm, const CallArgs& a) {
        return Value::integer(selfTask(vm, a, "_id")->id.value);
    });
    addNativeProperty(vm, c, "_fut_waiter", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfTask(vm, a, "_fut_waiter");
        return t->waiter.isEmpty() ? Value::none() : t->waiter;
    });
    addNativeProperty(
        vm, c, "_must_cancel",
        [](VM& vm, const CallArgs& a) { return Value::boolean(selfTask(vm, a, "_must_cancel")->mustCancel); },
        [](VM& vm, const CallArgs& a) {
            selfTask(vm, a, "_must_cancel")->mustCancel = vm.truthy(a[1]);
            return Value::none();
        });
    addNativeProperty(
        vm, c, "_log_destroy_pending",
        [](VM& vm, const CallArgs& a) {
            return Value::boolean(selfTask(vm, a, "_log_destroy_pending")->logDestroyPending);
        },
        [](VM& vm, const CallArgs& a) {
            selfTask(vm, a, "_log_destroy_pending")->logDestroyPending = vm.truthy(a[1]);
            return Value::none();
        });
    addNativeProperty(vm, c, "_num_cancels_requested", [](VM& vm, const CallArgs& a) {
        return Value::integer(selfTask(vm, a, "_num_cancels_requested")->numCancelsRequested);
    });
    rt.taskClass = c;
    moduleSet(vm, module, "Task", Value::object(c));
}

} // namespace loopscope
