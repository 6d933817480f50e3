# after: https://docs.python.org/3.11/library/dataclasses.html (the InventoryItem example) used in
#        an asyncio pipeline
# shows: dataclass instances flow through a queue between stages; their repr and computed total
# adaptations: none
import asyncio
from dataclasses import dataclass, field


@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0
    history: list = field(default_factory=list)

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand


async def restock(queue, items):
    for item in items:
        await asyncio.sleep(0.5)
        item.quantity_on_hand += 10
        item.history.append("restocked")
        await queue.put(item)
    await queue.put(None)


async def report(queue):
    while (item := await queue.get()) is not None:
        print(item, item.total_cost())


async def main():
    queue = asyncio.Queue(maxsize=1)
    items = [InventoryItem("widget", 3.5), InventoryItem("gadget", 12.25, 2)]
    await asyncio.gather(restock(queue, items), report(queue))
    print(items[0] == InventoryItem("widget", 3.5, 10, ["restocked"]))


asyncio.run(main())
