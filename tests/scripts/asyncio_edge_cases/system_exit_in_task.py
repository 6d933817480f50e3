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

try:
    asyncio.run(main())
except SystemExit as exit_request:
    print("SystemExit", exit_request.code)

# expect: exiting
# expect: background cleanup
# expect: SystemExit 3
