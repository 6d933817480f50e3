import asyncio

async def work(i):
    await asyncio.sleep(i)
    print(asyncio.current_task().get_name())

async def main():
    t1 = asyncio.create_task(work(1))
    t1.set_name("renamed")
    t2 = asyncio.create_task(work(2), name="given")
    t3 = asyncio.get_running_loop().create_task(work(3), name="loop-given")
    t4 = asyncio.create_task(work(0))
    await asyncio.gather(t1, t2, t3, t4)
    t5 = asyncio.create_task(work(0))
    print(t5.get_name())
    await t5

asyncio.run(main())

# expect: Task-4
# expect: renamed
# expect: given
# expect: loop-given
# expect: Task-5
# expect: Task-5
