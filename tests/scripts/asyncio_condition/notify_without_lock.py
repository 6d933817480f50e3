import asyncio

async def main():
    condition = asyncio.Condition()
    try:
        condition.notify()
    except RuntimeError as error:
        print("RuntimeError:", error)

asyncio.run(main())

# expect: RuntimeError: cannot notify on un-acquired lock
