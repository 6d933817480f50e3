# expect error: RunawayTask line 8
# Loopscope-only: a generator's finally clause runs when the generator is closed as it dies;
# looping there still ends the run, and nothing after it is printed.
def numbers():
    try:
        yield 1
    finally:
        while True:
            pass

gen = numbers()
next(gen)
del gen
print("not reached")
