#pragma once

namespace loopscope {

// A Python source file the engine runs itself (engine/prelude/*.py), embedded at build time.
struct PreludeFile {
    const char* name;  // module name: the file name without ".py"
    const char* text;
};

// Terminated by an entry whose [name] is null.
extern const PreludeFile kPreludeFiles[];

}  // namespace loopscope
