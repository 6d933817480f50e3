// The registry of pending tasks and the runtime's small helpers.

#include "asyncio_runtime.h"

#include "event_loop.h"
#include "task.h"

namespace loopscope {

PendingTasks::~PendingTasks()
{
    releaseAll();
}

void PendingTasks::add(TaskObj* task)
{
    ++task->refcount;
    task->registrySlot = uint32_t(tasks_.size());
    tasks_.push_back(task);
    ++live_;
}

void PendingTasks::remove(TaskObj* task)
{
    const size_t slot = task->registrySlot;
    if (slot >= tasks_.size() || tasks_[slot] != task)
        return;
    tasks_[slot] = nullptr;
    --live_;
    // Compact once holes are the majority: each task moves at most once per halving.
    if (tasks_.size() > 64 && live_ < tasks_.size() / 2) {
        size_t kept = 0;
        for (TaskObj* t : tasks_) {
            if (!t)
                continue;
            t->registrySlot = uint32_t(kept);
            tasks_[kept++] = t;
        }
        tasks_.resize(kept);
    }
    if (--task->refcount == 0)
        releaseObject(task);
}

std::vector<TaskObj*> PendingTasks::inOrder() const
{
    std::vector<TaskObj*> out;
    out.reserve(live_);
    forEach([&](TaskObj* t) { out.push_back(t); });
    return out;
}

void PendingTasks::releaseAll()
{
    std::vector<TaskObj*> all;
    all.swap(tasks_);
    live_ = 0;
    for (TaskObj* t : all)
        if (t && --t->refcount == 0)
            releaseObject(t);
}

EventLoopObj* AsyncioRuntime::running() const
{
    return runningLoop.isEmpty() ? nullptr : runningLoop.as<EventLoopObj>();
}

} // namespace loopscope
