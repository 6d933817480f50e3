# repr of basic values, nested containers and recursive lists.
print(repr(1), repr("a"), repr([1, "a", None, True]), repr((1,)), repr({1: "x"}))
a = [1]
a.append(a)
print(a)

# expect: 1 'a' [1, 'a', None, True] (1,) {1: 'x'}
# expect: [1, [...]]
