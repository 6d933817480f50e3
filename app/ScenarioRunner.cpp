#include "ScenarioRunner.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

namespace loopscope {

// What the worker and the window share: the flag that stops the run, the progress counters,
// and, once the thread has finished, the outcome.
struct ScenarioRunner::Job {
    std::atomic<bool> cancel{false};
    std::atomic<double> virtualTime{0};
    std::atomic<quint64> events{0};
    std::shared_ptr<RunOutcome> outcome = std::make_shared<RunOutcome>();
};

namespace {

// How long Cancel waits for the run to report before the window drops it (issue 12: Cancel
// always works within 100 ms, shown). The engine stops within a few milliseconds; what can take
// longer is freeing what the run built (hundreds of thousands of tasks: half a second), and
// the window does not wait for that. Showing the cancellation then takes a few milliseconds and
// a redraw, tens on a loaded machine.
constexpr int kCancelDeadlineMs = 40;

// Line-level events kept at most (32 MB of them).
constexpr quint64 kMaxStatements = 1'000'000;

// Records the trace and publishes how far the run got, every few thousand events (cheap
// enough for the hot path: one counter test per event).
class ProgressRecorder final : public TraceObserver {
  public:
    ProgressRecorder(TraceRecorder& recorder, std::atomic<double>& time, std::atomic<quint64>& events)
        : recorder_(recorder), time_(time), events_(events)
    {
    }
    StringId intern(std::string_view text) override { return recorder_.intern(text); }
    TraceLevel level() const override { return recorder_.level(); }
    void record(const TraceEvent& e) override
    {
        // Statements past the cap are dropped: an endless loop must not fill the memory with
        // them (the step-level events, which the timeline draws, are all kept).
        if (e.kind == EventKind::Statement && ++statements_ > kMaxStatements)
            return;
        recorder_.record(e);
        if ((++count_ & 0xfff) == 0) {
            events_.store(count_, std::memory_order_relaxed);
            time_.store(e.t, std::memory_order_relaxed);
        }
    }

  private:
    TraceRecorder& recorder_;
    std::atomic<double>& time_;
    std::atomic<quint64>& events_;
    quint64 count_ = 0;
    quint64 statements_ = 0;
};

} // namespace

ScenarioRunner::ScenarioRunner(QObject* parent) : QObject(parent), poll_(new QTimer(this))
{
    poll_->setInterval(100);
    connect(poll_, &QTimer::timeout, this, [this] {
        if (current_)
            emit progress(progressTime(), progressEvents());
    });
}

ScenarioRunner::~ScenarioRunner()
{
    if (current_)
        current_->cancel = true;
    for (QThread* thread : threads_) {
        thread->wait();
        delete thread;
    }
}

double ScenarioRunner::progressTime() const
{
    return current_ ? current_->virtualTime.load(std::memory_order_relaxed) : 0.0;
}

quint64 ScenarioRunner::progressEvents() const
{
    return current_ ? current_->events.load(std::memory_order_relaxed) : 0;
}

void ScenarioRunner::cancel()
{
    if (!current_)
        return;
    current_->cancel = true;
    // The engine stops at its next budget check, within milliseconds, but freeing a big heap,
    // one builtin on huge data (a repr, a big-int product) or the stepping indexes can take
    // longer: the window does not wait for it. Past kCancelDeadlineMs the run is dropped like a
    // stale one and reported as cancelled without its output; its thread ends on its own.
    std::weak_ptr<Job> weak = current_;
    QTimer::singleShot(kCancelDeadlineMs, this, [this, weak] {
        const std::shared_ptr<Job> job = weak.lock();
        if (!job || job != current_)
            return; // it reported in time, or a newer run replaced it
        auto outcome = std::make_shared<RunOutcome>();
        outcome->result.ok = false;
        outcome->result.cancelled = true;
        outcome->result.errorType = "Cancelled";
        outcome->result.errorMessage =
            "the run was cancelled (it was still freeing its memory or in the middle of "
            "one long operation, so its output is not shown)";
        outcome->result.endTime = job->virtualTime.load(std::memory_order_relaxed);
        auto trace = std::make_shared<TraceRecorder>(TraceLevel::Step);
        outcome->trace = trace;
        outcome->model = std::make_shared<const TimelineModel>(TimelineModel::build(trace, {}, nullptr));
        current_.reset();
        poll_->stop();
        emit finished(outcome);
    });
}

void ScenarioRunner::start(std::string source, RunOptions options, TraceLevel level)
{
    if (current_)
        current_->cancel = true; // stale: it stops soon, and nobody hears of it
    auto job = std::make_shared<Job>();
    current_ = job;
    options.cancel = &job->cancel;

    QThread* thread = QThread::create([job, source = std::move(source), options = std::move(options), level] {
        QElapsedTimer clock;
        clock.start();
        RunOutcome& out = *job->outcome;
        RunOptions run = options;
        run.writeStdout = [&out](std::string_view text) { out.stdoutText += text; };
        run.writeStderr = [&out](std::string_view text) { out.stderrText += text; };
        auto trace = std::make_shared<TraceRecorder>(level);
        ProgressRecorder recorder(*trace, job->virtualTime, job->events);
        out.result = runScenario(source, run, &recorder);
        job->events = trace->events().size();
        out.trace = trace;
        out.model = std::make_shared<const TimelineModel>(TimelineModel::build(trace, source, &job->cancel));
        if (job->cancel.load() && !out.result.cancelled) {
            // Cancelled while the timeline was being built: the run is complete, its picture is not.
            out.result.ok = false;
            out.result.cancelled = true;
            out.result.errorType = "Cancelled";
            out.result.errorMessage = "the run was cancelled while its timeline was being built";
        }
        // Indexing a big run for stepping takes long: off the window's thread, and not for a run
        // that was cancelled, whose timeline is not shown either.
        if (!job->cancel.load())
            out.indexes = std::make_unique<RunIndexes>(trace);
        out.seconds = clock.elapsed() / 1000.0;
    });
    thread->setObjectName(QStringLiteral("ScenarioRun"));
    threads_.push_back(thread);
    connect(thread, &QThread::finished, this, [this, job, thread] {
        std::erase(threads_, thread);
        thread->deleteLater();
        if (job != current_)
            return; // a stale run: its result is dropped with it
        current_.reset();
        if (!current_)
            poll_->stop();
        emit finished(job->outcome);
    });
    poll_->start();
    thread->start();
}

} // namespace loopscope
