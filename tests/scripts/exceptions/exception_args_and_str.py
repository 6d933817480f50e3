# str and repr of exceptions with zero, one and several arguments.
for e in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k")]:
    print(repr(str(e)), repr(e), e.args)

# expect: '' ValueError() ()
# expect: 'one' ValueError('one') ('one',)
# expect: "('a', 2)" ValueError('a', 2) ('a', 2)
# expect: "'k'" KeyError('k') ('k',)
