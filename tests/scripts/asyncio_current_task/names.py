import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    print(await asyncio.create_task(child(), name="kid"))
    print(await child())

asyncio.run(main())

# expect: Task-1
# expect: kid
# expect: Task-1
