# expect error: MemoryError line 7
# Loopscope-only: the MemoryError of the budget cannot be caught, even by except BaseException.
hoard = []
attempts = 0
while True:
    try:
        hoard.append("x" * 10**6)
    except BaseException:
        attempts += 1
        print("caught", attempts)
