# Handlers and formatters: several handlers with their own levels and formats, datefmt, the
# '{' style, filters, propagate, LoggerAdapter, and what is written to a custom stream.
import asyncio
import logging
import sys


class ListStream:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)

    def flush(self):
        pass


async def main():
    logger = logging.getLogger("service")
    logger.setLevel(logging.DEBUG)
    console = logging.StreamHandler(sys.stdout)
    console.setLevel(logging.INFO)
    console.setFormatter(logging.Formatter("%(asctime)s | %(levelname)s | %(message)s", datefmt="%H:%M:%S"))
    captured = ListStream()
    detailed = logging.StreamHandler(captured)
    detailed.setFormatter(logging.Formatter("{name}:{levelno}:{message}", style="{"))
    logger.addHandler(console)
    logger.addHandler(detailed)
    logger.propagate = False

    class OnlyEven(logging.Filter):
        def filter(self, record):
            return record.args[0] % 2 == 0 if record.args else True

    console.addFilter(OnlyEven())
    for i in range(4):
        logger.debug("debug %d", i)
        logger.info("info %d", i)
        await asyncio.sleep(0.5)
    adapter = logging.LoggerAdapter(logger, {"request": 7})
    adapter.warning("through the adapter")
    print(repr(console), repr(adapter), logger.hasHandlers(), logger.isEnabledFor(logging.DEBUG))
    print("".join(captured.lines), end="")
    default = logging.Formatter()
    record = logging.LogRecord("x", logging.WARNING, "file.py", 12, "hello %s", ("world",), None)
    print(default.format(record), record.getMessage(), record.levelname, record.lineno, record.filename, record.module)
    print(logging.Formatter("%(asctime)s").format(record), record.msecs, record.created)


asyncio.run(main())

# expect: 00:00:00 | INFO | info 0
# expect: 00:00:01 | INFO | info 2
# expect: 00:00:02 | WARNING | through the adapter
# expect: <StreamHandler (INFO)> <LoggerAdapter service (DEBUG)> True True
# expect: service:10:debug 0
# expect: service:20:info 0
# expect: service:10:debug 1
# expect: service:20:info 1
# expect: service:10:debug 2
# expect: service:20:info 2
# expect: service:10:debug 3
# expect: service:20:info 3
# expect: service:30:through the adapter
# expect: hello world hello world WARNING 12 file.py file
# expect: 1970-01-01 00:00:02,000 0.0 2.0
