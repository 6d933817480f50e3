# logging to stderr as CPython writes it: basicConfig, the logger hierarchy and levels, the
# lastResort handler before configuration, %(asctime)s from the virtual clock, exception().
import asyncio
import logging
import sys
import time

class PathlessStdout:
    # Traceback "File" lines name the script's path, which depends on where the tests run.
    def write(self, text):
        sys.stdout.write("".join(line for line in text.splitlines(True) if not line.startswith("  File")))

    def flush(self):
        pass


logging.warning("before config %s and %d", "args", 5)
logging.info("not shown")
logging.basicConfig(stream=PathlessStdout(), force=True, level=logging.DEBUG, format="%(asctime)s %(levelname)-8s [%(name)s] %(threadName)s %(funcName)s:%(lineno)d %(filename)s %(module)s %(message)s")
log = logging.getLogger(__name__)
child = logging.getLogger("app.db")
parent = logging.getLogger("app")


async def worker(n):
    log.debug("worker %d starting", n)
    await asyncio.sleep(n * 0.25)
    log.info("worker %d done after %.2fs", n, time.monotonic())
    if n == 2:
        try:
            1 / 0
        except ZeroDivisionError:
            log.exception("worker %d failed", n)
    return n


async def main():
    child.warning("child %s", {"a": 1})
    child.warning("mapping %(a)s", {"a": 1})
    parent.setLevel(logging.ERROR)
    child.warning("filtered by parent level")
    child.error("error reaches root")
    print(repr(log), repr(parent), repr(child), repr(logging.getLogger()), child.parent is parent, child.getEffectiveLevel())
    results = await asyncio.gather(*(worker(i) for i in range(3)))
    print(results)
    logging.critical("critical %s", results)
    logging.log(25, "custom level")
    logging.addLevelName(25, "NOTICE")
    logging.log(25, "named level")
    print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(5))


asyncio.run(main())

# expect: 1970-01-01 00:00:00,000 DEBUG    [asyncio] MainThread __init__:54 selector_events.py selector_events Using selector: EpollSelector
# expect: 1970-01-01 00:00:00,000 WARNING  [app.db] MainThread main:38 levels_and_hierarchy.py levels_and_hierarchy child {'a': 1}
# expect: 1970-01-01 00:00:00,000 WARNING  [app.db] MainThread main:39 levels_and_hierarchy.py levels_and_hierarchy mapping 1
# expect: 1970-01-01 00:00:00,000 ERROR    [app.db] MainThread main:42 levels_and_hierarchy.py levels_and_hierarchy error reaches root
# expect: <Logger __main__ (DEBUG)> <Logger app (ERROR)> <Logger app.db (ERROR)> <RootLogger root (DEBUG)> True 40
# expect: 1970-01-01 00:00:00,000 DEBUG    [__main__] MainThread worker:26 levels_and_hierarchy.py levels_and_hierarchy worker 0 starting
# expect: 1970-01-01 00:00:00,000 DEBUG    [__main__] MainThread worker:26 levels_and_hierarchy.py levels_and_hierarchy worker 1 starting
# expect: 1970-01-01 00:00:00,000 DEBUG    [__main__] MainThread worker:26 levels_and_hierarchy.py levels_and_hierarchy worker 2 starting
# expect: 1970-01-01 00:00:00,000 INFO     [__main__] MainThread worker:28 levels_and_hierarchy.py levels_and_hierarchy worker 0 done after 0.00s
# expect: 1970-01-01 00:00:00,250 INFO     [__main__] MainThread worker:28 levels_and_hierarchy.py levels_and_hierarchy worker 1 done after 0.25s
# expect: 1970-01-01 00:00:00,500 INFO     [__main__] MainThread worker:28 levels_and_hierarchy.py levels_and_hierarchy worker 2 done after 0.50s
# expect: 1970-01-01 00:00:00,500 ERROR    [__main__] MainThread worker:33 levels_and_hierarchy.py levels_and_hierarchy worker 2 failed
# expect: Traceback (most recent call last):
# expect:     1 / 0
# expect:     ~~^~~
# expect: ZeroDivisionError: division by zero
# expect: [0, 1, 2]
# expect: 1970-01-01 00:00:00,500 CRITICAL [root] MainThread main:46 levels_and_hierarchy.py levels_and_hierarchy critical [0, 1, 2]
# expect: 1970-01-01 00:00:00,500 Level 25 [root] MainThread main:47 levels_and_hierarchy.py levels_and_hierarchy custom level
# expect: 1970-01-01 00:00:00,500 NOTICE   [root] MainThread main:49 levels_and_hierarchy.py levels_and_hierarchy named level
# expect: NOTICE 25 Level 5
