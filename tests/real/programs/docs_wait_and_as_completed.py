# after: https://docs.python.org/3.11/library/asyncio-task.html#waiting-primitives
# shows: asyncio.wait with FIRST_COMPLETED and a timeout, then as_completed yielding results in
#        the order they finish
# adaptations: the documentation's fragments are joined into one program
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} after {seconds}s"


async def main():
    tasks = [asyncio.create_task(job(n, s)) for n, s in (("slow", 3), ("fast", 1), ("middle", 2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", [t.result() for t in done], "pending:", len(pending))
    done, pending = await asyncio.wait(pending, timeout=1.5)
    print("done:", [t.result() for t in done], "pending:", len(pending))
    for coro in asyncio.as_completed([job("x", 0.3), job("y", 0.1), job("z", 0.2)]):
        print(await coro)
    await asyncio.gather(*pending)


asyncio.run(main())
