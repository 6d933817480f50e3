# time.strftime/localtime/gmtime/ctime/asctime read the virtual clock, in UTC: the asyncio
# documentation's "started at %X" example prints 00:00:00 and 00:00:03.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")
    print(time.localtime(), time.gmtime(0).tm_zone, time.localtime().tm_zone)
    print(time.ctime(), time.asctime(), time.strftime('%c|%x|%Z|%z|%j|%s', time.gmtime(1e9)))
    print(time.mktime(time.localtime()), time.time(), time.monotonic(), time.strftime('%Y-%m-%d %H:%M:%S'))
    t = time.localtime(1234567890.5)
    print(t.tm_year, t[1], len(t), t[:3], list(t)[-1], type(t).__name__, isinstance(t, tuple), t == tuple(t))
    print(time.strftime('%a %j %S', (2024, 0, 0, 0, 0, 61, 9, 366, 5)))
    for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (1, 2)]:
        try:
            time.strftime('%Y', bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    print(time.timezone, time.tzname, time.daylight)

asyncio.run(main())

# expect: started at 00:00:00
# expect: hello
# expect: world
# expect: finished at 00:00:03
# expect: time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=3, tm_wday=3, tm_yday=1, tm_isdst=0) GMT UTC
# expect: Thu Jan  1 00:00:03 1970 Thu Jan  1 00:00:03 1970 Sun Sep  9 01:46:40 2001|09/09/01|GMT|+0000|252|1000000000
# expect: 3.0 3.0 3.0 1970-01-01 00:00:03
# expect: 2009 2 9 (2009, 2, 13) 0 struct_time True True
# expect: Wed 366 61
# expect: ValueError month out of range
# expect: TypeError strftime(): illegal time tuple argument
# expect: 0 ('UTC', 'UTC') 0
