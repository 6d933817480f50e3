# expect error: LimitExceeded line 3
# Loopscope-only: a single line of a hundred million characters passes the output budget (bytes).
print("x" * 10**8)
