import asyncio

async def main():
    await asyncio.sleep(0.25)
    print("ran as", __name__)

if __name__ == "__main__":
    asyncio.run(main())

# expect: ran as __main__
