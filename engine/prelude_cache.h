#pragma once
// The embedded prelude's parsed form (engine/prelude/*.py), shared by every VM of the process.
// Each run still compiles the modules it imports itself (code objects, constants and interned
// names belong to one VM, whose thread owns them), but parsing is the same for every run: the
// window's cursor re-runs the scenario for each state it shows, each run importing asyncio.
// The AST is immutable once parsed (the compiler reads it through const references), so any
// thread may compile from it; it is parsed under HostAllocations, outside every run's memory
// budget, so that the first run of a process counts exactly what the later ones do.

#include "ast.h"
#include "prelude.h"

namespace loopscope {

// The AST of [file], parsed on first use and kept for the life of the process; null when it
// does not parse (the caller compiles the text to report the error).
const Module* preludeAst(const PreludeFile& file);

} // namespace loopscope
