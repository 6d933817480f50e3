#pragma once
// Each task's stack of scenario frames (function, line, locals as repr strings) when a step
// begins: what the loop inspector shows under each suspended task. The trace does not hold
// frames, so they come from the engine's own state API, by re-running the scenario to that step
// (the engine is deterministic). That takes as long as the run up to the step, so the window asks
// on a worker thread: requests are debounced while the user steps, and a request overtaken by a
// newer one is dropped.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <QObject>
#include <QPointer>
#include <QThread>

#include "engine.h"

class QTimer;

namespace loopscope {

struct LocalView {
    std::string name, repr;
};
struct FrameView {
    std::string function;
    uint32_t line = 0;
    std::vector<LocalView> locals;
};
struct TaskStacksAtStep {
    int step = 0;                                   // the step (from 1) they were read at
    std::map<uint32_t, std::vector<FrameView>> stacks; // task id -> frames, outermost first
    std::string unavailable;                        // why there are none (empty: they were read)
};

// The one place the window reads stacks: runs [source] until step [step] begins and reads every
// task's frames there. Stops early when [cancel] is set.
TaskStacksAtStep readTaskStacks(const std::string& source, const RunOptions& options, int step,
                                const std::atomic<bool>* cancel);

class TaskStacksWorker : public QObject {
    Q_OBJECT
  public:
    explicit TaskStacksWorker(QObject* parent = nullptr);
    ~TaskStacksWorker() override;

    // The scenario the requests are about (a new run).
    void setScenario(std::string source, RunOptions options);
    // Asks for the stacks at step [step]; only the latest request is answered.
    void request(int step);
    // The latest answer (null before the first).
    std::shared_ptr<const TaskStacksAtStep> latest() const { return latest_; }

  signals:
    void ready(std::shared_ptr<const TaskStacksAtStep> stacks);

  private:
    void startLatest();

    struct Job;
    std::string source_;
    RunOptions options_;
    int wanted_ = 0;
    uint64_t generation_ = 0;
    std::shared_ptr<Job> running_;
    std::vector<QPointer<QThread>> threads_;
    std::shared_ptr<const TaskStacksAtStep> latest_;
    QTimer* debounce_ = nullptr;
};

} // namespace loopscope
