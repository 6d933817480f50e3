# expect error: ModuleNotFoundError line 5
# Loopscope says requests is not available in the simulator and suggests asyncio.sleep to model
# I/O; CPython raises ModuleNotFoundError too when requests is not installed, and runs it otherwise.
import asyncio
import requests
async def fetch(url):
    return requests.get(url).text
asyncio.run(fetch("https://example.com"))
