# Arithmetic and comparison dunders, including reflected and in-place forms.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(1, 2)
print(v + Vec(3, 4), v * 3, 2 * v, -v)
v += Vec(1, 1)
print(v, Vec(0, 5) < Vec(1, 0), sorted([Vec(2, 0), Vec(1, 9)]))

# expect: Vec(4, 6) Vec(3, 6) Vec(2, 4) Vec(-1, -2)
# expect: Vec(2, 3) True [Vec(1, 9), Vec(2, 0)]
