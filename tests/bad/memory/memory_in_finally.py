# expect error: MemoryError line 8
# Loopscope-only: a finally clause cannot outrun the budget either.
hoard = []
try:
    raise ValueError("first")
finally:
    while True:
        hoard.append([0] * 10000)
