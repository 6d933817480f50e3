# expect error: RunawayTask line 3
# Loopscope-only: CPython would spin forever; code outside tasks has an instruction budget too.
while True:
    pass
