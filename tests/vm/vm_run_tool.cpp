// vm_run_tool [run] FILE [--dis]: runs a scenario through runScenario and prints its output,
// as `loopscope run FILE` does, or prints its disassembly. Exit status 1 on an error.

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine.h"

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "run") == 0) {
        ++argv;
        --argc;
    }
    if (argc < 2) {
        std::fprintf(stderr, "usage: vm_run_tool [run] FILE [--dis]\n");
        return 2;
    }
    std::ifstream file(argv[1]);
    if (!file) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 2;
    }
    std::stringstream text;
    text << file.rdbuf();
    if (argc > 2 && std::strcmp(argv[2], "--dis") == 0) {
        std::cout << loopscope::disassembleScenario(text.str(), argv[1]);
        return 0;
    }
    loopscope::RunOptions options;
    options.filename = argv[1];
    options.writeStdout = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
    options.writeStderr = [](std::string_view s) {
        std::fflush(stdout);
        std::fwrite(s.data(), 1, s.size(), stderr);
    };
    loopscope::TraceRecorder recorder;
    loopscope::RunResult result = loopscope::runScenario(text.str(), options, &recorder);
    std::fflush(stdout);
    return result.ok ? 0 : 1;
}
