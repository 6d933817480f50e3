# Floor division rounds toward negative infinity, for every sign combination.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b)

# expect: 7 2 3
# expect: -7 2 -4
# expect: 7 -2 -4
# expect: -7 -2 3
