# split, rsplit, splitlines and join.
print("a,b,,c".split(","))
print("  one two   three ".split())
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 1))
print("line1\nline2\n".splitlines())
print("-".join(["x", "y", "z"]), "".join(map(str, range(5))))

# expect: ['a', 'b', '', 'c']
# expect: ['one', 'two', 'three']
# expect: ['a', 'b', 'c-d'] ['a-b-c', 'd']
# expect: ['line1', 'line2']
# expect: x-y-z 01234
