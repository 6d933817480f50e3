# after: https://docs.python.org/3.11/library/asyncio-task.html#timeouts
# shows: asyncio.timeout cancels the work inside it and raises TimeoutError outside; reschedule()
#        moves a deadline that was left open
# adaptations: the documentation's fragments are joined into one program
import asyncio


async def long_running_task():
    print("working...")
    await asyncio.sleep(3600)
    print("never printed")


async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            new_deadline = loop.time() + 10
            cm.reschedule(new_deadline)
            print("deadline set to", cm.when())
            await long_running_task()
    except TimeoutError:
        pass
    if cm.expired():
        print("Looks like we haven't finished on time.")


asyncio.run(main())
