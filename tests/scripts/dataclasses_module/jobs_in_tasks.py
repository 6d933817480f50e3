# Dataclasses as task inputs and results, as tutorials write them: a frozen request, a mutable
# result with a default_factory list, ordering by a field, and asdict for a summary.
import asyncio
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, order=True)
class Request:
    priority: int
    url: str = field(compare=False)


@dataclass
class Result:
    request: Request
    chunks: list = field(default_factory=list)
    done: bool = False

    @property
    def size(self):
        return sum(self.chunks)


async def fetch(request):
    result = Result(request)
    for i in range(request.priority):
        await asyncio.sleep(0.5)
        result.chunks.append(len(request.url) * (i + 1))
    result.done = True
    return result


async def main():
    requests = sorted([Request(3, "https://c.example"), Request(1, "https://a.example"), Request(2, "https://b")])
    print(requests)
    results = await asyncio.gather(*(fetch(r) for r in requests))
    for result in results:
        print(result, result.size)
    print(asdict(results[0]))
    try:
        requests[0].url = "x"
    except AttributeError as error:
        print(type(error).__name__, error)


asyncio.run(main())

# expect: [Request(priority=1, url='https://a.example'), Request(priority=2, url='https://b'), Request(priority=3, url='https://c.example')]
# expect: Result(request=Request(priority=1, url='https://a.example'), chunks=[17], done=True) 17
# expect: Result(request=Request(priority=2, url='https://b'), chunks=[9, 18], done=True) 27
# expect: Result(request=Request(priority=3, url='https://c.example'), chunks=[17, 34, 51], done=True) 102
# expect: {'request': {'priority': 1, 'url': 'https://a.example'}, 'chunks': [17], 'done': True}
# expect: FrozenInstanceError cannot assign to field 'url'
