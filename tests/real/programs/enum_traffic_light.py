# after: https://docs.python.org/3.11/howto/enum.html (Enum basics) with an asyncio state machine
# shows: an Enum of states changed by a task on a timer; members as keys, names, values
# adaptations: none
import asyncio
from enum import Enum, auto


class Light(Enum):
    RED = auto()
    GREEN = auto()
    YELLOW = auto()


DURATION = {Light.RED: 3, Light.GREEN: 2, Light.YELLOW: 1}
NEXT = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}


async def traffic_light(cycles):
    state = Light.RED
    for _ in range(cycles):
        print(f"{asyncio.get_running_loop().time():4.1f}s {state.name:<6} {state!r}")
        await asyncio.sleep(DURATION[state])
        state = NEXT[state]
    return state


async def main():
    final = await traffic_light(5)
    print(final, final.value, list(Light), Light["GREEN"], Light(3))


asyncio.run(main())
