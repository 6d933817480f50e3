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

TaskStacksAtStep readTaskStacks(const std::string& source, const RunOptions& options, int step,
                                const std::atomic<bool>* cancel)
{
    (void)source;
    (void)options;
    (void)cancel;
    // The seam for the engine's state API (engine/loop/state_at_step.h): it re-runs the scenario
    // to the step and reads the frames there. This build does not have it yet.
    TaskStacksAtStep result;
    result.step = step;
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
    wanted_ = 0;
    debounce_->stop();
    if (running_)
        running_->cancel = true;
}

void TaskStacksWorker::request(int step)
{
    wanted_ = step;
    ++generation_;
    if (latest_ && latest_->step == step)
        return;
    debounce_->start();
}

void TaskStacksWorker::startLatest()
{
    if (wanted_ <= 0)
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
    const int step = wanted_;
    job->thread = QThread::create([job, self, source, options, step] {
        auto result = std::make_shared<const TaskStacksAtStep>(readTaskStacks(source, options, step, &job->cancel));
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
