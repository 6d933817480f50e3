# A long chain is true only when every adjacent pair compares true.
values = [1, 2, 3, 4]
print(values[0] < values[1] < values[2] < values[3])
print(1 < 2 < 3 < 3 < 5, 5 >= 5 >= 4 > 3 != 2)
x = 7
limit = 7
print(0 <= x < 10 == 10, 0 < x <= limit is not None)

# expect: True
# expect: False True
# expect: True True
