# expect error: NameError line 5
# open() inside a task fails when the task runs; CPython would open (or fail to find) the file.
import asyncio
async def save(text):
    with open("/dev/null", "w") as handle:
        handle.write(text)
asyncio.run(save("x"))
