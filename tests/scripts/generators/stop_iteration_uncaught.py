# next() on an exhausted generator raises StopIteration.
def one():
    yield 1
g = one()
print(next(g))
next(g)

# expect: 1
# expect error: StopIteration
