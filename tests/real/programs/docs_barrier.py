# after: https://docs.python.org/3.11/library/asyncio-sync.html#barrier
# shows: three parties meet at a Barrier; the repr shows how many are waiting
# adaptations: the Barrier's repr is printed with its address masked (CPython prints the
#              object's address, which changes from run to run)
import asyncio


async def example_barrier():
    # barrier with 3 parties
    b = asyncio.Barrier(3)
    # create 2 new waiting tasks
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(repr(b).replace(hex(id(b)), "0x..."))
    # The third .wait() call passes the barrier
    await b.wait()
    print(repr(b).replace(hex(id(b)), "0x..."))
    print("barrier passed")
    await asyncio.sleep(0)
    print(repr(b).replace(hex(id(b)), "0x..."))


asyncio.run(example_barrier())
