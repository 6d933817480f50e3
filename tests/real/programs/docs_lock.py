# after: https://docs.python.org/3.11/library/asyncio-sync.html#lock
# shows: async with lock serialises the tasks' critical sections
# adaptations: the documentation's fragment becomes a program with three tasks
import asyncio


async def use_shared_resource(name, lock, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.5)
        log.append(f"{name} out")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(use_shared_resource(n, lock, log) for n in "abc"))
    print(log, lock.locked())


asyncio.run(main())
