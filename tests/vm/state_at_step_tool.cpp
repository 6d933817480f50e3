// state_at_step_tool FILE [--repeat N] [--whole] [--events] K...: times stateAtStep
// (engine/loop/state_at_step.h) at each step K, as the window's cursor would call it (reprs cut at 200 bytes,
// items to expand), or with --whole as `loopscope state` does; with --events, K are event indices of the
// line-level trace (stateAtEvent, the window's statement cursor). Prints, per K, the median wall and thread
// CPU time of N calls (the CPU time does not depend on the machine's load), the tasks and frames in the
// snapshot, the heap the run held, and the process's peak RSS. A tool for README's numbers, not a test.

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "loop/state_at_step.h"

using namespace loopscope;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: state_at_step_tool FILE [--repeat N] [--whole] [--events] K...\n");
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    std::stringstream text;
    text << file.rdbuf();
    const std::string source = text.str();
    int repeat = 5;
    ValueViewLimits limits;
    limits.reprChars = 200;
    std::vector<uint64_t> steps;
    bool events = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--events")
            events = true;
        else if (arg == "--whole")
            limits = ValueViewLimits{0, 0, 0};
        else
            steps.push_back(std::strtoull(arg.c_str(), nullptr, 10));
    }
    RunOptions options;
    options.filename = argv[1];
    for (const uint64_t k : steps) {
        std::vector<double> ms, cpu;
        StateAtStepResult result;
        for (int r = 0; r < repeat; ++r) {
            const auto start = std::chrono::steady_clock::now();
            timespec cpuStart{}, cpuEnd{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart);
            result = events ? stateAtEvent(source, options, EventIndex{uint32_t(k)}, TraceLevel::Line, limits)
                            : stateAtStep(source, options, k, limits);
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd);
            cpu.push_back(double(cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3 +
                          double(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        if (!result.snapshot) {
            std::printf("%s %llu: none (the run has %llu steps, %llu events)\n", events ? "event" : "step",
                        (unsigned long long)k, (unsigned long long)result.steps,
                        (unsigned long long)result.events);
            continue;
        }
        size_t frames = 0;
        for (const TaskSnapshot& task : result.snapshot->tasks)
            frames += task.stack.size();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf(
            "%s %llu: %.1f ms wall, %.1f ms CPU (medians of %d), %zu tasks, %zu frames, heap %.1f MB, "
            "peak RSS %.1f MB\n",
            events ? "event" : "step", (unsigned long long)k, ms[ms.size() / 2], cpu[cpu.size() / 2], repeat,
            result.snapshot->tasks.size(), frames, double(result.run.stats.peakHeapBytes) / 1e6,
            double(usage.ru_maxrss) / 1024.0);
    }
    return 0;
}
