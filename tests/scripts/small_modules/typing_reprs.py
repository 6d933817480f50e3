# typing: the reprs of List[int], Optional, Union, Callable, Literal, TypeVar, list[int] and int | None,
# Generic[T] subclasses, NamedTuple and TypedDict classes, runtime_checkable protocols, NewType.
import typing
from typing import TypeVar, List, Dict, Optional, Union, Callable, Tuple, Literal, Any, ClassVar, Final, Awaitable, Coroutine, Type, Annotated, Set, Iterable, AsyncIterator, Generic, NamedTuple, TypedDict, Protocol, runtime_checkable, get_type_hints, NewType
T = TypeVar('T')
print(repr(T), List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Optional['X'], Callable[[int], str], Callable[..., int], Tuple[int, ...], Literal['a', 1], Any, ClassVar[int], Final[int], Awaitable[int], Coroutine[Any, Any, int], List, Type[int], Annotated[int, 'meta'], Set[T], Iterable[str], AsyncIterator[int])
print(list[int], dict[str, int], int | None, type(list[int]))
class Stack(Generic[T]):
    def __init__(self): self.items = []
print(Stack[int], Stack.__mro__, Stack[int]().items)
class P(NamedTuple):
    x: int
    y: int = 0
print(P(1), P(1, 2)._asdict(), P._fields)
class M(TypedDict):
    name: str
m = M(name='a'); print(m, type(m))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
print(get_type_hints(P), typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
UserId = NewType('UserId', int); print(UserId(5), UserId)

# expect: ~T typing.List[int] typing.Dict[str, int] typing.Optional[int] typing.Union[int, str] typing.Optional[int] typing.Optional[ForwardRef('X')] typing.Callable[[int], str] typing.Callable[..., int] typing.Tuple[int, ...] typing.Literal['a', 1] typing.Any typing.ClassVar[int] typing.Final[int] typing.Awaitable[int] typing.Coroutine[typing.Any, typing.Any, int] typing.List typing.Type[int] typing.Annotated[int, 'meta'] typing.Set[~T] typing.Iterable[str] typing.AsyncIterator[int]
# expect: list[int] dict[str, int] int | None <class 'types.GenericAlias'>
# expect: __main__.Stack[int] (<class '__main__.Stack'>, <class 'typing.Generic'>, <class 'object'>) []
# expect: P(x=1, y=0) {'x': 1, 'y': 2} ('x', 'y')
# expect: {'name': 'a'} <class 'dict'>
# expect: True False
# expect: {'x': <class 'int'>, 'y': <class 'int'>} <class 'list'> (<class 'str'>, <class 'int'>)
# expect: 5 __main__.UserId
