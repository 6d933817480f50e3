#!/usr/bin/env python3
"""Benchmarks Loopscope's engine against CPython 3.11 running the same scenarios in virtual time.

    bench.py --loopscope BIN [--runs 5] [--only NAME ...]
    bench.py --cpython-only [--runs 5]        measure only the CPython side

Each scenario in tests/bench/scenarios/ runs --runs times with `BIN run FILE` (which records the
step-level trace, as the window does) and with `python3 tests/reference/harness.py time FILE`
(CPython as users run it: its C Task and Future, on the same virtual clock, recording nothing),
the two sides alternating so that a noisy moment on the machine hits both. For each side the
table shows the median wall time and the median peak RSS of the child process; the ratios are
CPython / Loopscope (above 1 means Loopscope is faster or smaller). One more, untimed run with
`--trace-stats` gives the trace's bytes per event and the heap bytes per pending task. The bench
never passes or fails: it prints SPEC.md section 7's targets next to the figures.
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SCENARIOS_DIR = BENCH_DIR / "scenarios"
HARNESS = BENCH_DIR.parent / "reference" / "harness.py"


def measure(command, cwd):
    """Runs [command] once and returns (wall seconds, peak RSS in KiB, exit code, stdout, CPU
    seconds). The CPU time (user + system, from wait4) is what the child itself used: on a machine
    shared with other work it moves less than the wall time."""
    # wait4 gives the peak RSS of exactly this child, unlike RUSAGE_CHILDREN's running maximum.
    # Output goes to files, not pipes, so a chatty child can never block on a full pipe.
    with tempfile.TemporaryFile() as stdout_file, tempfile.TemporaryFile() as stderr_file:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=stdout_file, stderr=stderr_file)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout_file.seek(0)
        stdout = stdout_file.read().decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss, process.returncode, stdout, usage.ru_utime + usage.ru_stime


def scenario_files(only):
    files = sorted(SCENARIOS_DIR.glob("*.py"))
    if only:
        files = [path for path in files if path.stem in only]
    return files


# SPEC.md section 7: the minimum speed ratio CPython / Loopscope per scenario.
SPEED_TARGETS = {"many_sleepers": 10.0, "queue_handoffs": 10.0, "sleep0_switches": 10.0, "fib": 1.5}
# The 100k-task run: less peak memory than CPython, at most this many heap bytes per pending task.
MEMORY_SCENARIO = "many_sleepers"
BYTES_PER_PENDING_TASK = 300
BYTES_PER_EVENT = 32


def side_commands(loopscope, scenario):
    sides = {"cpython": [sys.executable, str(HARNESS), "time", str(scenario)]}
    if loopscope:
        sides["loopscope"] = [loopscope, "run", str(scenario)]
    return sides


def format_ratio(numerator, denominator):
    if not numerator or not denominator:
        return "-"
    return f"{numerator / denominator:.2f}x"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loopscope", help="path of the loopscope binary")
    parser.add_argument("--cpython-only", action="store_true",
                        help="measure only CPython (no Loopscope binary needed)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[], help="scenario names, e.g. fib")
    args = parser.parse_args()
    if not args.loopscope and not args.cpython_only:
        parser.error("give --loopscope BIN, or --cpython-only")
    loopscope = None if args.cpython_only else args.loopscope
    # Scenarios run from their own folder, so a relative binary path must be made absolute first.
    if loopscope and os.sep in loopscope:
        loopscope = os.path.abspath(loopscope)

    rows = []
    for scenario in scenario_files(args.only):
        samples = {}
        outputs = {}
        for run in range(args.runs):
            for side, command in side_commands(loopscope, scenario).items():
                wall, rss, code, stdout, cpu = measure(command, scenario.parent)
                if code != 0:
                    print(f"warning: {side} exited {code} on {scenario.name} (run {run + 1})")
                samples.setdefault(side, []).append((wall, rss, cpu))
                outputs.setdefault(side, stdout)
                print(f"  {scenario.stem:16} {side:9} run {run + 1}: {wall:8.3f} s {rss / 1024:8.1f} MiB"
                      f" (CPU {cpu:.3f} s)", flush=True)
        if loopscope and outputs.get("cpython") != outputs.get("loopscope"):
            print(f"warning: {scenario.name}: Loopscope's output differs from CPython's")
        medians = {side: (statistics.median(w for w, _, _ in values), statistics.median(r for _, r, _ in values),
                          statistics.median(c for _, _, c in values))
                   for side, values in samples.items()}
        rows.append((scenario.stem, medians))

    print()
    header = f"{'scenario':16} {'cpython s':>10} {'cpython MiB':>12}"
    if loopscope:
        header += f" {'loopscope s':>12} {'loopscope MiB':>14} {'speed ratio':>12} {'memory ratio':>13}"
    print(header)
    for name, medians in rows:
        cpython_wall, cpython_rss, cpython_cpu = medians["cpython"]
        line = f"{name:16} {cpython_wall:10.3f} {cpython_rss / 1024:12.1f}"
        if loopscope:
            loop_wall, loop_rss, loop_cpu = medians["loopscope"]
            line += (f" {loop_wall:12.3f} {loop_rss / 1024:14.1f} {format_ratio(cpython_wall, loop_wall):>12}"
                     f" {format_ratio(cpython_rss, loop_rss):>13}")
        print(line)
    print(f"(medians of {args.runs} runs; ratios are CPython / Loopscope)")
    print()
    print(f"{'scenario':16} {'cpython CPU s':>14}" + (f" {'loopscope CPU s':>16} {'CPU ratio':>10}" if loopscope else ""))
    for name, medians in rows:
        line = f"{name:16} {medians['cpython'][2]:14.3f}"
        if loopscope:
            line += f" {medians['loopscope'][2]:16.3f} {format_ratio(medians['cpython'][2], medians['loopscope'][2]):>10}"
        print(line)
    print("(user + system CPU seconds of the child, medians; the speed targets are judged on wall time)")
    if loopscope:
        print_targets(loopscope, rows)
    return 0


def trace_stats(loopscope, scenario):
    """The figures `loopscope run FILE --trace-stats` prints on stderr, as a dict."""
    result = subprocess.run([loopscope, "run", str(scenario), "--trace-stats"], cwd=scenario.parent,
                            capture_output=True, text=True)
    stats = {}
    match = re.search(r"\(([\d.]+) bytes per event\)", result.stderr)
    if match:
        stats["bytes_per_event"] = float(match.group(1))
    match = re.search(r"at most (\d+) pending tasks.*\(([\d.]+) bytes per pending task\)", result.stderr)
    if match:
        stats["pending_tasks"] = int(match.group(1))
        stats["bytes_per_pending_task"] = float(match.group(2))
    return stats


def verdict(met):
    return "met" if met else "NOT met"


def print_targets(loopscope, rows):
    print()
    print("SPEC.md section 7 targets:")
    for name, medians in rows:
        cpython_wall, cpython_rss, _ = medians["cpython"]
        loop_wall, loop_rss, _ = medians["loopscope"]
        speed = cpython_wall / loop_wall if loop_wall else 0.0
        target = SPEED_TARGETS.get(name)
        if target is not None:
            print(f"  {name:16} speed {speed:6.2f}x  (target >= {target}x)  {verdict(speed >= target)}")
        scenario = SCENARIOS_DIR / f"{name}.py"
        stats = trace_stats(loopscope, scenario)
        # The trace's budget is an average over big runs: a compute scenario records a handful of
        # events in one block.
        if "bytes_per_event" in stats and target is not None and target >= 10:
            per_event = stats["bytes_per_event"]
            print(f"  {name:16} trace {per_event:6.1f} bytes/event  (target <= {BYTES_PER_EVENT})  "
                  f"{verdict(per_event <= BYTES_PER_EVENT)}")
        if name == MEMORY_SCENARIO:
            print(f"  {name:16} peak RSS {loop_rss / 1024:.1f} MiB vs CPython {cpython_rss / 1024:.1f} MiB "
                  f"(target: below)  {verdict(loop_rss < cpython_rss)}")
            if "bytes_per_pending_task" in stats:
                per_task = stats["bytes_per_pending_task"]
                print(f"  {name:16} {per_task:.0f} heap bytes per pending task ({stats['pending_tasks']} "
                      f"pending; target <= {BYTES_PER_PENDING_TASK})  "
                      f"{verdict(per_task <= BYTES_PER_PENDING_TASK)}")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
