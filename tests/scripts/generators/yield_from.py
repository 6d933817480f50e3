# yield from delegates to a sub-generator and returns its value.
def inner():
    yield "a"
    yield "b"
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from range(2)
print(list(outer()))

# expect: inner returned inner done
# expect: ['a', 'b', 0, 1]
