#!/usr/bin/env python3
"""Compares `loopscope state` with CPython's own loop at the first, middle and last step.

    compare_state.py --loopscope BIN [--jobs N] [--sweep M] [FILE or folder...]

For each program (default: every program under scenarios/ and tests/scripts/) whose reference
trace has steps, takes K = 1, the middle step and the last (counting every `step` of the checked-in
trace, asyncio.run's shutdown tasks included), asks CPython (`harness.py state-batch`, one process
for all programs) and Loopscope (`BIN state FILE --step K1 --step K2 ...`, one run per program) for the loop's state when step K
begins (every step for tests/scripts/asyncio_state/ and the slow/fast additions), and
compares the two JSON objects: equal except that a repr showing an object's identity
(`<Task pending name='Task-2' coro=<...> ...>`, `<object object at 0x...>`) is compared by its
name only (`<Task>`); the order of the locals counts (f_locals' order). Prints PASS or FAIL
per program (a FAIL names the first difference) and ends with `N passed, M failed`. `--sweep M`
compares up to M steps per program, evenly spread, instead of three (a deeper check by hand).
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from traces_common import HARNESS, REPO_ROOT, RUN_TIMEOUT_SECONDS, program_files, seed_of, trace_path_for

IDENTITY_START = re.compile(r"<[A-Za-z_]")

# Checked at every step: the programs written for this comparison (stacks, locals, cells, odd
# tasks) and the articles' slow and fast additions, which a newcomer steps through first.
EVERY_STEP = (Path("tests/scripts/asyncio_state"), Path("scenarios/articles/two_additions.py"))


def strip_identity(text):
    """`<Task pending name='Task-2' coro=<add() ...>>` -> `<Task>`, everywhere in [text]."""
    out = []
    i = 0
    while i < len(text):
        match = IDENTITY_START.search(text, i)
        if match is None:
            out.append(text[i:])
            break
        start = match.start()
        out.append(text[i:start])
        end = start + 1
        while end < len(text) and (text[end].isalnum() or text[end] in "_."):
            end += 1
        name = text[start + 1:end]
        depth = 0
        close = start
        while close < len(text):
            if text[close] == "<":
                depth += 1
            elif text[close] == ">":
                depth -= 1
                if depth == 0:
                    break
            close += 1
        if close >= len(text):  # unbalanced: leave the rest as it is
            out.append(text[start:])
            break
        out.append(f"<{name}>")
        i = close + 1
    return "".join(out)


def unique_keys(pairs):
    """json.loads' object hook: a key given twice is a defect, not a value to overwrite."""
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def normalized(state):
    for task in state.get("tasks", []):
        for frame in task.get("stack", []):
            # A list of pairs, so that the order of the locals is compared too.
            frame["locals"] = [[name, strip_identity(text)] for name, text in frame.get("locals", {}).items()]
    return state


def first_difference(expected, actual, where="state"):
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            if key not in actual:
                return f"{where}.{key}: expected {json.dumps(expected[key])}, Loopscope has none"
            if key not in expected:
                return f"{where}.{key}: not expected, Loopscope has {json.dumps(actual[key])}"
            difference = first_difference(expected[key], actual[key], f"{where}.{key}")
            if difference:
                return difference
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for index in range(min(len(expected), len(actual))):
            difference = first_difference(expected[index], actual[index], f"{where}[{index}]")
            if difference:
                return difference
        if len(expected) != len(actual):
            return f"{where}: expected {len(expected)} items, Loopscope has {len(actual)}: {json.dumps(actual)[:300]}"
        return None
    if expected != actual:
        return f"{where}: expected {json.dumps(expected)}, Loopscope has {json.dumps(actual)}"
    return None


def steps_in_reference(relative_program):
    trace = trace_path_for(relative_program)
    if not trace.exists():
        return 0
    return sum(1 for line in trace.read_text(encoding="utf-8").splitlines() if '"kind": "step"' in line)


