# after: Jason Brownlee, "Python Asyncio: The Complete Guide", SuperFastPython
#        (https://superfastpython.com/python-asyncio/), done callbacks and task results
# shows: add_done_callback runs after the task finishes; result() and exception() afterwards
# adaptations: none
import asyncio


def callback(task):
    print(f"callback: {task.get_name()} done, result={task.result()}")


async def work(value):
    await asyncio.sleep(value)
    return value * 100


async def failing():
    await asyncio.sleep(0.5)
    raise RuntimeError("something bad happened")


async def main():
    task = asyncio.create_task(work(1), name="work")
    task.add_done_callback(callback)
    other = asyncio.create_task(failing(), name="failing")
    await asyncio.sleep(2)
    print(task.done(), task.result())
    print(other.done(), repr(other.exception()))


asyncio.run(main())
