# contextvars: each task runs in a copy of the context of the code that created it, so a value
# set in one task stays there; Token reset, copy_context, Context.run, create_task(context=).
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")
user = contextvars.ContextVar("user")


async def handler(n):
    print("start", n, request_id.get())
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.1 * n)
    print("after sleep", n, request_id.get(), user.get("anon"))
    return request_id.get()


async def child():
    print("child sees", request_id.get(), user.get())
    user.set("changed-in-child")


async def main():
    request_id.set("main")
    user.set("alice")
    results = await asyncio.gather(*(handler(i) for i in range(3)))
    print(results, request_id.get())
    await asyncio.create_task(child())
    print("main still sees", user.get())
    token = user.set("bob")
    print(user.get(), token.old_value, token.var is user)
    user.reset(token)
    print(user.get())
    ctx = contextvars.copy_context()
    print(ctx[user], user in ctx, len(ctx) >= 2, ctx.get(request_id))
    def in_context():
        user.set("inside run")
        return user.get()
    print(ctx.run(in_context), user.get(), ctx[user])
    try:
        contextvars.ContextVar("x").get()
    except LookupError:
        print("LookupError")
    try:
        user.reset(token)
    except RuntimeError as e:
        print("RuntimeError")
    t = asyncio.create_task(child(), context=ctx)
    await t
    print(ctx[user], user.get())


asyncio.run(main())

# expect: start 0 main
# expect: start 1 main
# expect: start 2 main
# expect: after sleep 0 req-0 alice
# expect: after sleep 1 req-1 alice
# expect: after sleep 2 req-2 alice
# expect: ['req-0', 'req-1', 'req-2'] main
# expect: child sees main alice
# expect: main still sees alice
# expect: bob alice True
# expect: alice
# expect: alice True True main
# expect: inside run alice inside run
# expect: LookupError
# expect: RuntimeError
# expect: child sees main inside run
# expect: changed-in-child alice
