#!/usr/bin/env python3
"""A/B of two (or more) Loopscope binaries on one scenario: the binaries run in turn, run by run,
so that a shared machine's load falls on each alike; prints each one's median and minimum CPU
seconds (user + system, from wait4) and median peak RSS. Prints figures only, passes or fails
nothing; ctest does not run it.

    cp build/bin/loopscope /tmp/ls-base      # before the change
    ... rebuild ...
    python3 tests/bench/ab.py many_sleepers 7 /tmp/ls-base build/bin/loopscope
"""

import os
import statistics
import subprocess
import sys
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    scenario, runs, binaries = sys.argv[1], int(sys.argv[2]), [str(Path(b).resolve()) for b in sys.argv[3:]]
    samples = {b: [] for b in binaries}
    for _ in range(runs):
        for binary in binaries:
            process = subprocess.Popen([binary, "run", scenario + ".py"], cwd=SCENARIOS, stdout=subprocess.DEVNULL)
            _, _, usage = os.wait4(process.pid, 0)
            samples[binary].append((usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    for binary in binaries:
        cpu = [s[0] for s in samples[binary]]
        rss = statistics.median(s[1] for s in samples[binary])
        print(f"{scenario:16s} {binary:28s} CPU median {statistics.median(cpu):.3f} s, min {min(cpu):.3f} s,"
              f" peak RSS {rss:.1f} MiB")


if __name__ == "__main__":
    main()
