# expect error: RunawayTask line 3
# Loopscope-only: sum() takes a trillion numbers from range() without a Python frame.
print(sum(range(10**12)))
