# A class with __init__, attributes and methods.
class Counter:
    def __init__(self, start=0):
        self.value = start
    def increment(self, by=1):
        self.value += by
        return self
c = Counter(5)
c.increment().increment(10)
print(c.value, type(c).__name__, isinstance(c, Counter))

# expect: 16 Counter True
