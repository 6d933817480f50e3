# !r, !s and !a conversions.
s = "café"
print(f"{s!r} {s!s} {s!a}")
print(f"{[1, 'x']!r}", f"{None!s}")

# expect: 'café' café 'caf\xe9'
# expect: [1, 'x'] None
