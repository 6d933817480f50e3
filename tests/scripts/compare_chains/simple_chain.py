# a < b < c is a < b and b < c.
x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 1 < 2)
print(3 > 2 > 1, 3 > 2 > 2)

# expect: True False True
# expect: True False
