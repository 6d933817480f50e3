# int <-> str, int <-> float, correctly rounded and exact where CPython is.
print(int('1' * 50), int('-0x' + 'f' * 30, 16), int('1_000_000_000_000_000_000_000'))
print(int(1e30), int(-1e300) // 10 ** 290, int('  -12_3  '), int('0b101', 0), int('0x_ff', 16))
print(float(2 ** 100), float(2 ** 63 - 1), float(-2 ** 63), (2 ** 53 + 1) / 1, 7 / 2 ** 60)
print(float(2 ** 1024 - 2 ** 971), 10 ** 30 / 7, 2 ** 1100 / 2 ** 1090, 1 / 2 ** 1080, 3 / 2 ** 1075)
print(round(2 ** 100, -20), round(10 ** 30 + 5 * 10 ** 9, -10), round(25, -1), round(35, -1))
print(round(1.5e300) == int(1.5e300), round(2 ** 64 + 0.0))
print((2 ** 100).as_integer_ratio(), (1e30).as_integer_ratio(), (2 ** 100).real, (2 ** 100).numerator)
print(x := 123456789012345678901234567890, x + 1.5, x / 3, x == float(x), int(float(x)))
print(hex(2 ** 100), oct(-2 ** 70), bin(2 ** 65), str(2 ** 100) == repr(2 ** 100))
print(10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399)
overflows = {
    "float(10 ** 400)": lambda: float(10 ** 400),
    "10 ** 400 + 0.5": lambda: 10 ** 400 + 0.5,
    "2 ** 1024 / 1": lambda: 2 ** 1024 / 1,
    "float(2 ** 1024 - 2 ** 970)": lambda: float(2 ** 1024 - 2 ** 970),
}
for text, compute in overflows.items():
    try:
        compute()
    except OverflowError as error:
        print(text, "->", error)

# expect: 11111111111111111111111111111111111111111111111111 -1329227995784915872903807060280344575 1000000000000000000000
# expect: 1000000000000000019884624838656 -10000000001 -123 5 255
# expect: 1.2676506002282294e+30 9.223372036854776e+18 -9.223372036854776e+18 9007199254740992.0 6.071532165918825e-18
# expect: 1.7976931348623157e+308 1.4285714285714285e+29 1024.0 0.0 1e-323
# expect: 1267650600200000000000000000000 1000000000000000000000000000000 20 40
# expect: True 18446744073709551616
# expect: (1267650600228229401496703205376, 1) (1000000000000000019884624838656, 1) 1267650600228229401496703205376 1267650600228229401496703205376
# expect: 123456789012345678901234567890 1.2345678901234568e+29 4.115226300411523e+28 False 123456789012345677877719597056
# expect: 0x10000000000000000000000000 -0o200000000000000000000000 0b100000000000000000000000000000000000000000000000000000000000000000 True
# expect: 10 10.0
# expect: float(10 ** 400) -> int too large to convert to float
# expect: 10 ** 400 + 0.5 -> int too large to convert to float
# expect: 2 ** 1024 / 1 -> integer division result too large for a float
# expect: float(2 ** 1024 - 2 ** 970) -> int too large to convert to float
