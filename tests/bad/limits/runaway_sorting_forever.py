# expect error: RunawayTask line 5
# Loopscope-only: sorting a million numbers again and again.
numbers = list(range(10**6, 0, -1))
while True:
    ordered = sorted(numbers)
