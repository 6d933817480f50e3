# expect error: LimitExceeded line 7
# Loopscope-only: endless "coroutine was never awaited" warnings are output too.
async def job():
    pass

while True:
    job()
