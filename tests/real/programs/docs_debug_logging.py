# after: https://docs.python.org/3.11/library/asyncio-dev.html#logging
# shows: logging configured at DEBUG level shows asyncio's own messages (on stderr) beside the
#        program's
# adaptations: the documentation shows the configuration; the program around it is small
import asyncio
import logging

logging.basicConfig(level=logging.DEBUG)
log = logging.getLogger("app")


async def job(n):
    log.debug("job %d starts", n)
    await asyncio.sleep(n / 10)
    log.info("job %d done", n)
    return n


async def main():
    print(await asyncio.gather(job(1), job(2)))


asyncio.run(main())
