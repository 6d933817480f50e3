# f-strings call __format__, and __str__ for the default spec.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
p = Point(1, 2)
print(f"{p} {p!r} [{p!s:>10}]")

# expect: (1, 2) Point(1, 2) [    (1, 2)]
