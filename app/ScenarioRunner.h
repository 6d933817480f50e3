#pragma once
// Runs scenarios off the GUI thread (SPEC.md section 6: long work never blocks the window). Each
// run gets a worker thread that runs the engine and builds the timeline model; the window
// polls its progress (virtual time reached, events recorded) from atomic counters; Cancel sets
// the engine's cancellation flag, which stops even `while True: pass` within milliseconds; a
// newer run makes an older one stale: it is cancelled and its result is never delivered.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <QObject>

#include "StepController.h"
#include "TimelineModel.h"
#include "engine.h"

class QThread;
class QTimer;

namespace loopscope {

struct RunOutcome {
    RunResult result;
    std::shared_ptr<const TraceRecorder> trace;
    std::shared_ptr<const TimelineModel> model;
    std::unique_ptr<RunIndexes> indexes; // stepping's; none for a cancelled run (nor its timeline)
    std::string stdoutText, stderrText;
    double seconds = 0; // wall time: the run and the model build
};

class ScenarioRunner : public QObject {
    Q_OBJECT
  public:
    explicit ScenarioRunner(QObject* parent = nullptr);
    // Cancels what still runs and waits for it (at most a few milliseconds).
    ~ScenarioRunner() override;

    // Runs [source] on a worker thread; a run in progress is cancelled and dropped.
    void start(std::string source, RunOptions options, TraceLevel level);
    // Stops the current run; it still reports, as cancelled.
    void cancel();
    bool isRunning() const { return current_ != nullptr; }
    // The current run's progress so far.
    double progressTime() const;
    quint64 progressEvents() const;

  signals:
    void progress(double virtualTime, quint64 events);
    // The latest run ended (done, failed, hit a limit or cancelled).
    // The receiver may take what it keeps (the indexes) out of [outcome].
    void finished(std::shared_ptr<RunOutcome> outcome);

  private:
    struct Job;
    std::shared_ptr<Job> current_;
    std::vector<QThread*> threads_;
    QTimer* poll_ = nullptr;
};

} // namespace loopscope
