# expect error: RunawayTask line 6
# Loopscope-only: SystemExit can be caught, as in CPython; catching it forever is a runaway.
import sys
while True:
    try:
        sys.exit(1)
    except SystemExit:
        pass
