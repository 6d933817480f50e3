import asyncio

async def fail():
    raise IndexError("out of range")

async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0)
    print(task.done(), repr(task.exception()))
    try:
        task.result()
    except IndexError as error:
        print("result() raises", repr(error))

asyncio.run(main())

# expect: True IndexError('out of range')
# expect: result() raises IndexError('out of range')
