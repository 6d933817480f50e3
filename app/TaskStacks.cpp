#include "TaskStacks.h"

#include <algorithm>

#include <QPointer>
#include <QThread>
#include <QTimer>

#include "loop/state_at_step.h"

namespace loopscope {

namespace {

// Requests closer together than this (holding a step key, playing) are answered once.
constexpr int kDebounceMs = 150;

} // namespace

namespace {

// What the inspector keeps of each local: two levels of items to expand, 100 items a container,
// reprs cut at 200 characters (the row shows one line; the tooltip the rest).
const ValueViewLimits kInspectorLimits{2, 100, 200};

ValueRow valueRow(const std::string& name, const ValueView& view)
{
    ValueRow row{name, view.repr, {}, view.itemCount};
    row.items.reserve(view.items.size());
    for (const auto& [label, item] : view.items)
        row.items.push_back(valueRow(label, item));
    return row;
}

} // namespace

TaskStacksAt readTaskStacks(const std::string& source, const RunOptions& options, EventIndex event,
                            const std::atomic<bool>* cancel)
{
    TaskStacksAt result;
    result.event = event;
    RunOptions run = options;
    run.cancel = cancel;
    const StateAtStepResult state = stateAtEvent(source, run, event, TraceLevel::Line, kInspectorLimits);
    if (!state.snapshot) {
        result.unavailable = state.run.cancelled ? "cancelled" : "the re-run did not reach this moment";
        return result;
    }
    for (const TaskSnapshot& task : state.snapshot->tasks) {
        if (task.stack.empty())
            continue;
        std::vector<FrameView>& frames = result.stacks[task.id.value];
        for (const FrameSnapshot& frame : task.stack) {
            FrameView view{frame.qualname.empty() ? frame.function : frame.qualname, frame.line, {}};
            for (const auto& [name, value] : frame.locals)
                view.locals.push_back(valueRow(name, value));
            frames.push_back(std::move(view));
        }
    }
    return result;
}

struct TaskStacksWorker::Job {
    std::atomic<bool> cancel{false};
    uint64_t generation = 0;
    QPointer<QThread> thread; // deletes itself when it has finished
};

TaskStacksWorker::TaskStacksWorker(QObject* parent) : QObject(parent), debounce_(new QTimer(this))
{
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &TaskStacksWorker::startLatest);
}

TaskStacksWorker::~TaskStacksWorker()
{
    // The threads use this object until they end: stop them and wait.
    if (running_)
        running_->cancel = true;
    for (const QPointer<QThread>& thread : threads_)
        if (thread)
            thread->wait();
}

void TaskStacksWorker::setScenario(std::string source, RunOptions options)
{
    source_ = std::move(source);
    options_ = std::move(options);
    // Output of the re-runs goes nowhere: the console already has the run's.
    options_.writeStdout = nullptr;
    options_.writeStderr = nullptr;
    ++generation_;
    latest_.reset();
    wanted_.reset();
    debounce_->stop();
    if (running_)
        running_->cancel = true;
}

void TaskStacksWorker::request(EventIndex event)
{
    wanted_ = event;
    ++generation_;
    if (latest_ && latest_->event == event)
        return;
    debounce_->start();
}

void TaskStacksWorker::startLatest()
{
    if (!wanted_)
        return;
    // One re-run at a time: a newer request cancels the one in progress, which then reports
    // nothing.
    if (running_) {
        running_->cancel = true;
        if (running_->thread && !running_->thread->isFinished()) {
            debounce_->start();
            return;
        }
    }
    auto job = std::make_shared<Job>();
    job->generation = generation_;
    running_ = job;
    TaskStacksWorker* self = this;
    const std::string source = source_;
    RunOptions options = options_;
    options.cancel = &job->cancel;
    const EventIndex event = *wanted_;
    job->thread = QThread::create([job, self, source, options, event] {
        auto result =
            std::make_shared<const TaskStacksAt>(readTaskStacks(source, options, event, &job->cancel));
        if (job->cancel)
            return;
        QMetaObject::invokeMethod(
            self,
            [job, self, result] {
                if (job->cancel || job->generation != self->generation_)
                    return;
                self->latest_ = result;
                emit self->ready(result);
            },
            Qt::QueuedConnection);
    });
    connect(job->thread, &QThread::finished, job->thread, &QObject::deleteLater);
    threads_.erase(
        std::remove_if(threads_.begin(), threads_.end(), [](const QPointer<QThread>& t) { return !t; }),
        threads_.end());
    threads_.push_back(job->thread);
    job->thread->start(QThread::LowPriority);
}

} // namespace loopscope
