# expect error: ModuleNotFoundError line 5
# An import inside a coroutine fails when that line runs; Loopscope has no aiohttp, CPython may.
import asyncio
async def main():
    import aiohttp
    print(aiohttp)
asyncio.run(main())
