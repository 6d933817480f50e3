import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("RuntimeError:", error)

# expect: RuntimeError: no running event loop
