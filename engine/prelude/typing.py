# typing for Loopscope: the names programs import and subscript (List[int], Optional[str],
# Callable[[int], str], ...) with CPython's reprs, TypeVar, Generic, Protocol with
# runtime_checkable, NamedTuple and TypedDict class syntax, NewType, cast, get_type_hints,
# get_origin and get_args. Nothing is checked at run time, as in CPython.
import abc
import collections
import types as _types
import _loopscope

_type_repr = _types._type_repr
TYPE_CHECKING = False


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _convert(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _GenericAlias:
    """A typing construct with its arguments: List[int], Optional[str], Stack[int], ..."""

    def __init__(self, origin, args, name=None, display=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._display = display
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))

    def __repr__(self):
        if self._display is not None:
            return self._display
        args = ', '.join(_type_repr(a) for a in self.__args__)
        head = f'typing.{self._name}' if self._name else _type_repr(self.__origin__)
        return f'{head}[{args}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        mapping = dict(zip(self.__parameters__, params))
        return _GenericAlias(self.__origin__, tuple(mapping.get(a, a) for a in self.__args__), self._name)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _SpecialGeneric:
    """List, Dict, Callable, ...: subscriptable names for builtin or abstract types."""

    def __init__(self, name, origin, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return f'typing.{self._name}'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Callable' and len(params) == 2:
            arguments, result = params
            if arguments is ...:
                return _GenericAlias(self.__origin__, (..., _convert(result)), 'Callable')
            arguments = [_convert(a) for a in arguments]
            display = f'typing.Callable[[{", ".join(_type_repr(a) for a in arguments)}], {_type_repr(_convert(result))}]'
            return _GenericAlias(self.__origin__, tuple(arguments) + (_convert(result),), 'Callable', display)
        return _GenericAlias(self.__origin__, tuple(_convert(p) if p is not ... else ... for p in params), self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    args = []
    for p in parameters:
        p = _convert(p)
        for arg in (p.__args__ if isinstance(p, _GenericAlias) and p.__origin__ is Union or
                    isinstance(p, _types.UnionType) else (p,)):
            if arg not in args:
                args.append(arg)
    if len(args) == 1:
        return args[0]
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return _GenericAlias(Union, tuple(args), None, f'typing.Optional[{_type_repr(other)}]')
    return _GenericAlias(Union, tuple(args), 'Union')


def _optional_getitem(self, parameter):
    return Union[parameter, None]


def _plain_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, tuple(_convert(p) for p in parameters), self._name)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, 'Literal',
                         'typing.Literal[' + ', '.join(repr(p) for p in parameters) + ']')


def _annotated_getitem(self, parameters):
    origin, *metadata = parameters
    display = f'typing.Annotated[{_type_repr(origin)}, {", ".join(repr(m) for m in metadata)}]'
    alias = _GenericAlias(origin, (origin,), 'Annotated', display)
    alias.__metadata__ = tuple(metadata)
    return alias


Any = _SpecialForm('Any', _plain_getitem)
NoReturn = _SpecialForm('NoReturn', _plain_getitem)
Never = _SpecialForm('Never', _plain_getitem)
Self = _SpecialForm('Self', _plain_getitem)
LiteralString = _SpecialForm('LiteralString', _plain_getitem)
TypeAlias = _SpecialForm('TypeAlias', _plain_getitem)
ClassVar = _SpecialForm('ClassVar', _plain_getitem)
Final = _SpecialForm('Final', _plain_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)
Concatenate = _SpecialForm('Concatenate', _plain_getitem)
TypeGuard = _SpecialForm('TypeGuard', _plain_getitem)
Required = _SpecialForm('Required', _plain_getitem)
NotRequired = _SpecialForm('NotRequired', _plain_getitem)
Unpack = _SpecialForm('Unpack', _plain_getitem)

List = _SpecialGeneric('List', list)
Dict = _SpecialGeneric('Dict', dict)
Set = _SpecialGeneric('Set', set)
FrozenSet = _SpecialGeneric('FrozenSet', frozenset)
Tuple = _SpecialGeneric('Tuple', tuple)
Type = _SpecialGeneric('Type', type)
DefaultDict = _SpecialGeneric('DefaultDict', collections.defaultdict)
OrderedDict = _SpecialGeneric('OrderedDict', collections.OrderedDict)
Counter = _SpecialGeneric('Counter', collections.Counter)
Deque = _SpecialGeneric('Deque', collections.deque)
ChainMap = _SpecialGeneric('ChainMap', getattr(collections, 'ChainMap', dict))
Text = str
AnyStr = None  # replaced by a TypeVar below


