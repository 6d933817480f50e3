# expect error: LimitExceeded line 5
# Loopscope-only: time.sleep holds the loop for its whole length; a virtual year is more than
# the time budget.
import time
time.sleep(365 * 24 * 3600)
print("a year later")
