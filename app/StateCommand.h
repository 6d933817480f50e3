#pragma once
// `loopscope state FILE.py --step K [--seed N]` (SPEC.md section 5, issue 8): the loop's state
// when the K-th step begins, as one JSON object on stdout (engine/loop/state_json.h).

#include <string>

#include <QString>

#include "engine.h"

namespace loopscope {

// Runs `state` for [source] at the step [stepText] names. Returns the exit status: 0 written,
// 2 a step number that is malformed or outside the run (the message says how many steps it has).
int runStateCommand(const std::string& source, const QString& stepText, RunOptions run);

} // namespace loopscope
