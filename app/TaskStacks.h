#pragma once
// Each task's stack of scenario frames (function, line, locals with their reprs and, for
// containers, their items) at one event of the run: what the loop inspector shows under each
// task. The trace does not hold frames, so they come from the engine's own state API, which
// re-runs the scenario up to that event (the engine is deterministic). That takes as long as the
// run up to the event, so the window asks on a worker thread: requests are debounced while the
// user steps, and a request overtaken by a newer one is dropped.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QPointer>
#include <QThread>

#include "engine.h"

class QTimer;

namespace loopscope {

// A local variable, or an item of a container (a list's "0", a dict's key, an attribute).
struct ValueRow {
    std::string name, repr;
    std::vector<ValueRow> items; // a container's items (maybe fewer than it holds)
    size_t itemCount = 0;        // how many it holds
};
struct FrameView {
    std::string function;
    uint32_t line = 0;
    std::vector<ValueRow> locals;
};
struct TaskStacksAt {
    EventIndex event;                                  // the event they were read at
    std::map<uint32_t, std::vector<FrameView>> stacks; // task id -> frames, outermost first
    std::string unavailable;                           // why there are none (empty: they were read)
};

// The one place the window reads stacks: runs [source] (its trace recorded at TraceLevel::Line)
// until [event] and reads every task's frames there. Stops early when [cancel] is set.
TaskStacksAt readTaskStacks(const std::string& source, const RunOptions& options, EventIndex event,
                            const std::atomic<bool>* cancel);

class TaskStacksWorker : public QObject {
    Q_OBJECT
  public:
    explicit TaskStacksWorker(QObject* parent = nullptr);
    ~TaskStacksWorker() override;

    // The scenario the requests are about (a new run).
    void setScenario(std::string source, RunOptions options);
    // Asks for the stacks at [event]; only the latest request is answered.
    void request(EventIndex event);
    // The latest answer (null before the first).
    std::shared_ptr<const TaskStacksAt> latest() const { return latest_; }

  signals:
    void ready(std::shared_ptr<const TaskStacksAt> stacks);

  private:
    void startLatest();

    struct Job;
    std::string source_;
    RunOptions options_;
    std::optional<EventIndex> wanted_;
    uint64_t generation_ = 0;
    std::shared_ptr<Job> running_;
    std::vector<QPointer<QThread>> threads_;
    std::shared_ptr<const TaskStacksAt> latest_;
    QTimer* debounce_ = nullptr;
};

} // namespace loopscope
