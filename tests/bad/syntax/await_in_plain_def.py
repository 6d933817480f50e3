# expect error: SyntaxError line 4
import asyncio
def main():
    await asyncio.sleep(1)
asyncio.run(main())
