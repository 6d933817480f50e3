import asyncio

class Delay:
    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.seconds * 2

async def main():
    print(await Delay(1.5), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 3.0 1.5
