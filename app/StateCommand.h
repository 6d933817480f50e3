#pragma once
// `loopscope state FILE.py --step K [--seed N]` (SPEC.md section 5, issue 8): the loop's state
// when the K-th step begins, as one JSON object on stdout (engine/loop/state_json.h). --step may
// be given several times: one run, one line per step, in step order.

#include <string>

#include <QStringList>

#include "engine.h"

namespace loopscope {

// Runs `state` for [source] at the steps [stepTexts] name. Returns the exit status: 0 written,
// 2 a step number that is malformed or outside the run (the message says how many steps it has;
// the steps the run has are still written).
int runStateCommand(const std::string& source, const QStringList& stepTexts, RunOptions run);

} // namespace loopscope
