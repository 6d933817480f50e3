#pragma once
// The `loopscope` command line (SPEC.md section 5): one binary that opens the
// window or runs a headless subcommand. Headless subcommands need no display:
// run and trace create only a QCoreApplication, export a QGuiApplication on the
// offscreen platform (hotspot's createApplication()).

namespace loopscope {

// Parses [argv], creates the right kind of application and runs it. Returns
// the process exit status: 0 success, 1 the scenario failed, 2 a usage error
// (bad option, unreadable file, unwritable output).
int runLoopscope(int argc, char** argv);

} // namespace loopscope
