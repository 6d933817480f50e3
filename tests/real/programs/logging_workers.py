# after: https://docs.python.org/3.11/howto/logging.html (basicConfig with a format and datefmt)
#        applied to asyncio workers
# shows: log lines with %(asctime)s from the clock, %(threadName)s, %(name)s and levels on
#        stderr, and logger.exception for a failing task
# adaptations: none
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(threadName)s %(name)s %(levelname)s: %(message)s",
                    datefmt="%H:%M:%S")
logger = logging.getLogger("workers")


async def worker(n):
    logger.info("worker %d starting", n)
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError(f"worker {n} failed")
    logger.info("worker %d done", n)
    return n


async def main():
    results = await asyncio.gather(*(worker(n) for n in range(1, 4)), return_exceptions=True)
    for result in results:
        if isinstance(result, Exception):
            try:
                raise result
            except ValueError:
                logger.exception("a worker failed")
    print(results)


asyncio.run(main())
