# __set_name__ tells descriptors their attribute name; __class_getitem__ makes Cls[T] work.
class Descriptor:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Holder:
    first = Descriptor()
    second = Descriptor()


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int], Box[str])

# expect: set_name Holder first
# expect: set_name Holder second
# expect: Box[int] Box[str]
