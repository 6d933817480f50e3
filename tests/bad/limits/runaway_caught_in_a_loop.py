# expect error: RunawayTask line 6
# Loopscope-only: the runaway limit cannot be caught, however often the program tries.
count = 0
while True:
    try:
        while True:
            count += 1
    except BaseException:
        print("caught")
