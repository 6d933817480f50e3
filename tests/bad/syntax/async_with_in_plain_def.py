# expect error: SyntaxError line 5
import asyncio
def main():
    lock = asyncio.Lock()
    async with lock:
        pass
