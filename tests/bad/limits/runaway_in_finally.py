# expect error: RunawayTask line 7
# Loopscope-only: a finally clause that never ends is a runaway like any other loop.
try:
    raise ValueError("boom")
finally:
    n = 0
    while True:
        n += 1
