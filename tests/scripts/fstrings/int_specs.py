# Integer presentation types and sign options.
n = 255
print(f"{n:b} {n:o} {n:x} {n:X} {n:#x} {n:#b} {n:#o}")
print(f"{n:+d} {-n:+d} {n: d} {1234567:,} {1234567:_}")
print(f"{n:08b} {65:c}")

# expect: 11111111 377 ff FF 0xff 0b11111111 0o377
# expect: +255 -255  255 1,234,567 1_234_567
# expect: 11111111 A
