# expect error: MemoryError line 3
# Loopscope-only: a comprehension building a hundred million entries.
squares = {n: [n] * 1000 for n in range(10**8)}
