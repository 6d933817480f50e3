# remove of a missing element raises KeyError; discard does not.
s = {1, 2}
s.discard(5)
print(s)
s.remove(5)

# expect: {1, 2}
# expect error: KeyError: 5
