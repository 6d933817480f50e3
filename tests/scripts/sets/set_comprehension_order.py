# Set results of int operations print in CPython's order.
print({n * 7 % 13 for n in range(10)})
print({1, 2, 3} - {2}, {100, 1, 50} | {2})
print(set(range(20, 0, -3)))

# expect: {0, 1, 2, 3, 4, 7, 8, 9, 10, 11}
# expect: {1, 3} {1, 50, 2, 100}
# expect: {2, 5, 8, 11, 14, 17, 20}
