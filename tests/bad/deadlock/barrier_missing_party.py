# expect error: Deadlock line 6
# Loopscope-only: a barrier for three parties that only two reach.
import asyncio

async def party(barrier):
    await barrier.wait()

async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party(barrier), party(barrier))

asyncio.run(main())
