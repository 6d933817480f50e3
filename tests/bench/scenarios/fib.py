# title: Compute-heavy: recursive fib and arithmetic loops
# summary: Plain computation inside one coroutine: recursive fib(30) and integer and float loops, to compare raw interpreter speed.
import asyncio

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def integer_loop(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total

def float_loop(n):
    x = 0.0
    for i in range(1, n):
        x += 1.0 / (i * i)
    return x

async def main():
    print("fib(30) =", fib(30))
    print("integer loop =", integer_loop(2_000_000))
    print("float loop =", round(float_loop(2_000_000), 9))

asyncio.run(main())
