// The timer heap: heapq's algorithm, step for step (Lib/heapq.py _siftdown, _siftup, heappush,
// heappop, heapify). Ties between equal deadlines are broken here, by the order in which these
// functions move entries: only `when < other.when` is ever asked, never <=.

#include "timers.h"

namespace loopscope {

void TimerHeap::release(Obj* timer)
{
    if (--timer->refcount == 0)
        releaseObject(timer);
}

void TimerHeap::push(double when, Obj* timer)
{
    ++timer->refcount;
    entries_.push_back(TimerEntry{when, timer});
    siftDown(0, entries_.size() - 1);
}

TimerEntry TimerHeap::pop()
{
    TimerEntry last = entries_.back();
    entries_.pop_back();
    if (entries_.empty())
        return last;
    TimerEntry first = entries_.front();
    entries_.front() = last;
    siftUp(0);
    return first;
}

void TimerHeap::heapify()
{
    for (size_t i = entries_.size() / 2; i-- > 0;)
        siftUp(i);
}

void TimerHeap::clear()
{
    std::vector<TimerEntry> dropped;
    dropped.swap(entries_);
    for (TimerEntry& e : dropped)
        release(e.timer);
}

// heapq._siftdown: the entry at [pos] moves up towards [startPos] while it is strictly earlier
// than its parent.
void TimerHeap::siftDown(size_t startPos, size_t pos)
{
    TimerEntry item = entries_[pos];
    while (pos > startPos) {
        size_t parentPos = (pos - 1) >> 1;
        if (item.when < entries_[parentPos].when) {
            entries_[pos] = entries_[parentPos];
            pos = parentPos;
            continue;
        }
        break;
    }
    entries_[pos] = item;
}

// heapq._siftup: the entry at [pos] sinks to a leaf along the path of smaller children (the
// right child when the left one is not strictly smaller), then siftDown puts it in place.
void TimerHeap::siftUp(size_t pos)
{
    const size_t endPos = entries_.size();
    const size_t startPos = pos;
    TimerEntry item = entries_[pos];
    size_t childPos = 2 * pos + 1;
    while (childPos < endPos) {
        size_t rightPos = childPos + 1;
        if (rightPos < endPos && !(entries_[childPos].when < entries_[rightPos].when))
            childPos = rightPos;
        entries_[pos] = entries_[childPos];
        pos = childPos;
        childPos = 2 * pos + 1;
    }
    entries_[pos] = item;
    siftDown(startPos, pos);
}

} // namespace loopscope
