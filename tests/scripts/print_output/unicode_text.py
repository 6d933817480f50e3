# Non-ASCII text prints unchanged.
print("naïve café — ✓ 日本")
print(len("日本"), "ü".upper())

# expect: naïve café — ✓ 日本
# expect: 2 Ü
