# staticmethod takes no instance; classmethod receives the class.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
class Sub(Temperature):
    pass
print(Temperature.c_to_f(100), Temperature(0).c_to_f(10))
t = Sub.from_f(212)
print(type(t).__name__, t.celsius)

# expect: 212.0 50.0
# expect: Sub 100.0
