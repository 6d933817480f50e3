# expect error: RunawayTask line 5
# Loopscope-only: RecursionError can be caught (as in CPython), but catching it forever is a
# runaway: the work of every recursion counts.
def dive():
    dive()

while True:
    try:
        dive()
    except RecursionError:
        pass
