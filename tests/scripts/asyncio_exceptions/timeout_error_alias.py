import asyncio

print(asyncio.TimeoutError is TimeoutError, asyncio.exceptions.TimeoutError is TimeoutError)
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print(issubclass(asyncio.InvalidStateError, Exception))

# expect: True True
# expect: True False
# expect: True
