// asyncio.Queue's core: items, getters and putters, put() and get() as native coroutines that
// mirror CPython's `async def put/get` (Lib/asyncio/queues.py) step for step: while the queue is
// full (empty), a putter (getter) future joins the waiters and the task awaits it; once woken
// the loop tests again; on an error the future is cancelled and the wakeup passed on.

#include "queue.h"

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "future.h"
#include "native_args.h"
#include "native_coroutine.h"

namespace loopscope {

QueueObj::QueueObj(ClassObj* c) : NativeObj(c, NativeKind::Queue) {}

QueueObj::~QueueObj()
{
    if (loop && --loop->refcount == 0)
        releaseObject(loop);
}

size_t QueueObj::pythonSize(VM& vm)
{
    return size_t(vm.length(vm.getAttr(Value::object(this), vm.internStr("_queue"))));
}

bool QueueObj::calledEmpty(VM& vm)
{
    if (overrides & Empty)
        return vm.truthy(vm.callMethod(Value::object(this), vm.internStr("empty"), {}));
    return size(vm) == 0;
}

bool QueueObj::calledFull(VM& vm)
{
    if (overrides & Full)
        return vm.truthy(vm.callMethod(Value::object(this), vm.internStr("full"), {}));
    return baseFull(vm);
}

bool QueueObj::baseFull(VM& vm)
{
    // `self._maxsize <= 0`, then `self.qsize() >= self._maxsize`.
    const bool intMaxsize = maxsizeValue.isEmpty() || maxsizeValue.isIntLike();
    if (intMaxsize ? maxsize <= 0 : vm.compare(maxsizeValue, Value::integer(0), CompareKind::Le))
        return false;
    if (overrides & Qsize)
        return vm.compare(vm.callMethod(Value::object(this), vm.internStr("qsize"), {}), maxsizeValue,
                          CompareKind::Ge);
    if (intMaxsize)
        return int64_t(size(vm)) >= maxsize;
    return vm.compare(Value::integer(int64_t(size(vm))), maxsizeValue, CompareKind::Ge);
}

void QueueObj::wakeupNext(VM& vm, std::deque<Value>& waiters)
{
    while (!waiters.empty()) {
        Value waiter = std::move(waiters.front());
        waiters.pop_front();
        FutureObj* f = asFuture(waiter);
        if (f && !f->done()) {
            f->setResult(vm, Value::none());
            break;
        }
    }
}

void QueueObj::putNowait(VM& vm, const Value& item)
{
    if (overrides & PutNowait)
        vm.callMethod(Value::object(this), vm.internStr("put_nowait"), {item});
    else
        basePutNowait(vm, item);
}

Value QueueObj::getNowait(VM& vm)
{
    if (overrides & GetNowait)
        return vm.callMethod(Value::object(this), vm.internStr("get_nowait"), {});
    return baseGetNowait(vm);
}

void QueueObj::basePutNowait(VM& vm, const Value& item)
{
    if (full(vm))
        vm.raiseValue(vm.newException(vm.asyncio().queueFull.as<ClassObj>(), {}));
    if (nativeItems)
        items.push_back(item);
    else
        vm.callMethod(Value::object(this), vm.internStr("_put"), {item});
    ++unfinishedTasks;
    if (!finished.isEmpty())
        vm.callMethod(finished, vm.internStr("clear"), {});
    wakeupNext(vm, getters);
}

Value QueueObj::baseGetNowait(VM& vm)
{
    if (empty(vm))
        vm.raiseValue(vm.newException(vm.asyncio().queueEmpty.as<ClassObj>(), {}));
    Value item;
    if (nativeItems) {
        item = std::move(items.front());
        items.pop_front();
    } else {
        item = vm.callMethod(Value::object(this), vm.internStr("_get"), {});
    }
    wakeupNext(vm, putters);
    return item;
}

EventLoopObj* QueueObj::boundLoop(VM& vm)
{
    EventLoopObj* running = vm.asyncio().running();
    if (!loop && running) {
        loop = running;
        ++loop->refcount;
    }
    if (running != loop)
        vm.raise(ExcType::RuntimeError, vm.repr(Value::object(this)) + " is bound to a different event loop");
    return running;
}

namespace {

// -- Spares ----------------------------------------------------------------------------------
// A hand-off through a bounded queue blocks once per put and once per get, and so made two
// coroutines and two futures each time (issue 11: their allocation, construction and release
// were a tenth of queue_handoffs). A finished call's coroutine and a finished wait's future are
// kept in the queue instead and made new again by the next call or wait. One is taken only when
// the queue's is the last reference to it (the program, a task or the ready queue may still hold
// it; a wakeup's ReadyItem holds its future for the whole step, hence two slots) and it carries
// nothing a new object would not: no attributes, no callbacks, no cancel message, no exception.
// A kept coroutine holds neither its queue nor its item, so their lifetimes are CPython's.

// Keeps [v] in an empty slot, or in place of one the queue no longer alone holds. One a weakref
// points to is not kept: the weakref must die when the program lets go of it.
template <size_t N> void keepSpare(std::array<Value, N>& slots, Value v)
{
    if (v.asObject()->weaklyReferenced)
        return;
    for (Value& slot : slots)
        if (slot.isEmpty()) {
            slot = std::move(v);
            return;
        }
    for (Value& slot : slots)
        if (slot.asObject()->refcount > 1) {
            slot = std::move(v);
            return;
        }
}

// Takes out of [slots] the first object that only the queue holds and [reusable] accepts. One
// the program made a weakref to while it was kept is let go instead (see the README: that
// weakref dies here, not when the program dropped the object).
template <size_t N, class Pred> Value takeSpare(std::array<Value, N>& slots, Pred reusable)
{
    for (Value& slot : slots) {
        if (!slot.isEmpty() && slot.asObject()->weaklyReferenced)
            slot = Value();
        if (!slot.isEmpty() && slot.asObject()->refcount == 1 && reusable(slot)) {
            Value v = std::move(slot);
            slot = Value();
            return v;
        }
    }
    return Value();
}

// A getter's or putter's future, as CPython's `self._get_loop().create_future()`, reusing one
// of a finished wait when it is in the state a new one has after these fields are reset.
Value newWaiterFuture(VM& vm, QueueObj* q, EventLoopObj* loop, bool put)
{
    ClassObj* futureClass = vm.asyncio().futureClass;
    Value spare = takeSpare(put ? q->sparePutters : q->spareGetters, [&](const Value& v) {
        const FutureObj* f = v.as<FutureObj>();
        return f->cls == futureClass && f->loop == loop && f->state == FutureState::Finished &&
               !f->hasException && !f->logTraceback && !f->attrs && !f->rare && !f->hasFirstCallback();
    });
    if (!spare.isEmpty()) {
        FutureObj* f = spare.as<FutureObj>();
        f->state = FutureState::Pending;
        f->setOutcome(Value());
        f->blocking = false;
        return spare;
    }
    auto* f = new FutureObj(futureClass);
    Value future = Value::object(f);
    f->setLoop(loop);
    f->waitKind = WaitKind::Queue;
    if (put) {
        f->waitLabel = vm.asyncio().names.queuePutLabel;
        ++f->waitLabel->refcount;
    }
    return future;
}

// The coroutine of Queue.get() or Queue.put(item).
struct QueueCallObj final : NativeObj {
    QueueCallObj(ClassObj* cls, Value q, bool put, Value value)
        : NativeObj(cls, NativeKind::QueueCall), isPut(put), queue(std::move(q)), item(std::move(value))
    {
    }
    // The coroutine of a new put()/get() call: a kept one made new again, or a new one.
    static Value make(VM& vm, const Value& queue, bool put, Value value)
    {
        Value spare = takeSpare(queue.as<QueueObj>()->spareCalls, [](const Value& v) {
            const auto* c = v.as<QueueCallObj>();
            return c->stage == Stage::Done && !c->attrs && c->waiter.isEmpty();
        });
        if (spare.isEmpty())
            return Value::object(new QueueCallObj(vm.asyncio().queueCallClass, queue, put, std::move(value)));
        auto* c = spare.as<QueueCallObj>();
        c->isPut = put;
        c->stage = Stage::Created;
        c->queue = queue;
        c->item = std::move(value);
        return spare;
    }
    ~QueueCallObj() override
    {
        // CPython warns when a coroutine object dies without ever being awaited.
        if (stage == Stage::Created) {
            VM& vm = VM::current();
            if (!vm.tearingDown)
                vm.warnNeverAwaited(coroutineQualname());
        }
    }

