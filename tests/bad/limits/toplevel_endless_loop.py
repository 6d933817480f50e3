# expect error: RunawayTask line 3
# Loopscope-only: CPython would spin forever; top-level code gets 10x the step budget.
while True:
    pass
