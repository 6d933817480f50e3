#!/usr/bin/env python3
"""Reads Loopscope's Chrome trace exports as Perfetto's JSON importer reads them, and checks that
they say what the timeline says.

The importer's rules, from google/perfetto src/trace_processor (importers/json/json_trace_tokenizer.cc,
json_trace_parser.cc, sorter/trace_sorter.h, importers/common/slice_tracker.cc, flow_tracker.cc):
- the file is {"traceEvents": [...]} (or a bare array); "ph" is one letter; pid and tid are integers
  (a string would become an interned name); ts and dur are microseconds: an integral number is
  multiplied by 1000, any other rounded to the nearest nanosecond;
- events are sorted by ts; at one ts 'E' events come first, then complete 'X' events by duration,
  longest first, then everything else; ties keep the file's order;
- each thread has a stack of open slices: a new slice pops those that ended before it, and those
  that end at its ts unless both are of zero length; an 'X' that starts inside an open slice and
  ends after it is an import error; thread instants ("s": "t") are slices of zero length;
- v1 flows: 's' binds to the slice on top of its thread's stack, 'f' with "bp": "e" likewise, an
  'f' without it to the next slice that begins on its thread; an 'f' before its 's', or a second
  's' with one (id, cat, name), is an error.

Loopscope's promises on top: a process_name, one thread_name per thread that has events ("event
loop", "Task-2 add_slow"), tracks ordered by thread_sort_index; every flow starts on a complete
slice that begins at the flow's ts; a wake-up ends on the step it wakes ("running" or "blocking the
loop"), a creation on the created task's first state ("ready", or "blocked" when a blocking call
holds the loop).

Usage: check_chrome_trace.py --loopscope BUILD/bin/loopscope DIR_OR_FILE...
Exports every .py below the arguments (with --show-shutdown) and checks each; exits 1 on any problem.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PHASES = set("BEXiIsftMCbneRTP")
TASK_STATES = {"running", "ready", "sleeping", "blocked", "blocking the loop"}


def to_ns(value):
    """CoerceToTs: microseconds to nanoseconds, as Perfetto reads them."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int) or value == math.trunc(value):
        return int(value) * 1000
    return round(value * 1000.0)


class Slice:
    def __init__(self, event, ts, dur, tid):
        self.event, self.ts, self.dur, self.tid = event, ts, dur, tid
        self.name = event.get("name")

    def __repr__(self):
        return f"{self.name!r}@{self.ts}+{self.dur} tid {self.tid}"


def import_trace(doc):
    """Replays Perfetto's import: returns (problems, flows) where flows maps a flow's
    (id, cat, name) to {"s": (event, slice), "f": (event, slice)}."""
    problems = []
    events = doc["traceEvents"] if isinstance(doc, dict) else doc
    if not isinstance(events, list):
        return ["traceEvents is not a list"], {}
    queue = []
    for index, e in enumerate(events):
        if not isinstance(e, dict) or not e:
            problems.append(f"event {index} is not an object")
            continue
        ph = e.get("ph")
        if not isinstance(ph, str) or len(ph) != 1 or ph not in PHASES:
            problems.append(f"event {index}: bad ph {ph!r}")
            continue
        for key in ("pid", "tid"):
            if not isinstance(e.get(key), int) or isinstance(e.get(key), bool):
                problems.append(f"event {index}: {key} is not an integer: {e.get(key)!r}")
        if ph == "M":
            continue
        try:
            ts = to_ns(e["ts"])
            dur = to_ns(e["dur"]) if ph == "X" else 0
        except (KeyError, ValueError) as error:
            problems.append(f"event {index} ({e.get('name')}): bad ts/dur: {error}")
            continue
        if ph == "X" and dur < 0:
            problems.append(f"event {index}: negative dur")
        # TraceSorter::SlowOperatorLess: (ts, E first / X by -dur / rest, file order)
        key = -(1 << 62) if ph == "E" else (-dur if ph == "X" else 0)
        queue.append((ts, key, index, e, dur))
    queue.sort(key=lambda item: item[:3])

    stacks = {}   # tid -> open slices
    pending = {}  # tid -> flow keys waiting for the next slice on that thread
    flows = {}

    def begin_slice(tid, ts, dur, e):
        stack = stacks.setdefault(tid, [])
        while stack:
            top = stack[-1]
            end = top.ts + top.dur
            if end < ts or (end == ts and not (top.dur == 0 and dur == 0)):
                stack.pop()
                continue
            if ts < end < ts + dur:
                problems.append(f"{e.get('name')!r} at {ts} ns overlaps {top!r} on thread {tid}")
                return None
            break
        s = Slice(e, ts, dur, tid)
        stack.append(s)
        for flow in pending.pop(tid, []):
            flows[flow]["f"] = (flows[flow]["f_event"], s)
        return s

    for ts, _, index, e, dur in queue:
        ph, tid = e["ph"], e.get("tid")
        if ph == "X":
            begin_slice(tid, ts, dur, e)
        elif ph in "iI" and e.get("s", "t") == "t":
            begin_slice(tid, ts, 0, e)
        elif ph in "sf":
            if "id" not in e:
                problems.append(f"event {index}: flow without an id")
                continue
            flow = (e["id"], e.get("cat"), e.get("name"))
            top = stacks.get(tid, [None])[-1] if stacks.get(tid) else None
            if ph == "s":
                if flow in flows:
                    problems.append(f"flow {flow}: a second start")
                    continue
                if top is None:
                    problems.append(f"flow {flow}: no slice to start from on thread {tid}")
                    continue
                flows[flow] = {"s": (e, top)}
            else:
                if flow not in flows:
                    problems.append(f"flow {flow}: ends before it starts")
                    continue
                if "f_event" in flows[flow]:
                    problems.append(f"flow {flow}: a second end")
                    continue
                flows[flow]["f_event"] = e
                if e.get("bp") == "e":
                    if top is None:
                        problems.append(f"flow {flow}: no enclosing slice on thread {tid}")
                        continue
                    flows[flow]["f"] = (e, top)
                else:
                    pending.setdefault(tid, []).append(flow)
    return problems, flows


