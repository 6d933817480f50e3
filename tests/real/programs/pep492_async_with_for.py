# after: https://peps.python.org/pep-0492/ (asynchronous context managers and iterators)
# shows: a class with __aenter__/__aexit__ and one with __aiter__/__anext__
# adaptations: the PEP's database transaction and cursor become sleeps
import asyncio


class Transaction:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("begin", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("rollback" if exc_type else "commit", self.name)
        return False


class Cursor:
    def __init__(self, rows):
        self.rows = list(rows)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0.05)
        if not self.rows:
            raise StopAsyncIteration
        return self.rows.pop(0)


async def main():
    async with Transaction("t1"):
        async for row in Cursor(["a", "b", "c"]):
            print("row", row)
    try:
        async with Transaction("t2"):
            raise ValueError("bad row")
    except ValueError as error:
        print("caught", error)


asyncio.run(main())
