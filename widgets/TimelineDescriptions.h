#pragma once
// What the timeline shows, in plain words: the tooltips ("Task-2 add_slow sleeping 0.0 → 5.0 s:
// await asyncio.sleep(5), line 15"), the short captions written inside wide bars ("awaits
// Task-3"), and the scenario lines each item is about (marked in the code view on click).

#include <vector>

#include <QString>

#include "TimelineModel.h"

namespace loopscope {

// "5.0", "0.25", "2.1": seconds as a learner reads them (no unit); up to six digits.
QString formatSeconds(double t);
// The same with at most four digits ("0.844", "12.35"), for captions inside bars.
QString formatSecondsShort(double t);

QString describeSegment(const TimelineModel& model, int row, int index);
QString describeMarker(const TimelineModel& model, const TimelineMarker& marker);
QString describeArrow(const TimelineModel& model, const TimelineArrow& arrow);
QString describeStall(const TimelineModel& model, const TimelineStall& stall);
// "time.sleep(2) in Task-3 blocker held the loop 2.0 s": what a stall band says.
QString stallCaption(const TimelineModel& model, const TimelineStall& stall);
// [count] segments of [row] from [first], folded into one box at this zoom.
QString describeFold(const TimelineModel& model, int row, int first, int count);

// What a bar says inside itself when it is wide enough ("sleep until 5.0 s", "awaits Task-3
// add_fast", "Queue.get"), or empty; [shortForm] for narrow bars ("→ 5.0 s", "awaits Task-3").
QString segmentCaption(const TimelineModel& model, int row, int index, bool shortForm = false);

// The state of segment [index] of [row] in a few words, as a trace viewer names a slice: "running",
// "ready", "sleeping", "waiting on Task-3", "waiting on Queue.get", "blocked" (held up by another
// task's blocking call); for the loop's row "busy", "idle", "callback <name>". Empty for a gap.
QString stateName(const TimelineModel& model, int row, int index);

// The scenario lines (1-based) the item is about: where a step resumed and suspended, where a
// task waits, where it was created.
std::vector<int> linesOfSegment(const TimelineModel& model, int row, int index);
std::vector<int> linesOfMarker(const TimelineModel& model, const TimelineMarker& marker);

} // namespace loopscope
