# title: A toy event loop
# summary: The article's sketch of an event loop, made runnable with generators: the loop checks each coroutine in turn and runs it a step if it has computation to run, which is what asyncio's loop does at heart.
from collections import deque

def counter(name, limit):
    for i in range(1, limit + 1):
        print(name, i)
        yield

coroutines = deque([counter('a', 3), counter('b', 2), counter('c', 1)])

while coroutines:
    coroutine = coroutines.popleft()
    try:
        next(coroutine)
    except StopIteration:
        continue
    coroutines.append(coroutine)
print('every coroutine has finished')