    enum class Stage : uint8_t { Created, Running, Done };
    bool isPut;
    Stage stage = Stage::Created;
    Value queue;
    Value item;
    Value waiter; // the putter or getter future it awaits, or Empty

    const char* coroutineQualname() const override { return isPut ? "Queue.put" : "Queue.get"; }

    QueueObj* q() const { return queue.as<QueueObj>(); }

    // The except clause around `await putter`: the future is cancelled and dropped from the
    // waiters, and a wakeup it had received goes to the next waiter.
    void giveUpWaiting(VM& vm)
    {
        Value w = std::move(waiter);
        waiter = Value();
        stage = Stage::Done;
        FutureObj* f = asFuture(w);
        if (!f)
            return;
        f->cancel(vm, Value::none());
        std::deque<Value>& waiters = isPut ? q()->putters : q()->getters;
        for (auto it = waiters.begin(); it != waiters.end(); ++it) {
            if (it->is(w)) {
                waiters.erase(it);
                break;
            }
        }
        const bool roomOrItems = isPut ? !q()->full(vm) : !q()->empty(vm);
        if (roomOrItems && f->state != FutureState::Cancelled)
            q()->wakeupNext(vm, waiters);
    }

    [[noreturn]] void fail(VM& vm, Value exc)
    {
        giveUpWaiting(vm);
        vm.raiseValue(std::move(exc));
    }

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override
    {
        const Value self = Value::object(this);
        if (stage == Stage::Done) {
            if (!throwExc.isEmpty())
                vm.raiseValue(std::move(throwExc));
            vm.raise(ExcType::RuntimeError, "cannot reuse already awaited coroutine");
        }
        if (stage == Stage::Created) {
            if (!throwExc.isEmpty()) {
                stage = Stage::Done;
                vm.raiseValue(std::move(throwExc));
            }
            if (!send.isNone() && !send.isEmpty())
                vm.raise(ExcType::TypeError, "can't send non-None value to a just-started coroutine");
            stage = Stage::Running;
        }
        QueueObj* queueObj = q();
        if (!waiter.isEmpty()) {
            // Resumed in `await putter` (or getter).
            if (!throwExc.isEmpty())
                fail(vm, std::move(throwExc));
            FutureObj* f = waiter.as<FutureObj>();
            if (f->state == FutureState::Pending) {
                if (!f->blocking) {
                    f->blocking = true;
                    out = waiter;
                    return ResumeStatus::Yielded;
                }
                fail(vm, vm.newException(ExcType::RuntimeError, "await wasn't used with future"));
            }
            try {
                f->result(vm);
            } catch (PyException& e) {
                fail(vm, e.exception);
            }
            keepSpare(isPut ? queueObj->sparePutters : queueObj->spareGetters, std::move(waiter));
            waiter = Value();
        }
        try {
            while (isPut ? queueObj->full(vm) : queueObj->empty(vm)) {
                EventLoopObj* loop = queueObj->boundLoop(vm);
                if (!loop)
                    vm.raise(ExcType::RuntimeError, "no running event loop");
                Value future = newWaiterFuture(vm, queueObj, loop, isPut);
                (isPut ? queueObj->putters : queueObj->getters).push_back(future);
                waiter = future;
                future.as<FutureObj>()->blocking = true;
                out = future;
                return ResumeStatus::Yielded;
            }
            if (isPut) {
                queueObj->putNowait(vm, item);
                out = Value::none();
            } else {
                out = queueObj->getNowait(vm);
            }
        } catch (...) {
            stage = Stage::Done;
            throw;
        }
        stage = Stage::Done;
        retire();
        return ResumeStatus::Returned;
    }

