#pragma once
// asyncio.Queue's core in C++ (CPython's Lib/asyncio/queues.py): the items, the waiting getters
// and putters, put/get as native coroutines and their _nowait forms. asyncio.py's Queue,
// LifoQueue and PriorityQueue are Python subclasses; a subclass that brings its own _init, _put
// and _get (LifoQueue, PriorityQueue) keeps its items in self._queue as CPython's do, and the
// core calls those methods.

#include <array>
#include <deque>

#include "../object.h"

namespace loopscope {

class VM;
struct EventLoopObj;
struct AsyncioRuntime;

struct QueueObj final : NativeObj {
    explicit QueueObj(ClassObj* cls);
    ~QueueObj() override;

    bool nativeItems = true; // the items live in [items]; else in the Python attribute _queue
    int64_t maxsize = 0;     // <= 0: unbounded
    int64_t unfinishedTasks = 0;
    Value maxsizeValue;           // as given, for the maxsize property and repr
    EventLoopObj* loop = nullptr; // bound on first wait, as _LoopBoundMixin does; held
    std::deque<Value> items;
    std::deque<Value> getters; // futures of waiting get()s
    std::deque<Value> putters; // futures of waiting put()s
    Value finished;            // the Event join() waits on, made by the first join()
    // Objects of finished hand-offs, kept for the next put()/get() (queue.cpp, "Spares"): the
    // coroutines of finished calls, and the getter and putter futures of finished waits. One
    // is taken again only when nothing else holds it (README.md: the one exception, a weakref).
    std::array<Value, 2> spareCalls;
    std::array<Value, 2> spareGetters;
    std::array<Value, 2> sparePutters;

    // The methods CPython's put(), get() and the _nowait forms call through `self`, which a Python
    // subclass may override (bits of [overrides], found when __init__ runs).
    enum Override : uint8_t { Qsize = 1, Empty = 2, Full = 4, PutNowait = 8, GetNowait = 16 };
    uint8_t overrides = 0;

    // len(self._queue): Queue.qsize()'s own body.
    size_t size(VM& vm) { return nativeItems ? items.size() : pythonSize(vm); }
    // self.empty(), self.full(), self.put_nowait(item), self.get_nowait(): the subclass's
    // override when it has one, else the base class's body below. The first two are inline for
    // a plain queue with an int maxsize (every hand-off asks them).
    bool empty(VM& vm)
    {
        if (nativeItems && !(overrides & Empty))
            return items.empty();
        return calledEmpty(vm);
    }
    bool full(VM& vm)
    {
        if (nativeItems && !(overrides & (Full | Qsize)) &&
            (maxsizeValue.isEmpty() || maxsizeValue.isIntLike()))
            return maxsize > 0 && int64_t(items.size()) >= maxsize;
        return calledFull(vm);
    }
    void putNowait(VM& vm, const Value& item);
    Value getNowait(VM& vm);
    // The base class's Queue.full(), put_nowait() and get_nowait().
    bool baseFull(VM& vm);
    void basePutNowait(VM& vm, const Value& item);
    Value baseGetNowait(VM& vm);
    size_t pythonSize(VM& vm);
    bool calledEmpty(VM& vm);
    bool calledFull(VM& vm);
    // Wakes the first waiter in [waiters] that is not done yet (CPython's _wakeup_next).
    void wakeupNext(VM& vm, std::deque<Value>& waiters);
    // The running loop, binding the queue to it on first use.
    EventLoopObj* boundLoop(VM& vm);
};

// Creates the native base of asyncio.Queue and adds it to the _asyncio [module].
void registerQueueClass(VM& vm, AsyncioRuntime& rt, const Value& module);

} // namespace loopscope
