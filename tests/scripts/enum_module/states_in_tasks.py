# An Enum of task states, as asyncio tutorials use one: members as dict keys, comparisons,
# iteration in definition order, and an IntEnum priority ordering a PriorityQueue.
import asyncio
from enum import Enum, IntEnum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


class Priority(IntEnum):
    HIGH = 1
    NORMAL = 2
    LOW = 3


async def worker(name, states, queue):
    states[name] = State.RUNNING
    while not queue.empty():
        priority, job = await queue.get()
        print(f"{name} runs {job} ({priority.name}, {priority!r}, {priority})")
        await asyncio.sleep(priority * 0.1)
        queue.task_done()
    states[name] = State.DONE


async def main():
    queue = asyncio.PriorityQueue()
    for job, priority in [("backup", Priority.LOW), ("alert", Priority.HIGH), ("report", Priority.NORMAL),
                          ("page", Priority.HIGH)]:
        queue.put_nowait((priority, job))
    states = {name: State.IDLE for name in ("a", "b")}
    print(states)
    await asyncio.gather(worker("a", states, queue), worker("b", states, queue))
    print(states, [s.name for s in State], State.DONE in states.values(), State(2))
    print(sorted(Priority, reverse=True), Priority.HIGH < Priority.LOW, Priority(3) is Priority.LOW)


asyncio.run(main())

# expect: {'a': <State.IDLE: 1>, 'b': <State.IDLE: 1>}
# expect: a runs alert (HIGH, <Priority.HIGH: 1>, 1)
# expect: b runs page (HIGH, <Priority.HIGH: 1>, 1)
# expect: a runs report (NORMAL, <Priority.NORMAL: 2>, 2)
# expect: b runs backup (LOW, <Priority.LOW: 3>, 3)
# expect: {'a': <State.DONE: 3>, 'b': <State.DONE: 3>} ['IDLE', 'RUNNING', 'DONE'] True State.RUNNING
# expect: [<Priority.LOW: 3>, <Priority.NORMAL: 2>, <Priority.HIGH: 1>] True True
