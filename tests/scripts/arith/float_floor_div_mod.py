# Floor division and modulo on floats.
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7 // 2.0)
print(5.0 % -3)

# expect: 3.0 1.5
# expect: -4.0 0.5
# expect: 3.0
# expect: -1.0
