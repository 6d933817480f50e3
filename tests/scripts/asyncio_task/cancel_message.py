import asyncio

async def main():
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError as error:
        print("CancelledError", error.args)

asyncio.run(main())

# expect: CancelledError ('stop now',)
