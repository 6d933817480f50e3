# title: A task's exception nobody looks at
# summary: A task fails but nobody awaits it; the program carries on, and the error only shows up as "Task exception was never retrieved" when the task is discarded.
import asyncio

async def fails():
    await asyncio.sleep(0.5)
    raise RuntimeError('nobody will see this in time')

async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print('main finished without noticing')

asyncio.run(main())
