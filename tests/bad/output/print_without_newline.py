# expect error: LimitExceeded line 4
# Loopscope-only: output without line breaks still counts, byte by byte.
while True:
    print("x" * 100, end="")
