# Module and class bodies record annotated names in __annotations__, in order; functions do not.
limit: int = 10
name: str


class Point:
    x: int
    y: int = 0
    tags: "list"
    parent: "Point" = None
    if limit > 5:
        big: bool = True

    def method(self):
        local: int = 3
        return local


print(Point.__annotations__)
print(__annotations__)
print(Point.y, Point.big, Point().method(), hasattr(Point, "x"))


class Empty:
    pass


print("__annotations__" in Empty.__dict__)

# expect: {'x': <class 'int'>, 'y': <class 'int'>, 'tags': 'list', 'parent': 'Point', 'big': <class 'bool'>}
# expect: {'limit': <class 'int'>, 'name': <class 'str'>}
# expect: 0 True 3 False
# expect: False
