#pragma once
// The deadlock's own moment on the timeline. When no task can make progress, the loop reports the
// deadlock and ends it as Ctrl+C would, all at one virtual instant: without room of its own, each
// row's wait would close there with no width and the cancellation would cover it. The model gives
// the deadlock a slot on both axes (TimelineModel::hasDeadlockSlot); a view draws that slot a fixed
// number of pixels wide at any zoom (TimelineGeometry's gap), wide enough for the captions: the
// stuck rows' waits ("waits on Event.wait · line 8 — forever") and the loop's band.

#include <QFont>
#include <QFontMetricsF>
#include <QStringList>

#include "TimelineGeometry.h"
#include "TimelineModel.h"

class QPainter;

namespace loopscope {

// The slot is at least this wide (pixels), and at most this fraction of the plot.
constexpr double kDeadlockSlotMinPixels = 140;
constexpr double kDeadlockSlotMaxFraction = 0.45;

// The width of the slot in a plot [plotWidth] pixels wide whose captions are written in [font]
// (scaled as the renderer scales it for captions): room for the loop's band caption.
double deadlockSlotPixels(const QFont& font, double plotWidth);

// Gives [geometry] the slot of [model]'s deadlock on [axis], [pixels] wide; nothing when the run
// has no slot (no deadlock, or a deadlock with nothing after it).
void applyDeadlockSlot(TimelineGeometry& geometry, const TimelineModel& model, TimelineAxis axis,
                       double pixels);

// Where a stop sign (MarkerKind::Stuck) sits in the slot, on a row [rowHeight] pixels tall: at
// its end, clear of the cancellation that follows it.
double deadlockMarkerX(const TimelineModel& model, const TimelineGeometry& geometry, TimelineAxis axis,
                       double rowHeight);

// What the wait of row [row]'s segment [index], stuck at the deadlock, says inside its bar: the
// forms to try, longest first ("Event.wait · line 8 — forever", "Event.wait — forever", ...).
QStringList stuckWaitCaptions(const TimelineModel& model, int row, int index);

// Under the slot on the time axis (whose pixels are no time): says so, in [color], in the tick
// labels' line of [axis] (the axis band's rectangle).
void paintDeadlockSlotLabel(QPainter& painter, const TimelineGeometry& geometry, const QRectF& axis,
                            const QFontMetricsF& metrics, const QColor& color);

// What the loop's band at the deadlock says ([shortForm]: when the long one does not fit).
QString deadlockBandCaption(bool shortForm = false);

} // namespace loopscope
