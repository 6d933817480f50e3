import asyncio
import sys

async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleanup")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("exiting")
    sys.exit(3)

asyncio.run(main())
