# Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique and the functional API: reprs, lookups,
# aliases, errors, members with values and methods, and str/int mixins as CPython shows them.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    ALIAS = 1
print(repr(Color.RED), str(Color.RED), f'{Color.RED}', format(Color.RED, '>12'), Color, repr(Color), list(Color), len(Color), Color.__members__)
print(Color(1), Color['GREEN'], Color.ALIAS is Color.RED, hash(Color.RED) == hash('RED'), Color.RED.name, Color.RED.value, Color.RED in Color)
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
try: Color.RED = 5
except AttributeError as e: print(e)
class P(IntEnum):
    LOW = auto()
    HIGH = auto()
print(repr(P.LOW), str(P.LOW), f'{P.HIGH}', P.LOW + 1, P.LOW < P.HIGH, P.LOW == 1, isinstance(P.LOW, int), sorted([P.HIGH, P.LOW]), P)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(repr(S.A), str(S.A), S.B.upper(), S.A == 'a', f'{S.B}')
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
print(repr(Perm.R|Perm.W), str(Perm.R|Perm.W), repr(Perm(0)), str(Perm(0)), Perm.R in (Perm.R|Perm.W), list(Perm.R|Perm.X), bool(Perm(0)), repr(~Perm.R), Perm, len(Perm.R|Perm.W))
class IP(IntFlag):
    R = 4; W = 2
print(repr(IP.R|IP.W), str(IP.R|IP.W), IP.R | 1, repr(IP(7)))
try:
    class Sub(Color): pass
except TypeError as e: print(e)
@enum.unique
class U(Enum):
    A = 1
print(U.A)
try:
    @enum.unique
    class V(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
F = Enum('F', 'X Y Z')
print(list(F), F.X.value, repr(F.Y))
print(Color.RED.__class__, Color.__name__, Color.RED._value_, list(reversed(Color)))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))
class Status(Enum):
    PENDING = "pending"
    DONE = "done"
    def describe(self):
        return f"{self.name.lower()} ({self.value})"
    @classmethod
    def _missing_(cls, value):
        return cls.PENDING if value == "?" else None
print(Status.DONE.describe(), Status("?"), {Status.DONE: 1}, Status.DONE == Status.DONE, Status.DONE != Status.PENDING)
class Shape(str, Enum):
    CIRCLE = "circle"
    SQUARE = "square"
print(repr(Shape.CIRCLE), str(Shape.CIRCLE), Shape.CIRCLE == "circle", f"{Shape.SQUARE}", Shape("square"), Shape.CIRCLE.upper(), isinstance(Shape.CIRCLE, str))
class Weekday(IntEnum):
    MON = 1
    TUE = 2
print(Weekday.TUE * 3, [10, 20, 30][Weekday.MON], int(Weekday.TUE), float(Weekday.MON), Weekday(2), max(Weekday), Weekday.MON.bit_length(), "%d" % Weekday.TUE, hash(Weekday.MON) == hash(1))
print(type(Color), isinstance(Color, enum.EnumMeta), issubclass(P, int), P.__members__.keys())

# expect: <Color.RED: 1> Color.RED Color.RED    Color.RED <enum 'Color'> <enum 'Color'> [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>] 3 {'RED': <Color.RED: 1>, 'GREEN': <Color.GREEN: 2>, 'BLUE': <Color.BLUE: 3>, 'ALIAS': <Color.RED: 1>}
# expect: Color.RED Color.GREEN True True RED 1 True
# expect: 7 is not a valid Color
# expect: KeyError('X')
# expect: cannot reassign member 'RED'
# expect: <P.LOW: 1> 1 2 2 True True True [<P.LOW: 1>, <P.HIGH: 2>] <enum 'P'>
# expect: <S.A: 'a'> a BEE True bee
# expect: <Perm.R|W: 3> Perm.R|W <Perm: 0> Perm(0) True [<Perm.R: 1>, <Perm.X: 4>] False <Perm.W|X: 6> <flag 'Perm'> 2
# expect: <IP.R|W: 6> 6 5 <IP.R|W|1: 7>
# expect: <enum 'Sub'> cannot extend <enum 'Color'>
# expect: U.A
# expect: duplicate values found in <enum 'V'>: B -> A
# expect: [<F.X: 1>, <F.Y: 2>, <F.Z: 3>] 1 <F.Y: 2>
# expect: <enum 'Color'> Color 1 [<Color.BLUE: 3>, <Color.GREEN: 2>, <Color.RED: 1>]
# expect: (5.976e+24, 6378140.0) 5.976e+24 9.803 Planet.MERCURY
# expect: done (done) Status.PENDING {<Status.DONE: 'done'>: 1} True True
# expect: <Shape.CIRCLE: 'circle'> Shape.CIRCLE True Shape.SQUARE Shape.SQUARE CIRCLE True
# expect: 6 20 2 1.0 2 2 1 2 True
# expect: <class 'enum.EnumType'> True True dict_keys(['LOW', 'HIGH'])
