# expect error: MemoryError line 3
# Loopscope-only: a terabyte string in one step.
line = "x" * 10**12
