import asyncio

def plain():
    return 1

try:
    asyncio.run(plain())
except ValueError as error:
    print("ValueError:", error)

# expect: ValueError: a coroutine was expected, got 1
