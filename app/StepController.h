#pragma once
// The window's side of stepping: the cursor over the last run (RunCursor), what the loop held
// at each stop (LoopHistory), the narration, breakpoints, and play at a chosen speed. The
// window's panels listen to moved() and draw the stop; every move costs the same forwards and
// backwards.

#include <memory>
#include <optional>
#include <set>
#include <string>

#include <QObject>

#include "LoopHistory.h"
#include "Narration.h"
#include "RunCursor.h"

class QTimer;

namespace loopscope {

// What stepping needs of a run: the stops and the loop's state at each. A run of a million events
// takes most of a second to index, so ScenarioRunner builds this on its worker thread, not the
// window's.
struct RunIndexes {
    explicit RunIndexes(std::shared_ptr<const TraceRecorder> trace)
        : history(std::make_unique<LoopHistory>(trace)), cursor(*trace)
    {
    }
    RunIndexes(std::unique_ptr<LoopHistory> history, RunCursor cursor)
        : history(std::move(history)), cursor(std::move(cursor))
    {
    }
    std::unique_ptr<LoopHistory> history;
    RunCursor cursor;
};

class StepController : public QObject {
    Q_OBJECT
  public:
    explicit StepController(QObject* parent = nullptr);
    ~StepController() override;

    // A new run, its indexes built on the run's thread: the cursor stands at its end (the whole
    // run shown). Null: nothing to step.
    void setRun(std::unique_ptr<RunIndexes> indexes, const std::string& source);
    bool hasRun() const { return history_ != nullptr && !cursor_.isEmpty(); }

    const RunCursor& cursor() const { return cursor_; }
    const LoopHistory& history() const { return *history_; }
    int position() const { return cursor_.position(); }
    // The narration of the current stop.
    std::string sentence() const;

    void moveTo(int position);
    void forward(StepUnit unit);
    void back(StepUnit unit);
    void reset();
    void toEnd();
    // To the stop at or before [event] (a clicked bar or console line).
    void moveToEvent(EventIndex event);
    // To where step [k] begins; false if the run has no such step.
    bool moveToStep(int k);
    // To the next (previous) stop on a breakpoint line; false when there is none.
    bool toNextBreakpoint();
    bool toPreviousBreakpoint();
    void setBreakpoints(std::set<uint32_t> lines);

    // Play: a step forward every 1/speed seconds until the end (from the end: from the start).
    void play();
    void pause();
    void togglePlay();
    bool isPlaying() const;
    void setSpeed(double stepsPerSecond);
    double speed() const { return speed_; }

  signals:
    // The cursor moved (or a new run put it at its end).
    void moved(int position);
    void playingChanged(bool playing);

  private:
    void moved_(bool didMove);

    std::unique_ptr<LoopHistory> history_;
    RunCursor cursor_;
    std::unique_ptr<Narrator> narrator_;
    QTimer* playTimer_ = nullptr;
    double speed_ = 2;
};

} // namespace loopscope
