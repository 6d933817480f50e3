# after: https://peps.python.org/pep-0567/
# shows: contextvars: copy_context() snapshots, Context.run, and tasks running in copies
# adaptations: the PEP's fragments become one program
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


def show(where):
    print(where, var.get())


async def task_body(value):
    show("task starts with")
    var.set(value)
    await asyncio.sleep(0.1)
    show("task ends with")


async def main():
    var.set("spam")
    ctx = contextvars.copy_context()
    var.set("ham")
    ctx.run(show, "inside the copy:")
    show("outside:")
    await asyncio.gather(task_body("eggs"), task_body("bacon"))
    show("main still has")


asyncio.run(main())
