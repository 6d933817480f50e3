# title: sleep(0) hands the loop to the others
# summary: Each await asyncio.sleep(0) suspends the task for one loop pass, so two tasks that yield take turns line by line without any time passing.
import asyncio

async def talker(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(talker('ping'), talker('pong'))

asyncio.run(main())
