# expect error: Abort line 10
# Loopscope-only exit status: a BaseException subclass raised in a task passes through
# asyncio.run and the gather.
import asyncio

class Abort(BaseException):
    pass

async def worker():
    raise Abort("stop everything")

async def main():
    await asyncio.gather(worker(), asyncio.sleep(1))

asyncio.run(main())