def chosen_steps(count, sweep=0):
    if sweep > 3:
        return sorted({1 + (count - 1) * i // (sweep - 1) for i in range(sweep)} if count > sweep
                      else range(1, count + 1))
    return sorted({1, (count + 1) // 2, count})


def cpython_states(jobs, timeout):
    """{(program, K): state or error text} from one harness.py state-batch run."""
    lines = "".join(f"{REPO_ROOT / program}\t{seed}\t{','.join(map(str, steps))}\n"
                    for program, seed, steps in jobs)
    completed = subprocess.run([sys.executable, str(HARNESS), "state-batch"], input=lines, text=True,
                               capture_output=True, cwd=REPO_ROOT, timeout=timeout)
    states = {}
    for line in completed.stdout.splitlines():
        try:
            state = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(state, dict) or "program" not in state:
            continue
        program = Path(state.pop("program")).relative_to(REPO_ROOT)
        if "error" in state:
            states[(program, None)] = state["error"]
        else:
            states[(program, state["step"])] = state
    return states


def loopscope_states(loopscope, program, seed, steps, timeout):
    """{K: state} from one `BIN state FILE --step K1 --step K2 ...` run, or the error text."""
    command = [loopscope, "state", str(REPO_ROOT / program)]
    for step in steps:
        command += ["--step", str(step)]
    if seed is not None:
        command += ["--seed", str(seed)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, cwd=(REPO_ROOT / program).parent,
                                   timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"loopscope timed out after {timeout} s"
    if completed.returncode != 0:
        return f"loopscope exited {completed.returncode}: {completed.stderr.strip()[-300:]}"
    states = {}
    for line in completed.stdout.splitlines():
        try:
            state = json.loads(line, object_pairs_hook=unique_keys)
        except ValueError as problem:
            return f"loopscope wrote a line that is not JSON ({problem}): {line[:200]!r}"
        states[state.get("step")] = state
    return states


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loopscope", required=True, help="path of the loopscope binary")
    parser.add_argument("--jobs", type=int, default=2, help="loopscope runs at once (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=RUN_TIMEOUT_SECONDS)
    parser.add_argument("--sweep", type=int, default=0, help="steps compared per program (default: 3)")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    loopscope = os.path.abspath(args.loopscope) if os.sep in args.loopscope else args.loopscope

    programs = program_files()
    if args.files:
        chosen = [path.resolve() for path in args.files]
        programs = [p for p in programs if any((REPO_ROOT / p) == c or (REPO_ROOT / p).is_relative_to(c)
                                               for c in chosen)]
    jobs = []
    for program in programs:
        count = steps_in_reference(program)
        if count:
            sweep = count if any(program.is_relative_to(path) for path in EVERY_STEP) else args.sweep
            jobs.append((program, seed_of(REPO_ROOT / program), chosen_steps(count, sweep)))

    expected = cpython_states([(p, s or 0, k) for p, s, k in jobs], timeout=args.timeout * 4)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        actual = {program: pool.submit(loopscope_states, loopscope, program, seed, steps, args.timeout)
                  for program, seed, steps in jobs}
        passed = failed = 0
        for program, seed, steps in jobs:
            problems = []
            states = actual[program].result()
            for step in steps:
                want = expected.get((program, step))
                got = states if isinstance(states, str) else states.get(step, f"Loopscope gave no state")
                if want is None:
                    problems.append(f"step {step}: CPython gave no state "
                                    f"({expected.get((program, None), 'its run ended early')})")
                elif isinstance(got, str):
                    problems.append(f"step {step}: {got}")
                else:
                    difference = first_difference(normalized(want), normalized(got))
                    if difference:
                        problems.append(f"step {step}: {difference}")
            if problems:
                failed += 1
                print(f"FAIL {program}: {problems[0]}", flush=True)
            else:
                passed += 1
                print(f"PASS {program} (steps {', '.join(map(str, steps))})", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
