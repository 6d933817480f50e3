# title: A normal function and a co-routine
# summary: Calling the plain add returns 7 at once; calling the async add only creates a coroutine object, and its body runs when an event loop runs it.
import asyncio

# A normal function
def add(x: int, y: int):
    return x + y

print(add(3, 4))

# A co-routine
async def add(x: int, y: int):
    return x + y

coro = add(3, 4)
print(type(coro).__name__, asyncio.iscoroutine(coro))
print(asyncio.run(coro))
