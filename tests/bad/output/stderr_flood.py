# expect error: LimitExceeded line 5
# Loopscope-only: printing to stderr counts against the same budget as stdout.
import sys
while True:
    print("warning!", file=sys.stderr)
