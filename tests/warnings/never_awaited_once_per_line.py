# A coroutine that is never awaited warns when it is freed, once per line (Python's warnings
# filter), naming the line that was running then; those left in module variables warn at exit.
import asyncio

async def fetch():
    return 1

async def store():
    return 2

def make_one():
    coro = fetch()

early = fetch()
_kept = store()
later = fetch()
make_one()
make_one()
for _ in range(3):
    fetch()

async def main():
    fetch()
    await asyncio.sleep(0.01)
    print("main done")

asyncio.run(main())
print("end")
