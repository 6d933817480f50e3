# @dataclass: generated __init__ (with CPython's argument errors), __repr__, __eq__, order, frozen,
# hashing rules, field() options, KW_ONLY, InitVar, __post_init__, inheritance, asdict/astuple/replace,
# and copy.copy/deepcopy of dataclass instances.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, KW_ONLY
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
print(P(1), P(1, 2, ['a']), P(1) == P(1), P(1) == P(2), repr(P), P.__init__.__qualname__, P.__eq__.__qualname__)
for args, kwargs in [((), {}), ((1, 2, 3, 4), {}), ((1,), {'z': 3}), ((1,), {'x': 3})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print(e)
try: P(1) < P(2)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class V:
    major: int
    minor: int = 0
print(V(1,2) < V(1,3), sorted([V(2), V(1, 5), V(1)]), hash(V(1,2)) == hash((1,2)), V(1))
try: V(1).major = 3
except FrozenInstanceError as e: print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e: print(e)
print([f.name for f in fields(P)], asdict(P(1, 2, ['x'])), astuple(P(3)), replace(P(1), y=5))
@dataclass
class Q(P):
    z: str = 'q'
    def __post_init__(self):
        self.total = self.x + self.y
q = Q(1, 2)
print(q, q.total, dataclasses.is_dataclass(q), P.__dataclass_fields__.keys(), P.__match_args__)
@dataclass(repr=False, eq=False)
class R:
    a: int
print(R(1) == R(1), hasattr(R, '__repr__'))
print(P.__hash__, Q.__hash__ is None)
@dataclass
class W:
    name: str
    count: int = field(default=0, repr=False, compare=False)
print(W('a', 3), W('a', 1) == W('a', 2))
@dataclass
class Node:
    val: int
    children: list['Node'] = field(default_factory=list)
n = Node(1, [Node(2)])
print(n, asdict(n))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int
print(K(1, c=3), K(1, b=5, c=0))
try:
    K(1, 2, 3)
except TypeError as e: print(e)
try:
    K(1)
except TypeError as e: print(e)
@dataclass
class IV:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(IV(3), IV(3, 10), [f.name for f in fields(IV)])
from typing import ClassVar, List, Optional
@dataclass
class T:
    items: List[int] = field(default_factory=list)
    parent: Optional['T'] = None
    count: ClassVar[int] = 0
print(T(), [f.name for f in fields(T)], T.count)
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(5)) == hash((5,)), {H(1), H(1)})
import copy
orig = Node(1, [Node(2)])
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
print(shallow.children is orig.children, deep.children is orig.children, deep == orig, deep)
print(copy.deepcopy({'a': [1, 2], 'b': (3, [4])}), copy.copy([1, [2]]), copy.deepcopy(V(1, 2)))

# expect: P(x=1, y=0, tags=[]) P(x=1, y=2, tags=['a']) True False <class '__main__.P'> P.__init__ P.__eq__
# expect: P.__init__() missing 1 required positional argument: 'x'
# expect: P.__init__() takes from 2 to 4 positional arguments but 5 were given
# expect: P.__init__() got an unexpected keyword argument 'z'
# expect: P.__init__() got multiple values for argument 'x'
# expect: '<' not supported between instances of 'P' and 'P'
# expect: True [V(major=1, minor=0), V(major=1, minor=5), V(major=2, minor=0)] True V(major=1, minor=0)
# expect: FrozenInstanceError cannot assign to field 'major'
# expect: mutable default <class 'list'> for field items is not allowed: use default_factory
# expect: non-default argument 'b' follows default argument
# expect: ['x', 'y', 'tags'] {'x': 1, 'y': 2, 'tags': ['x']} (3, 0, []) P(x=1, y=5, tags=[])
# expect: Q(x=1, y=2, tags=[], z='q') 3 True dict_keys(['x', 'y', 'tags']) ('x', 'y', 'tags')
# expect: False True
# expect: None True
# expect: W(name='a') True
# expect: Node(val=1, children=[Node(val=2, children=[])]) {'val': 1, 'children': [{'val': 2, 'children': []}]}
# expect: K(a=1, b=2, c=3) K(a=1, b=5, c=0)
# expect: K.__init__() takes 2 positional arguments but 4 were given
# expect: K.__init__() missing 1 required keyword-only argument: 'c'
# expect: IV(a=6) IV(a=30) ['a']
# expect: T(items=[], parent=None) ['items', 'parent'] 0
# expect: True {H(a=1)}
# expect: True False True Node(val=1, children=[Node(val=2, children=[])])
# expect: {'a': [1, 2], 'b': (3, [4])} [1, [2]] V(major=1, minor=2)
