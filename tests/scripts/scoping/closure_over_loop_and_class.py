# Class bodies do not create an enclosing scope for methods.
x = "module"
class C:
    x = "class"
    def method(self):
        return x
    y = [x for _ in range(1)]
print(C().method(), C.x, C.y)

# expect: module class ['module']
