#pragma once
// The loop's timer heap: a binary min-heap of deadlines kept with exactly the push, pop and
// heapify of Python's heapq (whose C version mirrors the pure-Python one), so that timers with
// equal deadlines come out in the same order as in CPython (SPEC.md section 3). Where ties are
// broken: siftDown and siftUp in timers.cpp, which compare deadlines only, as TimerHandle's
// __lt__ does.

#include <cstddef>
#include <vector>

#include "../object.h"

namespace loopscope {

struct TimerEntry {
    double when = 0;       // the deadline, in loop time
    Obj* timer = nullptr;  // a HandleObj (call_at, call_later) or a SleepObj; the heap holds a reference
};

class TimerHeap {
  public:
    TimerHeap() = default;
    TimerHeap(const TimerHeap&) = delete;
    TimerHeap& operator=(const TimerHeap&) = delete;
    ~TimerHeap() { clear(); }

    bool empty() const { return entries_.empty(); }
    size_t size() const { return entries_.size(); }
    const TimerEntry& top() const { return entries_.front(); }
    // The entries in heap order (for the loop's state read-out), not in deadline order.
    const std::vector<TimerEntry>& entries() const { return entries_; }

    // heapq.heappush: takes a new reference to [timer].
    void push(double when, Obj* timer);
    // heapq.heappop: the caller receives the heap's reference to the returned timer.
    TimerEntry pop();
    // Keeps only the timers for which [keep](Obj*) is true, then heapq.heapify()s them, as the
    // loop does when more than half of its timers are cancelled. [dropped](Obj*) is told about
    // each removed timer before its reference is released.
    template <class Keep, class Dropped> void rebuild(Keep&& keep, Dropped&& dropped)
    {
        size_t kept = 0;
        for (TimerEntry& e : entries_) {
            if (keep(e.timer)) {
                entries_[kept++] = e;
            } else {
                dropped(e.timer);
                release(e.timer);
            }
        }
        entries_.resize(kept);
        heapify();
    }
    // Drops every timer (loop.close()).
    void clear();
    // The timers in the order the loop will pop them: by deadline, ties as heapq breaks them.
    std::vector<TimerEntry> inFiringOrder() const;

  private:
    void heapify();
    static void release(Obj* timer);
    std::vector<TimerEntry> entries_;
};

} // namespace loopscope
