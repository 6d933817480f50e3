#include "TaskStacks.h"

#include <algorithm>

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace loopscope {

namespace {

// Requests closer together than this (holding a step key, playing) are answered once.
constexpr int kDebounceMs = 150;

} // namespace

TaskStacksAt readTaskStacks(const std::string& source, const RunOptions& options, EventIndex event,
                            const std::atomic<bool>* cancel)
{
    (void)source;
    (void)options;
    (void)cancel;
    // The seam for the engine's state API (engine/loop/state_at_step.h, stateAtEvent): it re-runs
    // the scenario to the event and reads the frames there. This build does not have it yet.
    TaskStacksAt result;
    result.event = event;
    result.unavailable = "stacks and locals need the engine's state API, which this build does not have yet";
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
        auto result = std::make_shared<const TaskStacksAt>(readTaskStacks(source, options, event, &job->cancel));
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
    threads_.erase(std::remove_if(threads_.begin(), threads_.end(), [](const QPointer<QThread>& t) { return !t; }),
                   threads_.end());
    threads_.push_back(job->thread);
    job->thread->start(QThread::LowPriority);
}

} // namespace loopscope
