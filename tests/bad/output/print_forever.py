# expect error: LimitExceeded line 4
# Loopscope-only: CPython prints forever. The output budget (lines) ends the run.
while True:
    print("spam")
