# expect error: ModuleNotFoundError line 3
# Loopscope has no asyncio.subprocess (no other processes); CPython imports it.
import asyncio.subprocess
print("never")
