import asyncio

async def low():
    await asyncio.sleep(1)
    raise ValueError("low level")

async def high():
    try:
        await low()
    except ValueError as error:
        raise RuntimeError("high level") from error

async def main():
    try:
        await asyncio.create_task(high())
    except RuntimeError as error:
        print(repr(error), "caused by", repr(error.__cause__))

asyncio.run(main())

# expect: RuntimeError('high level') caused by ValueError('low level')
