#pragma once
// The view's zoom, pan, scroll and selection, with their limits: one object that says when it
// changes, so that the plot, the scroll bar and the window follow it.

#include <QObject>

#include "TimelineGeometry.h"
#include "TimelineLayout.h"
#include "TimelineRenderer.h"

namespace loopscope {

// How far a view of [model] may zoom and pan on [axis]; fit-all leaves more room after a run that
// ended waiting (a deadlock, a limit), so that the rows still waiting can say on what.
TimelineAxisLimits axisLimits(const TimelineModel& model, TimelineAxis axis);

class TimelineViewport : public QObject {
    Q_OBJECT
  public:
    explicit TimelineViewport(QObject* parent = nullptr) : QObject(parent) {}

    const TimelineViewState& state() const { return state_; }
    const TimelineAxisLimits& limits() const
    {
        return state_.axis == TimelineAxis::Time ? timeLimits_ : passLimits_;
    }

    // New run: both axes' limits from [model], the whole run in view, nothing selected.
    void reset(const TimelineModel& model);
    void setAxis(TimelineAxis axis);
    void setRange(double x0, double x1);
    void zoomAt(double anchor, double factor);
    void panBy(double delta);
    void fitAll();
    void setArrows(bool on);

    // Rows: the scroll position in task rows, kept within [0, maxScroll].
    void setMaxScroll(double maxScroll);
    double maxScroll() const { return maxScroll_; }
    void setScroll(double rows);
    void scrollBy(double rows) { setScroll(state_.scroll + rows); }

    const TimelineScene::Hit& selection() const { return selection_; }
    void setSelection(const TimelineScene::Hit& hit);

  signals:
    void changed();
    void selectionChanged();

  private:
    TimelineViewState state_;
    TimelineAxisLimits timeLimits_ = TimelineAxisLimits::forTime(0);
    TimelineAxisLimits passLimits_ = TimelineAxisLimits::forPasses(0);
    double maxScroll_ = 0;
    TimelineScene::Hit selection_;
};

} // namespace loopscope
