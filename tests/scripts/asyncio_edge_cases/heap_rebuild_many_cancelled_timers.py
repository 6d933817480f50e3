# Over 100 timers with more than half cancelled: the loop rebuilds its heap (heapify), and
# the surviving timers with tied deadlines must still fire in CPython's order.
import asyncio

fired = []

def note(i):
    fired.append(i)

async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(1 + (i % 7) * 0.5, note, i) for i in range(150)]
    for i, h in enumerate(handles):
        if i % 3 != 0:
            h.cancel()
    await asyncio.sleep(0)
    more = [loop.call_later(2.0, note, 1000 + i) for i in range(5)]
    await asyncio.sleep(5)
    print(fired)
    print(len(fired), more[0].when())

asyncio.run(main())

# expect: [84, 63, 0, 147, 126, 105, 21, 42, 78, 36, 141, 15, 120, 57, 99, 1003, 1004, 72, 135, 30, 1001, 1002, 114, 51, 1000, 9, 93, 87, 3, 108, 66, 129, 24, 45, 81, 18, 39, 144, 60, 123, 102, 75, 138, 33, 117, 12, 54, 96, 6, 27, 90, 132, 111, 69, 48]
# expect: 55 2.0
