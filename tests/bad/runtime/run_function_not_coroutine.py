# expect error: ValueError line 5
import asyncio
async def main():
    print("never")
asyncio.run(main)
