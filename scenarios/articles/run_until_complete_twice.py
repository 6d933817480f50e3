# title: run_until_complete twice runs one after the other
# summary: Each run_until_complete starts the loop, runs one co-routine and stops, so the two additions happen sequentially, like two plain function calls.
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# An event loop
loop = asyncio.get_event_loop()

# Execute two co-routines
result1 = loop.run_until_complete(add(3, 4))
result2 = loop.run_until_complete(add(5, 5))

print(result1) # Prints 7
print(result2) # Prints 10
