# title: Two ways to define a coroutine (as printed, with a typo)
# summary: The article's snippet misses the colon after def myFunc2(), so Python refuses the whole file with a SyntaxError before anything runs.
import asyncio

async def myFunc1():
    print("Coroutine 1")

@asyncio.coroutine
def myFunc2()
    print("Coroutine 2")
