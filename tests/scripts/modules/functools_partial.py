# functools.partial fixes some positional and keyword arguments.
from functools import partial
def power(base, exponent, *, label="="):
    return f"{base}^{exponent} {label} {base ** exponent}"
square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(5), two_to(10), two_to(3, label="is"))
print(square.args, square.keywords, square.func is power)

# expect: 5^2 = 25 2^10 = 1024 2^3 is 8
# expect: () {'exponent': 2} True
