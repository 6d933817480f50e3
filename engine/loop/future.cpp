// asyncio.Future: state, result or exception, done callbacks, cancellation, the await protocol
// and the "exception was never retrieved" report, mirroring Lib/asyncio/futures.py.

#include "future.h"

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "native_args.h"
#include "native_coroutine.h"
#include "task.h"

namespace loopscope {

// -- Done callbacks --------------------------------------------------------------------------

void FutureObj::addCallback(Value callback)
{
    if (!hasFirstCallback())
        setFirstCallback(std::move(callback));
    else
        rareFields().moreCallbacks.push_back(std::move(callback));
}

size_t FutureObj::removeCallbacks(VM& vm, const Value& callback)
{
    std::vector<Value> all = takeCallbacks();
    size_t removed = 0;
    for (Value& v : all) {
        if (vm.equals(v, callback))
            ++removed;
        else
            addCallback(std::move(v));
    }
    return removed;
}

std::vector<Value> FutureObj::takeCallbacks()
{
    std::vector<Value> all;
    if (!hasFirstCallback())
        return all;
    all.reserve(1 + (rare ? rare->moreCallbacks.size() : 0));
    all.push_back(takeFirstCallback());
    if (rare) {
        for (Value& v : rare->moreCallbacks)
            all.push_back(std::move(v));
        rare->moreCallbacks = {};
    }
    return all;
}

// -- Helpers ---------------------------------------------------------------------------------

void raiseAsyncio(VM& vm, const Value& cls, const std::string& message)
{
    if (!isKind(cls, ObjKind::Class))
        vm.raise(ExcType::RuntimeError, message); // asyncio.py has not called _setup() yet
    vm.raiseValue(vm.newException(cls.as<ClassObj>(), {vm.newStr(message)}));
}

std::string exceptionText(VM& vm, const Value& exception)
{
    const std::string message = vm.str(exception);
    return message.empty() ? vm.typeName(exception) : vm.typeName(exception) + ": " + message;
}

namespace {

// reprlib.Repr's limits, which asyncio uses for results in reprs and traces.
constexpr size_t kMaxString = 30, kMaxLong = 40, kMaxOther = 30, kMaxItems = 6, kMaxDict = 4, kMaxLevel = 6;

std::string truncateMiddle(const std::string& s, size_t limit)
{
    if (s.size() <= limit)
        return s;
    const size_t i = (limit - 3) / 2;
    const size_t j = limit - 3 - i;
    return s.substr(0, i) + "..." + s.substr(s.size() - j);
}

std::string limitedRepr(VM& vm, const Value& v, size_t level)
{
    if (v.isIntLike() && !v.isBool())
        return truncateMiddle(vm.repr(v), kMaxLong);
    if (isStr(v))
        return truncateMiddle(vm.repr(v), kMaxString);
    auto sequence = [&](const std::vector<Value>& items, const char* open, const char* close, bool tuple) {
        if (items.empty())
            return std::string(open) + close;
        if (level == 0)
            return std::string(open) + "..." + close;
        std::string out = open;
        const size_t n = std::min(items.size(), kMaxItems);
        for (size_t i = 0; i < n; ++i)
            out += (i ? ", " : "") + limitedRepr(vm, items[i], level - 1);
        if (items.size() > kMaxItems)
            out += ", ...";
        else if (tuple && items.size() == 1)
            out += ",";
        return out + close;
    };
    if (isKind(v, ObjKind::List) && v.asObject()->cls == vm.types.list)
        return sequence(v.as<ListObj>()->items, "[", "]", false);
    if (isKind(v, ObjKind::Tuple) && v.asObject()->cls == vm.types.tuple)
        return sequence(v.as<TupleObj>()->items, "(", ")", true);
    if (isKind(v, ObjKind::Dict) && v.asObject()->cls == vm.types.dict) {
        const DictTable& table = v.as<DictObj>()->table;
        if (table.size() == 0)
            return "{}";
        if (level == 0)
            return "{...}";
        std::string out = "{";
        size_t pos = 0, n = 0;
        while (const DictTable::Entry* e = table.next(pos)) {
            if (n == kMaxDict) {
                out += ", ...";
                break;
            }
            out += (n++ ? ", " : "") + limitedRepr(vm, e->key, level - 1) + ": " +
                   limitedRepr(vm, e->value, level - 1);
        }
        return out + "}";
    }
    return truncateMiddle(vm.repr(v), kMaxOther);
}

} // namespace

std::string shortRepr(VM& vm, const Value& value)
{
    return limitedRepr(vm, value, kMaxLevel);
}

// -- FutureObj -------------------------------------------------------------------------------

FutureObj::FutureObj(ClassObj* c, NativeKind k) : NativeObj(c, k) {}

FutureObj::~FutureObj()
{
    setLoop(nullptr);
    if (waitLabel && --waitLabel->refcount == 0)
        releaseObject(waitLabel);
    // In the order the members' destructors ran when the two were Values after [rare].
    rare.reset();
    takeFirstCallback();
    setOutcome(Value());
}

void FutureObj::setLoop(EventLoopObj* newLoop)
{
    if (newLoop)
        ++newLoop->refcount;
    EventLoopObj* old = loop;
    loop = newLoop;
    if (old && --old->refcount == 0)
        releaseObject(old);
}

void FutureObj::setCancelMessage(Value message)
{
    if (!rare && (message.isEmpty() || message.isNone()))
        return;
    rareFields().cancelMessage = std::move(message);
}

static std::string stateName(FutureState state)
{
    switch (state) {
    case FutureState::Pending:
        return "PENDING";
    case FutureState::Cancelled:
        return "CANCELLED";
    default:
        return "FINISHED";
    }
}

static std::string describe(VM& vm, FutureObj* f)
{
    return vm.repr(Value::object(f));
}

void FutureObj::setResult(VM& vm, Value result)
{
    if (state != FutureState::Pending)
        raiseAsyncio(vm, vm.asyncio().invalidStateError, stateName(state) + ": " + describe(vm, this));
    setOutcome(std::move(result));
    state = FutureState::Finished;
    scheduleCallbacks(vm);
}

void FutureObj::setException(VM& vm, Value exception)
{
    if (state != FutureState::Pending)
        raiseAsyncio(vm, vm.asyncio().invalidStateError, stateName(state) + ": " + describe(vm, this));
    if (isKind(exception, ObjKind::Class))
        exception = vm.call(exception, {});
    if (vm.typeOf(exception) == vm.excClass(ExcType::StopIteration))
        vm.raise(ExcType::TypeError,
                 "StopIteration interacts badly with generators and cannot be raised into a Future");
    setOutcome(std::move(exception));
    hasException = true;
    state = FutureState::Finished;
    scheduleCallbacks(vm);
    logTraceback = true;
    hasFinalizer = true;
}

bool FutureObj::cancel(VM& vm, Value message)
{
    logTraceback = false;
    if (state != FutureState::Pending)
        return false;
    state = FutureState::Cancelled;
    setCancelMessage(std::move(message));
    scheduleCallbacks(vm);
    return true;
}

Value FutureObj::makeCancelledError(VM& vm)
{
    if (rare && !rare->cancelledError.isEmpty()) {
        Value exc = std::move(rare->cancelledError);
        rare->cancelledError = Value();
        return exc;
    }
    const Value& cls = vm.asyncio().cancelledError;
    const Value message = cancelMessage();
    if (!isKind(cls, ObjKind::Class))
        return vm.newException(ExcType::RuntimeError, "cancelled");
    if (message.isEmpty() || message.isNone())
        return vm.newException(cls.as<ClassObj>(), {});
    return vm.newException(cls.as<ClassObj>(), {message});
}

Value FutureObj::result(VM& vm)
{
    if (state == FutureState::Cancelled)
        vm.raiseValue(makeCancelledError(vm));
    if (state != FutureState::Finished)
        raiseAsyncio(vm, vm.asyncio().invalidStateError, "Result is not ready.");
    logTraceback = false;
    if (hasException)
        vm.raiseValue(outcome());
    return outcome();
}

Value FutureObj::exception(VM& vm)
{
    if (state == FutureState::Cancelled)
        vm.raiseValue(makeCancelledError(vm));
    if (state != FutureState::Finished)
        raiseAsyncio(vm, vm.asyncio().invalidStateError, "Exception is not set.");
    logTraceback = false;
    return hasException ? outcome() : Value::none();
}

void FutureObj::addDoneCallback(VM& vm, Value callback)
{
    if (state != FutureState::Pending) {
        if (loop)
            loop->callSoonDone(vm, std::move(callback), Value::object(this));
        return;
    }
    addCallback(std::move(callback));
}

void FutureObj::scheduleCallbacks(VM& vm)
{
    if (!hasFirstCallback() || !loop)
        return;
    const Value self = Value::object(this);
    Value first = takeFirstCallback();
    if (!rare || rare->moreCallbacks.empty()) {
        loop->callSoonDone(vm, std::move(first), self);
        return;
    }
    std::vector<Value> more = std::move(rare->moreCallbacks);
    rare->moreCallbacks = {};
    loop->callSoonDone(vm, std::move(first), self);
    for (Value& callback : more)
        loop->callSoonDone(vm, std::move(callback), self);
}

std::string FutureObj::stateRepr(VM& vm) const
{
    switch (state) {
    case FutureState::Pending:
        return "pending";
    case FutureState::Cancelled:
        return "cancelled";
    default:
        return hasException ? "finished exception=" + vm.repr(outcome())
                            : "finished result=" + shortRepr(vm, outcome());
    }
}

ResumeStatus FutureObj::resumeAwait(VM& vm, Value, Value throwExc, Value& out)
{
    if (!throwExc.isEmpty())
        vm.raiseValue(std::move(throwExc));
    if (state == FutureState::Pending) {
        if (!blocking) {
            blocking = true;
            out = Value::object(this);
            return ResumeStatus::Yielded;
        }
        vm.raise(ExcType::RuntimeError, "await wasn't used with future");
    }
    out = result(vm);
    return ResumeStatus::Returned;
}

// -- The await iterator ----------------------------------------------------------------------

namespace {

// What Future.__await__() and __iter__() return, for `yield from fut` in generator-based code
// and awaitables whose __await__ delegates to a future's.
struct FutureIterObj final : NativeObj {
    FutureIterObj(ClassObj* cls, Value f) : NativeObj(cls, NativeKind::FutureIter), future(std::move(f)) {}
    Value future; // Empty once it returned

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override
    {
        if (future.isEmpty()) {
            if (!throwExc.isEmpty())
                vm.raiseValue(std::move(throwExc));
            out = Value::none();
            return ResumeStatus::Returned;
        }
        const Value keep = future;
        ResumeStatus status =
            future.as<FutureObj>()->resumeAwait(vm, std::move(send), std::move(throwExc), out);
        if (status == ResumeStatus::Returned)
            future = Value();
        return status;
    }
};

FutureObj* selfFuture(VM& vm, const CallArgs& a, const char* method)
{
    FutureObj* f = a.count ? asFuture(a[0]) : nullptr;
    if (!f)
        vm.raise(ExcType::TypeError, std::string("descriptor '") + method + "' requires a 'Future' object");
    return f;
}

Value newFuture(ClassObj* cls)
{
    Value f = Value::object(new FutureObj(cls));
    if (!cls->builtin)
        ++cls->refcount;
    return f;
}

// The loop a new future belongs to when none is given: the running loop, else the policy's
// (asyncio.get_event_loop(), defined by the Python side).
EventLoopObj* defaultLoop(VM& vm)
{
    if (EventLoopObj* running = vm.asyncio().running())
        return running;
    Value asyncio = vm.importModule("asyncio");
    Value loop = vm.call(vm.getAttr(asyncio, vm.internStr("get_event_loop")), {});
    if (!isNative(loop, NativeKind::EventLoop))
        vm.raise(ExcType::TypeError, "asyncio.get_event_loop() did not return an event loop");
    return loop.as<EventLoopObj>();
}

} // namespace

// Future.__init__(self, *, loop=None): [a] holds the instance (or the class) and the arguments.
void initFuture(VM& vm, const CallArgs& a, FutureObj* f)
{
    if (a.count > 1)
        vm.raise(ExcType::TypeError, "Future.__init__() takes 1 positional argument but " +
                                         std::to_string(a.count) + " were given");
    const Value* loopArg = a.keyword("loop");
    if (loopArg && !loopArg->isNone()) {
        if (!isNative(*loopArg, NativeKind::EventLoop))
            vm.raise(ExcType::TypeError, "loop must be an event loop, not '" + vm.typeName(*loopArg) + "'");
        f->setLoop(loopArg->as<EventLoopObj>());
    } else {
        f->setLoop(defaultLoop(vm));
    }
}

void registerFutureClasses(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    ClassObj* c = vm.newBuiltinClass("Future", vm.types.object, ObjKind::Native);
    c->nativeInstanceDict = true;
    c->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.futures"));
    // Future(*, loop=None). The VM calls no __init__ of a builtin class, so an exact Future is
    // initialised here; a Python subclass is initialised by its __init__ chain.
    c->construct = [](VM& vm, const CallArgs& a) {
        ClassObj* cls = a[0].as<ClassObj>();
        Value future = newFuture(cls);
        if (cls->builtin)
            initFuture(vm, a, future.as<FutureObj>());
        return future;
    };
    vm.addMethod(c, "__init__", [](VM& vm, const CallArgs& a) {
        initFuture(vm, a, selfFuture(vm, a, "__init__"));
        return Value::none();
    });
    vm.addMethod(c, "__repr__", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "__repr__");
        return vm.newStr("<" + f->cls->name + " " + f->stateRepr(vm) + ">");
    });
    vm.addMethod(c, "get_loop", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "get_loop");
        return f->loop ? Value::object(f->loop) : Value::none();
    });
    vm.addMethod(c, "result",
                 [](VM& vm, const CallArgs& a) { return selfFuture(vm, a, "result")->result(vm); });
    vm.addMethod(c, "exception",
                 [](VM& vm, const CallArgs& a) { return selfFuture(vm, a, "exception")->exception(vm); });
    vm.addMethod(c, "set_result", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "set_result", 2, 2);
        FutureObj* f = selfFuture(vm, a, "set_result");
        if (f->nativeKind == NativeKind::Task)
            vm.raise(ExcType::RuntimeError, "Task does not support set_result operation");
        f->setResult(vm, a[1]);
        return Value::none();
    });
    vm.addMethod(c, "set_exception", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "set_exception", 2, 2);
        FutureObj* f = selfFuture(vm, a, "set_exception");
        if (f->nativeKind == NativeKind::Task)
            vm.raise(ExcType::RuntimeError, "Task does not support set_exception operation");
        f->setException(vm, a[1]);
        return Value::none();
    });
    vm.addMethod(c, "cancel", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "cancel");
        const Value* msg = argOrKeyword(a, 1, "msg");
        Value message = msg ? *msg : Value::none();
        if (f->nativeKind == NativeKind::Task)
            return Value::boolean(static_cast<TaskObj*>(f)->cancel(vm, message));
        return Value::boolean(f->cancel(vm, message));
    });
    vm.addMethod(c, "cancelled", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfFuture(vm, a, "cancelled")->state == FutureState::Cancelled);
    });
    vm.addMethod(c, "done",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(selfFuture(vm, a, "done")->done()); });
    vm.addMethod(c, "add_done_callback", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "add_done_callback", 2, 2);
        FutureObj* f = selfFuture(vm, a, "add_done_callback");
        if (!vm.isCallable(a[1]))
            vm.raise(ExcType::TypeError, "'" + vm.typeName(a[1]) + "' object is not callable");
        f->addDoneCallback(vm, a[1]);
        return Value::none();
    });
    vm.addMethod(c, "remove_done_callback", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "remove_done_callback", 2, 2);
        return Value::integer(int64_t(selfFuture(vm, a, "remove_done_callback")->removeCallbacks(vm, a[1])));
    });
    vm.addMethod(c, "_make_cancelled_error", [](VM& vm, const CallArgs& a) {
        return selfFuture(vm, a, "_make_cancelled_error")->makeCancelledError(vm);
    });
    auto awaitIterator = [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "__await__");
        return Value::object(new FutureIterObj(vm.asyncio().futureIterClass, Value::object(f)));
    };
    vm.addMethod(c, "__await__", awaitIterator);
    vm.addMethod(c, "__iter__", awaitIterator);

    // The attributes asyncio's Python code (and CPython's pure-Python Future) reads and sets.
    addNativeProperty(vm, c, "_state", [](VM& vm, const CallArgs& a) {
        return vm.intern(stateName(selfFuture(vm, a, "_state")->state));
    });
    addNativeProperty(vm, c, "_loop", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "_loop");
        return f->loop ? Value::object(f->loop) : Value::none();
    });
    addNativeProperty(vm, c, "_result", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "_result");
        return f->state == FutureState::Finished && !f->hasException ? f->outcome() : Value::none();
    });
    addNativeProperty(vm, c, "_exception", [](VM& vm, const CallArgs& a) {
        FutureObj* f = selfFuture(vm, a, "_exception");
        return f->hasException ? f->outcome() : Value::none();
    });
    addNativeProperty(
        vm, c, "_asyncio_future_blocking",
        [](VM& vm, const CallArgs& a) {
            return Value::boolean(selfFuture(vm, a, "_asyncio_future_blocking")->blocking);
        },
        [](VM& vm, const CallArgs& a) {
            selfFuture(vm, a, "_asyncio_future_blocking")->blocking = vm.truthy(a[1]);
            return Value::none();
        });
    addNativeProperty(
        vm, c, "_log_traceback",
        [](VM& vm, const CallArgs& a) {
            return Value::boolean(selfFuture(vm, a, "_log_traceback")->logTraceback);
        },
        [](VM& vm, const CallArgs& a) {
            if (vm.truthy(a[1]))
                vm.raise(ExcType::ValueError, "_log_traceback can only be set to False");
            selfFuture(vm, a, "_log_traceback")->logTraceback = false;
            return Value::none();
        });
    addNativeProperty(
        vm, c, "_cancel_message",
        [](VM& vm, const CallArgs& a) {
            Value m = selfFuture(vm, a, "_cancel_message")->cancelMessage();
            return m.isEmpty() ? Value::none() : m;
        },
        [](VM& vm, const CallArgs& a) {
            selfFuture(vm, a, "_cancel_message")->setCancelMessage(a[1]);
            return Value::none();
        });
    // What a task waiting on this future waits on (engine/trace_events.def's WAIT_* kinds) and,
    // optionally, a label ("Queue.put") or the task it really waits for (wait_for's waiter).
    addNativeProperty(
        vm, c, "_ls_kind",
        [](VM& vm, const CallArgs& a) {
            return Value::integer(int64_t(selfFuture(vm, a, "_ls_kind")->waitKind));
        },
        [](VM& vm, const CallArgs& a) {
            const int64_t kind = vm.toIndex(a[1]);
            if (kind < 0 || kind >= int64_t(enumCount<WaitKind>()))
                vm.raise(ExcType::ValueError, "wait kind out of range: " + std::to_string(kind));
            selfFuture(vm, a, "_ls_kind")->waitKind = WaitKind(kind);
            return Value::none();
        });
    addNativeProperty(
        vm, c, "_ls_what",
        [](VM& vm, const CallArgs& a) {
            FutureObj* f = selfFuture(vm, a, "_ls_what");
            return f->waitLabel ? Value::object(f->waitLabel) : Value::none();
        },
        [](VM& vm, const CallArgs& a) {
            FutureObj* f = selfFuture(vm, a, "_ls_what");
            if (isNative(a[1], NativeKind::Task)) {
                f->waitKind = WaitKind::Task;
                f->rareFields().waitTask = a[1].as<TaskObj>()->id;
                return Value::none();
            }
            if (!isStr(a[1]) && !a[1].isNone())
                vm.raise(ExcType::TypeError, "_ls_what must be a str, a Task or None");
            StrObj* label = a[1].isNone() ? nullptr : a[1].as<StrObj>(); // None: waitKind's words
            if (label)
                ++label->refcount;
            if (f->waitLabel && --f->waitLabel->refcount == 0)
                releaseObject(f->waitLabel);
            f->waitLabel = label;
            return Value::none();
        });
    rt.futureClass = c;
    moduleSet(vm, module, "Future", Value::object(c));

    ClassObj* it = vm.newBuiltinClass("FutureIter", vm.types.object, ObjKind::Native);
    it->dict->table.set(vm.intern("__module__"), vm.intern("_asyncio"));
    vm.addMethod(it, "__iter__", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(it, "__next__", [](VM& vm, const CallArgs& a) {
        return driveNativeAwaitable(vm, a[0], Value::none(), Value());
    });
    vm.addMethod(it, "send", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "send", 2, 2);
        return driveNativeAwaitable(vm, a[0], a[1], Value());
    });
    vm.addMethod(it, "throw", [](VM& vm, const CallArgs& a) {
        return driveNativeAwaitable(vm, a[0], Value(), throwArgument(vm, a));
    });
    vm.addMethod(it, "close", [](VM&, const CallArgs&) { return Value::none(); });
    rt.futureIterClass = it;
}

} // namespace loopscope
