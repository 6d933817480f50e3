# after: https://docs.python.org/3.11/tutorial/introduction.html (Fibonacci series) spread over
#        tasks, with the big numbers Python ints allow
# shows: ints grow past 64 bits: fib(100), 2 ** 100 and math.factorial(50) print in full
# adaptations: none
import asyncio
import math


async def fibonacci(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
        if i % 25 == 0:
            await asyncio.sleep(0)
    return a


async def main():
    results = await asyncio.gather(fibonacci(100), fibonacci(200))
    print(results)
    print(2 ** 100, math.factorial(50))
    print(f"{results[1]:,}", results[1].bit_length(), hex(results[0]))


asyncio.run(main())
