# int and float compare exactly, as CPython does, even where the float cannot hold the int.
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 63 == 2.0 ** 63)
print(2 ** 64 < float('inf'), 2 ** 64 > float('nan'), 2 ** 64 != float('nan'), -2 ** 1100 < float('-inf'))
print(10 ** 20 != 10 ** 20 + 1, 10 ** 20 < 10 ** 21, min(2 ** 100, 2 ** 99 * 2.0), max(1, 2 ** 70))
print(2 ** 64 in {2 ** 64: 1}, 2 ** 64 in [2 ** 64], (2 ** 64, 1) == (2 ** 64, 1), [2 ** 64] * 2)
print((2 ** 64).__eq__(2 ** 64), (3).__lt__(2.5), int.__sub__(2 ** 64, 1), True + 2 ** 64)

# expect: False True
# expect: False True True
# expect: True False True False
# expect: True True 1267650600228229401496703205376 1180591620717411303424
# expect: True True True [18446744073709551616, 18446744073709551616]
# expect: True NotImplemented 18446744073709551615 18446744073709551617
