# Bit operations on big ints behave as on infinite two's-complement numbers.
print(~2 ** 64, ~-2 ** 64, 2 ** 64 & 2 ** 64 + 5, (-2 ** 64) | 3, (-2 ** 70) ^ 2 ** 69, -1 & 2 ** 70)
print(1 << 100, 2 ** 100 >> 90, -2 ** 100 >> 99, -5 >> 1000, 2 ** 100 >> 1000, 3 << 62)
print((2 ** 100).bit_length(), (-2 ** 100).bit_length(), (2 ** 100 - 1).bit_count())
print((2 ** 70).to_bytes(10, 'big'), int.from_bytes(b'\x01' + b'\x00' * 10, 'big'))
print((-2 ** 70).to_bytes(10, 'little', signed=True), int.from_bytes(b'\xff' * 12, 'big', signed=True))
print((255).to_bytes(2, 'big'), (10).to_bytes(), int.from_bytes(b'\x01\x00'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as error:
    print(error)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as error:
    print(error)
try:
    1 << -1
except ValueError as error:
    print(error)

# expect: -18446744073709551617 18446744073709551615 18446744073709551616 -18446744073709551613 -590295810358705651712 1180591620717411303424
# expect: 1267650600228229401496703205376 1024 -2 -1 0 13835058055282163712
# expect: 101 101 100
# expect: b'\x00@\x00\x00\x00\x00\x00\x00\x00\x00' 1208925819614629174706176
# expect: b'\x00\x00\x00\x00\x00\x00\x00\x00\xc0\xff' -1
# expect: b'\x00\xff' b'\n' 256
# expect: int too big to convert
# expect: can't convert negative int to unsigned
# expect: negative shift count
