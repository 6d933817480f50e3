# expect error: RunawayTask line 8
# Loopscope-only: endless never-awaited coroutines. As CPython's warnings filter does, the
# "coroutine 'job' was never awaited" warning shows once for its line, so this is no output
# flood: the endless loop ends as a runaway.
async def job():
    pass

while True:
    job()
