# datetime.now() and date.today() read the virtual clock: the program starts at the epoch, in
# UTC, and a sleep moves "now" forward by exactly its length.
import asyncio
from datetime import date, datetime, timedelta, timezone


async def main():
    start = datetime.now()
    print("started", start, repr(start), date.today(), datetime.now(timezone.utc))
    await asyncio.sleep(90.5)
    now = datetime.now()
    print("now", now, now - start, (now - start).total_seconds(), now.strftime("%H:%M:%S.%f"))
    print(datetime.utcnow().isoformat(), datetime.today().timestamp(), datetime.now().astimezone())
    deadline = datetime.now() + timedelta(seconds=3)
    while datetime.now() < deadline:
        await asyncio.sleep(1)
        print("tick", datetime.now().time())


asyncio.run(main())

# expect: started 1970-01-01 00:00:00 datetime.datetime(1970, 1, 1, 0, 0) 1970-01-01 1970-01-01 00:00:00+00:00
# expect: now 1970-01-01 00:01:30.500000 0:01:30.500000 90.5 00:01:30.500000
# expect: 1970-01-01T00:01:30.500000 90.5 1970-01-01 00:01:30.500000+00:00
# expect: tick 00:01:31.500000
# expect: tick 00:01:32.500000
# expect: tick 00:01:33.500000
