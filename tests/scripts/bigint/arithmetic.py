# Ints have no size limit: results past 64 bits become big ints, and go back to small ints
# when they fit again.
print(2 ** 100)
print(2 ** 63 - 1, 2 ** 63, -2 ** 63, -(2 ** 63), -9223372036854775808)
x = 123456789012345678901234567890
print(x * x, x // 7, x % 7, -x // 7, -x % 7)
print(divmod(-x, 97), divmod(2 ** 70, -7), 2 ** 70 % -3)
a = 9223372036854775807
a += 1
print(a, a - 1, type(a - 1), 2 ** 100 - 2 ** 100)
print(10 ** 18 * 10, 9 * 10 ** 18 + 9 * 10 ** 18, (-10 ** 18) * 10)
print(abs(-2 ** 70), abs(-9223372036854775808), +2 ** 64, -(-2 ** 63))
print(2 ** -1, 2 ** -100, (-2) ** -3, 0 ** 0, (-1) ** (2 ** 100), 1 ** (10 ** 30))
print(pow(2, 100, 10 ** 9 + 7), pow(3, -1, 7), pow(2 ** 100, 2 ** 100, 97), pow(3, 2, -5), pow(5, -2, 13))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), max(2 ** 100, 3), min([2 ** 70, -2 ** 70]))
print(sorted([2 ** 70, 1, -2 ** 80, 2.5]), sorted({2 ** 64, 2 ** 63, -2 ** 63, 0, 2 ** 63 - 1}))
print(isinstance(2 ** 100, int), type(2 ** 100), bool(2 ** 100), 10 ** 20 == 10 ** 20)
print(0xffffffffffffffffffff, 0o7777777777777777777777777, 1_000_000_000_000_000_000_000)
print([1, 2, 3][:2 ** 70], [1, 2, 3][-2 ** 70:])
try:
    [1, 2][2 ** 64]
except IndexError as error:
    print("IndexError:", error)
try:
    "ab" * 2 ** 64
except OverflowError as error:
    print("OverflowError:", error)
try:
    pow(2, -1, 4)
except ValueError as error:
    print("ValueError:", error)
try:
    2 ** 100 // 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)

# expect: 1267650600228229401496703205376
# expect: 9223372036854775807 9223372036854775808 -9223372036854775808 -9223372036854775808 -9223372036854775808
# expect: 15241578753238836750495351562536198787501905199875019052100 17636684144620811271604938270 0 -17636684144620811271604938270 0
# expect: (-1272750402189130710322005855, 45) (-168655945816773043347, -5) -2
# expect: 9223372036854775808 9223372036854775807 <class 'int'> 0
# expect: 10000000000000000000 18000000000000000000 -10000000000000000000
# expect: 1180591620717411303424 9223372036854775808 18446744073709551616 9223372036854775808
# expect: 0.5 7.888609052210118e-31 -0.125 1 1 1
# expect: 976371285 5 61 -1 12
# expect: 13835058055282163712 1267650600228229401496703205376 -1180591620717411303424
# expect: [-1208925819614629174706176, 1, 2.5, 1180591620717411303424] [-9223372036854775808, 0, 9223372036854775807, 9223372036854775808, 18446744073709551616]
# expect: True <class 'int'> True True
# expect: 1208925819614629174706175 37778931862957161709567 1000000000000000000000
# expect: [1, 2, 3] [1, 2, 3]
# expect: IndexError: cannot fit 'int' into an index-sized integer
# expect: OverflowError: cannot fit 'int' into an index-sized integer
# expect: ValueError: base is not invertible for the given modulus
# expect: ZeroDivisionError: integer division or modulo by zero
