"""What regen.py and compare.py share: where programs and their reference traces live, and how a
program's run options are read from its metadata block."""

import re
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
REPO_ROOT = REFERENCE_DIR.parent.parent
HARNESS = REFERENCE_DIR / "harness.py"
TRACES_DIR = REFERENCE_DIR / "traces"

# Folders whose programs have reference traces (SPEC.md section 8); tests/real holds programs
# from public tutorials and documentation (tests/real/README.md).
PROGRAM_ROOTS = ("scenarios", "tests/scripts", "tests/real")

# `# seed: N` in the leading metadata block of a scenario.
SEED_LINE = re.compile(r"^#\s*seed:\s*(-?\d+)\s*$")

# The coroutines asyncio.run adds after the main one; comparisons ignore their steps.
SHUTDOWN_COROUTINES = ("shutdown_asyncgens", "shutdown_default_executor")

# A run longer than this is a bug in the program (the harness has no instruction budget).
RUN_TIMEOUT_SECONDS = 120


def program_files():
    """Every program with a reference trace, as paths relative to the repository root."""
    found = []
    for root in PROGRAM_ROOTS:
        base = REPO_ROOT / root
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.py")):
            relative = path.relative_to(REPO_ROOT)
            # Tools such as tests/scripts/run_scripts.py sit beside the feature folders; only
            # programs inside a folder are tests (tests/real/programs/ for the real ones).
            if root in ("tests/scripts", "tests/real") and len(relative.parts) < 4:
                continue
            if "__pycache__" in relative.parts:
                continue
            found.append(relative)
    return found


def trace_path_for(relative_program, traces_dir=TRACES_DIR):
    return traces_dir / relative_program.with_suffix(".jsonl")


def seed_of(program_path):
    """The `# seed:` of the leading comment block, or None."""
    with open(program_path, encoding="utf-8") as source:
        for line in source:
            stripped = line.strip()
            if not stripped.startswith("#"):
                break
            match = SEED_LINE.match(stripped)
            if match:
                return int(match.group(1))
    return None


def seed_arguments(program_path):
    seed = seed_of(program_path)
    return [] if seed is None else ["--seed", str(seed)]
