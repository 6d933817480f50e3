# abc: a class with abstract methods left cannot be instantiated.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} of area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class FullSquare(Square):
    def perimeter(self):
        return 4 * self.side


for cls in (Shape, Square):
    try:
        cls(2)
    except TypeError as error:
        print(error)
square = FullSquare(3)
print(square.describe(), square.perimeter(), isinstance(square, Shape), type(Shape) is ABCMeta)
print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__, FullSquare.__abstractmethods__)


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, other):
        return hasattr(other, "__len__") or NotImplemented


class Registered(ABC):
    pass


Registered.register(int)
print(isinstance([], Sized), isinstance(3, Sized), isinstance(3, Registered), issubclass(bool, Registered))

# expect: Shape() takes no arguments
# expect: Can't instantiate abstract class Square with abstract method perimeter
# expect: FullSquare of area 9 12 True True
# expect: ['area', 'perimeter'] frozenset({'perimeter'}) frozenset()
# expect: True False True True
