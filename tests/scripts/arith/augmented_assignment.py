# Every augmented assignment operator on ints.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 7; print(x)

# expect: 15
# expect: 12
# expect: 24
# expect: 4
# expect: 1
# expect: 1
# expect: 4
# expect: 2
# expect: 3
# expect: 2
# expect: 5
