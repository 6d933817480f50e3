# Bitwise operators, including on negative numbers.
print(12 & 10, 12 | 10, 12 ^ 10)
print(~5, ~-1)
print(1 << 10, 1024 >> 3)
print(-16 >> 2, -1 & 0xFF)

# expect: 8 14 6
# expect: -6 0
# expect: 1024 128
# expect: -4 255
