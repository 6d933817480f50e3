# title: A blocking call holds up every coroutine
# summary: fetch_blocking stands in for a requests call with time.sleep(2), which holds the loop, so the other fetches wait and the run takes 2 + 1 s; fetch_async awaits asyncio.sleep instead and lets them overlap.
import asyncio
import time

async def fetch_blocking(url):
    time.sleep(2)  # stands in for requests.get(url): the whole loop waits
    print('blocking fetch of', url, 'done at', time.monotonic())

async def fetch_async(url, seconds):
    await asyncio.sleep(seconds)  # stands in for an aiohttp request: other coroutines run meanwhile
    print('async fetch of', url, 'done at', time.monotonic())

async def main():
    await asyncio.gather(fetch_blocking('a.example'), fetch_async('b.example', 1), fetch_async('c.example', 1))
    print('finished at', time.monotonic())

asyncio.run(main())
