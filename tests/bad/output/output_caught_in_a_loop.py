# expect error: LimitExceeded line 5
# Loopscope-only: the output limit cannot be caught by except BaseException.
while True:
    try:
        print("flood")
    except BaseException:
        pass
