# expect error: MemoryError line 3
# Loopscope-only: a set of a billion numbers, built inside one builtin call.
seen = set(range(10**9))
