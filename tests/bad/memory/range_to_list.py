# expect error: MemoryError line 3
# Loopscope-only: a list of ten billion numbers.
numbers = list(range(10**10))
