# callable on functions, classes, instances and values.
class WithCall:
    def __call__(self):
        return 1
class Without:
    pass
print(callable(print), callable(len), callable(WithCall), callable(WithCall()), callable(Without()), callable("s"))

# expect: True True True True False False
