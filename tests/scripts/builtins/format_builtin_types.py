# format() on ints, floats and strings.
print(format(255, "x"), format(255, "#010b"), format(-1.5, "+.3f"), format("abc", ">6"))
print(format(1e6, ".2e"), format(True), format(None))

# expect: ff 0b11111111 -1.500    abc
# expect: 1.00e+06 True None
