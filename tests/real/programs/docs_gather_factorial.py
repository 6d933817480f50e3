# after: https://docs.python.org/3.11/library/asyncio-task.html#running-tasks-concurrently
# shows: gather runs three factorial computations side by side, each yielding once per step,
#        and returns their results in the order given
# adaptations: none
import asyncio


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(1)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


async def main():
    results = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    print(results)


asyncio.run(main())
