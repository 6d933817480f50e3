#pragma once
// What each panel shows at the stepping cursor, from the loop's state there: the inspector's
// rows (ready queue, timers, tasks), the code view's marks (the cursor's line, the lines where
// suspended tasks are parked) and the timeline cursor's tag. Kept apart from the window so
// that the window only wires panels together.

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include "LoopHistory.h"
#include "LoopInspector.h"
#include "RunCursor.h"
#include "TaskStacks.h"
#include "TimelineRenderer.h"

namespace loopscope {

// Long lists (10,000 sleepers) show their first rows; the rest are counted.
constexpr int kInspectorRowLimit = 300;

// Fills [inspector]'s ready queue, timers and tasks for [moment].
void showMomentIn(LoopInspector& inspector, const LoopHistory& history, const LoopMoment& moment);
// The stacks of [stacks] for the inspector (task id -> frames), and a note when there are none.
QHash<uint32_t, QList<LoopInspector::Frame>> inspectorStacks(const TaskStacksAt& stacks);

// The line the cursor's stop is on (0: none), and the scenario lines where suspended tasks are
// parked, with the tasks' names.
int cursorLine(const RunCursor& cursor, uint32_t sourceLineCount);
QMap<int, QStringList> parkedLines(const LoopHistory& history, const LoopMoment& moment,
                                   uint32_t sourceLineCount);

// The timeline's cursor at the current stop: the running step's bar outlined, a tag saying
// where the run is ("step 2 of 8 · Task-2 add_slow · t=0.0").
TimelineCursor timelineCursor(const RunCursor& cursor, const LoopHistory& history, const LoopMoment& moment);

} // namespace loopscope
