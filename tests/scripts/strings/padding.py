# Justification, centering and zero padding.
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, "*") + "]", "[" + "ab".center(7, "-") + "]")
print("42".zfill(5), "-42".zfill(5))
print("a\tb".expandtabs(4))

# expect: [ab   ] [***ab] [---ab--]
# expect: 00042 -0042
# expect: a   b
