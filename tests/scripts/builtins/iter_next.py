# iter and next on built-in iterables.
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
chars = iter("ab")
print(list(chars), list(chars))
print(iter(it) is it)

# expect: 10 20 done
# expect: ['a', 'b'] []
# expect: True
