#pragma once
// The `loopscope` command line (SPEC.md section 5): one binary that opens the
// window or runs a headless subcommand. Headless subcommands create only a
// QCoreApplication, so they need no display (hotspot's createApplication()).

namespace loopscope {

// Parses [argv], creates the right kind of application and runs it. Returns
// the process exit status: 0 success, 1 the scenario failed, 2 a usage error
// or a subcommand that is not built yet.
int runLoopscope(int argc, char** argv);

} // namespace loopscope