def check(doc):
    problems, flows = import_trace(doc)
    events = doc["traceEvents"]
    names, process, sort_index, used = {}, None, {}, set()
    x_by_tid = {}
    for e in events:
        if e.get("ph") == "M":
            if e.get("name") == "thread_name":
                names[e["tid"]] = e["args"]["name"]
            elif e.get("name") == "process_name":
                process = e["args"]["name"]
            elif e.get("name") == "thread_sort_index":
                sort_index[e["tid"]] = e["args"]["sort_index"]
        else:
            used.add(e.get("tid"))
            if e.get("ph") == "X":
                x_by_tid.setdefault(e["tid"], []).append(e)
    if not process:
        problems.append("no process_name")
    for tid in sorted(used, key=str):
        if tid not in names:
            problems.append(f"thread {tid} has events but no thread_name")
    if len(set(names.values())) != len(names):
        problems.append("two threads share a name")
    for tid, name in names.items():
        if name != "event loop" and not (name.startswith("Task-") or " " in name):
            problems.append(f"thread {tid} is named {name!r}")
        if tid not in sort_index:
            problems.append(f"thread {name!r} has no thread_sort_index")
        if name != "event loop":
            for e in x_by_tid.get(tid, []):
                if e["name"] not in TASK_STATES and not e["name"].startswith("waiting on "):
                    problems.append(f"{name}: a slice named {e['name']!r}")
    first_ts = {tid: min(to_ns(e["ts"]) for e in xs) for tid, xs in x_by_tid.items()}
    for flow, ends in flows.items():
        if "f" not in ends:
            problems.append(f"flow {flow} never ends")
            continue
        s_event, s_slice = ends["s"]
        f_event, f_slice = ends["f"]
        if s_slice.event.get("ph") != "X" or s_slice.ts != to_ns(s_event["ts"]):
            problems.append(f"flow {flow} starts on {s_slice!r}, not on a slice at its ts")
        kind = flow[2]
        if kind == "wakes" and f_slice.name not in ("running", "blocking the loop"):
            problems.append(f"wake-up {flow} ends on {f_slice!r}, not on a step")
        if kind == "creates" and (f_slice.name not in ("ready", "blocked") or
                                  f_slice.ts != first_ts.get(f_slice.tid)):
            problems.append(f"creation {flow} ends on {f_slice!r}, not on the task's first state")
    return problems, len(flows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loopscope", required=True)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    files = []
    for path in args.paths:
        p = Path(path)
        files += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    failures, events, flows = 0, 0, 0
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "trace.json")
        for file in files:
            run = subprocess.run([args.loopscope, "export", str(file), "-o", out, "--show-shutdown"],
                                 capture_output=True, text=True, env=env, timeout=120)
            if run.returncode not in (0, 1):
                print(f"FAIL {file}: export exited {run.returncode}\n{run.stderr}")
                failures += 1
                continue
            with open(out, encoding="utf-8") as f:
                doc = json.load(f)
            problems, bound = check(doc)
            events += len(doc["traceEvents"])
            flows += bound
            if problems:
                failures += 1
                print(f"FAIL {file}:")
                for problem in problems[:20]:
                    print(f"  {problem}")
            os.remove(out)
    print(f"{len(files)} traces, {events} events, {flows} flows bound; {failures} with problems")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
