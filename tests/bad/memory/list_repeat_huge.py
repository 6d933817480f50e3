# expect error: MemoryError line 3
# Loopscope-only: one allocation of 16 TB; CPython raises MemoryError at once, Loopscope too.
cells = [0] * 10**12
