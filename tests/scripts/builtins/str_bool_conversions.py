# str() and bool() of the basic values.
print(str(12) + str(3.0), str(True), str(None))
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(None), bool(set()), bool(()))
print(bool(1), bool(-1), bool("0"), bool([0]), bool(0.1))

# expect: 123.0 True None
# expect: False False False False False False False False
# expect: True True True True True
