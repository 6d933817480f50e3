# typing for Loopscope: annotations are never evaluated at run time by scenarios' functions,
# but module-level names must exist and be subscriptable (List[int], Optional[str], ...).


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __repr__(self):
        return 'typing.' + self._name


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
AsyncIterator = _Special('AsyncIterator')
AsyncIterable = _Special('AsyncIterable')
AsyncGenerator = _Special('AsyncGenerator')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
Type = _Special('Type')
NoReturn = _Special('NoReturn')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
TYPE_CHECKING = False


def TypeVar(name, *constraints, **kwargs):
    return _Special(name)


def cast(typ, value):
    return value


class Generic:
    def __class_getitem__(cls, params):
        return cls


def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    return namedtuple(typename, [f[0] for f in fields or []])
