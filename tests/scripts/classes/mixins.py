# A mixin adds behaviour to unrelated classes.
class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__name__}({fields})"
class Point(ReprMixin):
    fields = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "two"), [Point(0, 0)])

# expect: Point(x=1, y='two') [Point(x=0, y=0)]
