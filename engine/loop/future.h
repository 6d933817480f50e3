#pragma once
// asyncio.Future in C++: a value that will be set later. Awaiting one suspends the task until
// it is done; done callbacks always run through the loop's ready queue (call_soon). Python
// subclasses (gather's _GatheringFuture, the program's own) keep working: the loop calls their
// overrides of cancel() and result() where CPython's C Task would.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../object.h"
#include "../trace.h"

namespace loopscope {

class VM;
struct EventLoopObj;
struct AsyncioRuntime;

enum class FutureState : uint8_t { Pending, Cancelled, Finished };

struct FutureObj : NativeObj {
    FutureObj(ClassObj* cls, NativeKind kind = NativeKind::Future);
    ~FutureObj() override;

    // Small fields first: they share the tail padding of NativeObj.
    FutureState state = FutureState::Pending;
    bool blocking = false;     // _asyncio_future_blocking: yielded to a task that must wait on it
    bool logTraceback = false; // holds an exception that nobody has retrieved yet
    bool hasException = false; // [outcome] is the exception
    // What a task awaiting this future waits on, for StepEnded and the deadlock report
    // (asyncio.py sets it on the futures of Lock.acquire, Queue.get, ...: `_ls_kind`).
    WaitKind waitKind = WaitKind::Future;
    // outcome() and firstCallback() are Values kept in two parts (Value::takeParts): their tags
    // here, in the padding after the small fields, their 8 bytes below. Two Values in 18 bytes
    // instead of 32: every task is a future (96 -> 80 bytes a future, 144 -> 128 a task).
    Tag outcomeTag = Tag::Empty;
    Tag firstCallbackTag = Tag::Empty;
    EventLoopObj* loop = nullptr; // holds a reference
    int64_t outcomeBits = 0;
    int64_t firstCallbackBits = 0;
    StrObj* waitLabel = nullptr; // `_ls_what` ("Queue.put"), held; null: waitKind's description

    // The result, or the exception when [hasException]; empty while pending.
    Value outcome() const { return Value::copyOfParts(outcomeTag, outcomeBits); }
    void setOutcome(Value v) { Value::assignParts(outcomeTag, outcomeBits, std::move(v)); }
    // The first done callback: nearly every future has at most one; the others are in
    // rare->moreCallbacks. A TaskObj as the callback means "wake this task" (Task.__wakeup in
    // CPython): a task is never callable itself, so the two cannot be confused.
    bool hasFirstCallback() const { return firstCallbackTag != Tag::Empty; }
    // The first callback's object without taking a reference, or null (a prefetch's address).
    Obj* firstCallbackObject() const
    {
        return firstCallbackTag == Tag::Object ? reinterpret_cast<Obj*>(firstCallbackBits) : nullptr;
    }
    void setFirstCallback(Value v) { Value::assignParts(firstCallbackTag, firstCallbackBits, std::move(v)); }
    Value takeFirstCallback()
    {
        const Tag tag = std::exchange(firstCallbackTag, Tag::Empty);
        return Value::fromParts(tag, firstCallbackBits);
    }
    // What few futures need, allocated when first needed (100k pending futures go without).
    struct Rare {
        Value cancelMessage;      // cancel(msg)'s message
        Value cancelledError;     // the CancelledError a task's coroutine raised, kept for chaining
        TaskId waitTask;          // with WaitKind::Task on a plain future: the task really awaited (wait_for)
        Value sleepDelay;         // asyncio.sleep() given a delay that is no number, until it runs
        Value taskContext;        // a task's contextvars.Context, once the program uses contextvars
        Value sleepCancelMessage; // a task's own sleep cancelled with a message (sleep.h)
        Value taskName;           // a task's name when it was given one, a str (TaskObj::givenName)
        std::vector<Value> moreCallbacks; // the done callbacks after the first, in order
    };
    std::unique_ptr<Rare> rare;
    Rare& rareFields()
    {
        if (!rare)
            rare = std::make_unique<Rare>();
        return *rare;
    }
    TaskId waitTask() const { return rare ? rare->waitTask : TaskId{}; }

    bool done() const { return state != FutureState::Pending; }
    void setLoop(EventLoopObj* newLoop);
    // The Future API, as asyncio/futures.py defines it.
    void setResult(VM& vm, Value result);
    void setException(VM& vm, Value exception);
    bool cancel(VM& vm, Value message);
    Value result(VM& vm);
    Value exception(VM& vm);
    void addDoneCallback(VM& vm, Value callback);
    // Done callbacks: adds one (to be called once done); remove_done_callback (drops every
    // callback equal to [callback], returns how many); hands them all over in the order they
    // were added, forgetting them.
    void addCallback(Value callback);
    size_t removeCallbacks(VM& vm, const Value& callback);
    std::vector<Value> takeCallbacks();
    Value makeCancelledError(VM& vm);
    Value cancelMessage() const { return rare ? rare->cancelMessage : Value(); }
    void setCancelMessage(Value message);
    // Queues every done callback on the loop (CPython's __schedule_callbacks).
    void scheduleCallbacks(VM& vm);
    // "pending", "cancelled", "finished result=3", "finished exception=ValueError('x')": the
    // state part of the repr of futures and tasks.
    std::string stateRepr(VM& vm) const;
    // The await protocol (CPython's FutureIter): the first resume of a pending future yields the
    // future itself to the task, with [blocking] set; a later one returns its result or raises.
    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    // CPython's Future.__del__: an exception nobody retrieved goes to the loop's exception
    // handler ("Task exception was never retrieved").
    void finalize() override;
};

// Whether [v] is a FutureObj (a Future, a Task or asyncio.sleep()'s coroutine).
inline FutureObj* asFuture(const Value& v)
{
    if (!v.isObject() || v.asObject()->kind != ObjKind::Native)
        return nullptr;
    auto* n = static_cast<NativeObj*>(v.asObject());
    return n->nativeKind == NativeKind::Future || n->nativeKind == NativeKind::Task ||
                   n->nativeKind == NativeKind::Sleep
               ? static_cast<FutureObj*>(n)
               : nullptr;
}

// The repr CPython uses for a future's result: reprlib's limits for long strings.
std::string shortRepr(VM& vm, const Value& value);
// "Type: message", or "Type" when the message is empty.
std::string exceptionText(VM& vm, const Value& exception);
// Raises [cls] (an exception class of the Python side, e.g. InvalidStateError) with [message].
[[noreturn]] void raiseAsyncio(VM& vm, const Value& cls, const std::string& message);

// Creates Future and its await iterator and adds Future to the _asyncio [module].
void registerFutureClasses(VM& vm, AsyncioRuntime& rt, const Value& module);

} // namespace loopscope
