# A task that failed and whose exception nobody retrieved reports it when the task is freed,
# with the traceback of the failure; one whose exception was retrieved says nothing. (Each line
# of the traceback is a whole statement: CPython marks sub-expressions with ^^^ carets, which
# Loopscope's tracebacks do not draw yet.)
import asyncio

async def inner(n):
    if n == 0:
        raise ValueError(f"bad value {n}")
    await inner(n - 1)

async def retrieved():
    raise KeyError("seen")

async def main():
    asyncio.create_task(inner(2))
    seen = asyncio.create_task(retrieved())
    await asyncio.sleep(0.01)
    print("exception:", repr(seen.exception()))
    future = asyncio.get_running_loop().create_future()
    future.set_exception(RuntimeError("in a future"))
    del future
    print("main done")

asyncio.run(main())
print("end")
