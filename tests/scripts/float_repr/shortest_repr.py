# Floats print with the shortest repr that round-trips.
print(0.1 + 0.2)
print(0.1, 0.2, 0.3)
print(1 / 3)
print(2 / 3)
print(1.1 * 3)

# expect: 0.30000000000000004
# expect: 0.1 0.2 0.3
# expect: 0.3333333333333333
# expect: 0.6666666666666666
# expect: 3.3000000000000003
