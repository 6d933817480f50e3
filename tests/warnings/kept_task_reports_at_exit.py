# A failed task kept in a module variable reports its exception when the program ends and the
# variable is freed; a coroutine left in one warns at exit too.
import asyncio

async def fail():
    raise OSError("disk full")

async def main():
    global task
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("main done")

pending = fail()
asyncio.run(main())
print("end")
