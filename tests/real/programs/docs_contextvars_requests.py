# after: https://docs.python.org/3.11/library/contextvars.html#asyncio-support
# shows: a ContextVar set per request is seen by everything the request's task calls, and each
#        concurrent request keeps its own value
# adaptations: the documentation serves TCP connections with asyncio.start_server; here each
#              "connection" is a task and reading the socket is an asyncio.sleep
import asyncio
import contextvars

client_addr_var = contextvars.ContextVar("client_addr")


def render_goodbye():
    # The address of the currently handled client can be accessed without passing it
    # explicitly to this function.
    client_addr = client_addr_var.get()
    return f"Good bye, client @ {client_addr}"


async def handle_request(addr, delay):
    client_addr_var.set(addr)
    # In any code that we call it is now possible to get client's address by calling
    # 'client_addr_var.get()'.
    await asyncio.sleep(delay)
    print(render_goodbye())


async def main():
    await asyncio.gather(handle_request(("127.0.0.1", 5001), 0.2), handle_request(("127.0.0.1", 5002), 0.1))
    print(client_addr_var.get("no client here"))


asyncio.run(main())
