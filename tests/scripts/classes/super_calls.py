# super() calls the parent's implementation.
class Base:
    def __init__(self, x):
        self.x = x
    def show(self):
        return f"Base({self.x})"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def show(self):
        return "Child+" + super().show() + f"+{self.y}"
print(Child(1, 2).show())

# expect: Child+Base(1)+2
