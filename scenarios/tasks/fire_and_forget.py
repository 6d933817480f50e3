# title: Tasks run even when nobody awaits them
# summary: A created task starts at the next pass whether or not it is awaited; main sleeps long enough for the background task to finish its work.
import asyncio

async def background(n):
    for i in range(n):
        await asyncio.sleep(0.3)
        print('background tick', i)

async def main():
    asyncio.create_task(background(3))
    print('main goes on')
    await asyncio.sleep(1)
    print('main done')

asyncio.run(main())
