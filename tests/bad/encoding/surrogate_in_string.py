# expect error: SyntaxError line 3
# An encoded UTF-16 surrogate is not UTF-8.
x = "í €"
