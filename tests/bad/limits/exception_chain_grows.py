# expect error: RunawayTask line 5
# Loopscope-only: an ever longer chain of exceptions, each raised while handling the last.
def deeper(n):
    try:
        raise ValueError(n)
    except ValueError:
        deeper(n + 1)

while True:
    try:
        deeper(0)
    except RecursionError:
        pass