    // A finished call lets go of its queue and item (as CPython's finished coroutine frame does)
    // and waits in the queue to be made new again by the next put() or get().
    void retire()
    {
        const Value q = std::move(queue);
        queue = Value();
        item = Value();
        keepSpare(q.as<QueueObj>()->spareCalls, Value::object(this));
    }

    void closeAwait(VM& vm) override
    {
        if (!waiter.isEmpty())
            giveUpWaiting(vm);
        stage = Stage::Done;
    }
};

QueueObj* selfQueue(VM& vm, const CallArgs& a, const char* method)
{
    if (a.count == 0 || !isNative(a[0], NativeKind::Queue))
        vm.raise(ExcType::TypeError, std::string("descriptor '") + method + "' requires a 'Queue' object");
    return a[0].as<QueueObj>();
}

// Whether [cls] keeps the native method [name] (LifoQueue and PriorityQueue bring their own).
bool keepsNative(VM& vm, ClassObj* cls, const char* name)
{
    Value* found = cls->lookup(vm.internStr(name));
    return found && isKind(*found, ObjKind::NativeFunction);
}

// Queue.__init__(self, maxsize=0): [a] holds the instance (or the class) and the arguments.
void initQueue(VM& vm, const CallArgs& a, QueueObj* q)
{
    const Value* maxsize = argOrKeyword(a, 1, "maxsize");
    q->maxsizeValue = maxsize ? *maxsize : Value::integer(0);
    q->maxsize = q->maxsizeValue.isIntLike() ? q->maxsizeValue.asInt() : 0;
    ClassObj* cls = q->cls;
    q->nativeItems =
        keepsNative(vm, cls, "_init") && keepsNative(vm, cls, "_put") && keepsNative(vm, cls, "_get");
    q->overrides = 0;
    for (const auto& [name, bit] :
         {std::pair{"qsize", QueueObj::Qsize}, std::pair{"empty", QueueObj::Empty},
          std::pair{"full", QueueObj::Full}, std::pair{"put_nowait", QueueObj::PutNowait},
          std::pair{"get_nowait", QueueObj::GetNowait}})
        if (!keepsNative(vm, cls, name))
            q->overrides |= bit;
    if (!q->nativeItems)
        vm.callMethod(Value::object(q), vm.internStr("_init"), {q->maxsizeValue});
}

Value listOf(VM& vm, const std::deque<Value>& values)
{
    return vm.newList(std::vector<Value>(values.begin(), values.end()));
}

} // namespace

void registerQueueClass(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    rt.queueCallClass = makeNativeCoroutineClass(vm);
    rt.names.queuePutLabel = vm.internStr("Queue.put");
    ClassObj* c = vm.newBuiltinClass("Queue", vm.types.object, ObjKind::Native);
    c->nativeInstanceDict = true;
    c->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.queues"));
    c->construct = [](VM& vm, const CallArgs& a) {
        ClassObj* cls = a[0].as<ClassObj>();
        auto* q = new QueueObj(cls);
        Value queue = Value::object(q);
        if (!cls->builtin)
            ++cls->refcount;
        else
            initQueue(vm, a, q);
        return queue;
    };
    vm.addMethod(c, "__init__", [](VM& vm, const CallArgs& a) {
        initQueue(vm, a, selfQueue(vm, a, "__init__"));
        return Value::none();
    });
    vm.addMethod(c, "_init", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(c, "_put", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_put", 2, 2);
        selfQueue(vm, a, "_put")->items.push_back(a[1]);
        return Value::none();
    });
    vm.addMethod(c, "_get", [](VM& vm, const CallArgs& a) {
        QueueObj* q = selfQueue(vm, a, "_get");
        if (q->items.empty())
            vm.raise(ExcType::IndexError, "pop from an empty deque");
        Value item = std::move(q->items.front());
        q->items.pop_front();
        return item;
    });
    vm.addMethod(c, "qsize", [](VM& vm, const CallArgs& a) {
        return Value::integer(int64_t(selfQueue(vm, a, "qsize")->size(vm)));
    });
    vm.addMethod(c, "empty", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfQueue(vm, a, "empty")->size(vm) == 0); // not self._queue
    });
    vm.addMethod(c, "full", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfQueue(vm, a, "full")->baseFull(vm));
    });
    vm.addMethod(c, "put", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "put", 2, 2);
        selfQueue(vm, a, "put");
        return QueueCallObj::make(vm, a[0], true, a[1]);
    });
    vm.addMethod(c, "get", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "get", 1, 1);
        selfQueue(vm, a, "get");
        return QueueCallObj::make(vm, a[0], false, Value());
    });
    vm.addMethod(c, "put_nowait", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "put_nowait", 2, 2);
        selfQueue(vm, a, "put_nowait")->basePutNowait(vm, a[1]);
        return Value::none();
    });
    vm.addMethod(c, "get_nowait",
                 [](VM& vm, const CallArgs& a) { return selfQueue(vm, a, "get_nowait")->baseGetNowait(vm); });
    vm.addMethod(c, "task_done", [](VM& vm, const CallArgs& a) {
        QueueObj* q = selfQueue(vm, a, "task_done");
        if (q->unfinishedTasks <= 0)
            vm.raise(ExcType::ValueError, "task_done() called too many times");
        --q->unfinishedTasks;
        if (q->unfinishedTasks == 0 && !q->finished.isEmpty())
            vm.callMethod(q->finished, vm.internStr("set"), {});
        return Value::none();
    });
    // The items in order, for repr (either storage).
    vm.addMethod(c, "_items", [](VM& vm, const CallArgs& a) {
        QueueObj* q = selfQueue(vm, a, "_items");
        if (q->nativeItems)
            return listOf(vm, q->items);
        return vm.newList(vm.toVector(vm.getAttr(a[0], vm.internStr("_queue"))));
    });
    addNativeProperty(vm, c, "maxsize",
                      [](VM& vm, const CallArgs& a) { return selfQueue(vm, a, "maxsize")->maxsizeValue; });
    addNativeProperty(vm, c, "_maxsize",
                      [](VM& vm, const CallArgs& a) { return selfQueue(vm, a, "_maxsize")->maxsizeValue; });
    addNativeProperty(vm, c, "_unfinished_tasks", [](VM& vm, const CallArgs& a) {
        return Value::integer(selfQueue(vm, a, "_unfinished_tasks")->unfinishedTasks);
    });
    addNativeProperty(vm, c, "_getters", [](VM& vm, const CallArgs& a) {
        return listOf(vm, selfQueue(vm, a, "_getters")->getters);
    });
    addNativeProperty(vm, c, "_putters", [](VM& vm, const CallArgs& a) {
        return listOf(vm, selfQueue(vm, a, "_putters")->putters);
    });
    addNativeProperty(
        vm, c, "_finished",
        [](VM& vm, const CallArgs& a) {
            QueueObj* q = selfQueue(vm, a, "_finished");
            return q->finished.isEmpty() ? Value::none() : q->finished;
        },
        [](VM& vm, const CallArgs& a) {
            selfQueue(vm, a, "_finished")->finished = a[1].isNone() ? Value() : a[1];
            return Value::none();
        });
    addNativeProperty(vm, c, "_loop", [](VM& vm, const CallArgs& a) {
        QueueObj* q = selfQueue(vm, a, "_loop");
        return q->loop ? Value::object(q->loop) : Value::none();
    });
    rt.queueClass = c;
    moduleSet(vm, module, "Queue", Value::object(c));
}

} // namespace loopscope