class _Abstract:
    """Stands for an abstract collection type (Iterable, Awaitable, ...)."""


for _name in ('Callable', 'Iterable', 'Iterator', 'Generator', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
              'Awaitable', 'Coroutine', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping',
              'AbstractSet', 'MutableSet', 'Collection', 'Container', 'Hashable', 'Sized', 'Reversible',
              'ItemsView', 'KeysView', 'ValuesView', 'MappingView', 'ContextManager', 'AsyncContextManager',
              'SupportsInt', 'SupportsFloat', 'SupportsAbs', 'SupportsIndex', 'SupportsRound', 'IO', 'TextIO',
              'BinaryIO', 'Pattern', 'Match'):
    _abstract = type(_name, (_Abstract,), {'__module__': 'typing'})
    _loopscope.loaded_module('typing').__dict__[_name] = _SpecialGeneric(_name, _abstract)
del _name, _abstract


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__

    @property
    def args(self):
        return self

    @property
    def kwargs(self):
        return self


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    """Abstract base class for generic types: class Stack(Generic[T])."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_convert(p) for p in params)
        if cls is Generic or cls is Protocol:
            return _GenericAlias(cls, params, cls.__name__)
        return _GenericAlias(cls, params)


class _ProtocolMeta(abc.ABCMeta):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_runtime_protocol', False):
            return all(hasattr(instance, attr) for attr in _protocol_attrs(cls))
        return super().__instancecheck__(instance)


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in list(base.__dict__.keys()) + list(base.__dict__.get('__annotations__', {}).keys()):
            if not attr.startswith('_abc_') and attr not in (
                    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
                    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
                    '_is_protocol', '_is_runtime_protocol', '__qualname__', '__parameters__', '__orig_bases__',
                    '__mro_entries__') and attr not in attrs:
                attrs.append(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


# -- NamedTuple and TypedDict ------------------------------------------------------------------

class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        annotations = ns.get('__annotations__', {})
        fields = list(annotations)
        defaults = [ns[name] for name in fields if name in ns]
        nt = collections.namedtuple(typename, fields, defaults=defaults, module=ns.get('__module__'))
        nt.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key not in fields and key not in ('__module__', '__qualname__', '__annotations__'):
                setattr(nt, key, value)
        return nt


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    nt = collections.namedtuple(typename, [name for name, _ in fields])
    nt.__annotations__ = dict(fields)
    return nt


_NamedTupleBase = type.__new__(_NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        ns['__annotations__'] = annotations
        ns['__total__'] = total
        return super().__new__(cls, name, (dict,) if bases else (), ns)

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    ns = {'__annotations__': dict(fields or kwargs), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


# -- Functions --------------------------------------------------------------------------------

class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj):
    import sys
    sys.stderr.write(f'Runtime type is {type(obj).__name__!r}\n')
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError('You should not call an overloaded function. A series of @typing.overload-'
                                  'decorated functions outside a stub module should always be followed by an '
                                  'implementation that is not @typing.overload-ed.')
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    return lambda cls: cls


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        origin = tp.__origin__
        if isinstance(origin, _SpecialGeneric):
            return origin.__origin__
        return origin
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        args = tp.__args__
        if getattr(tp, '_name', None) == 'Callable' and args and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    return ()


def _resolve(annotation, module):
    if isinstance(annotation, str):
        target = module
        for part in annotation.split('.'):
            target = getattr(target, part, None) if target is not None else None
        return annotation if target is None else target
    if isinstance(annotation, ForwardRef):
        return _resolve(annotation.__forward_arg__, module)
    return annotation


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    classes = reversed(obj.__mro__) if isinstance(obj, type) else [obj]
    for base in classes:
        annotations = base.__dict__.get('__annotations__', {}) if isinstance(obj, type) else \
            getattr(obj, '__annotations__', {})
        module = _loopscope.loaded_module(getattr(base, '__module__', '__main__') or '__main__')
        for name, value in annotations.items():
            if value is None:
                value = type(None)
            hints[name] = _resolve(value, module)
    return hints


def get_overloads(func):
    return []


def clear_overloads():
    pass
