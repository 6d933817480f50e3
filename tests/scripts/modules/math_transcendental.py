# Logarithms, exponentials and trigonometry match CPython's libm results.
import math
print(math.log(100, 10), math.log10(1000), math.log2(8), math.log(math.e))
print(math.exp(1), math.exp(0), math.pow(2, 0.5))
print(math.sin(math.pi / 2), math.cos(0), round(math.tan(math.pi / 4), 12))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1))

# expect: 2.0 3.0 3.0 1.0
# expect: 2.718281828459045 1.0 1.4142135623730951
# expect: 1.0 1.0 1.0
# expect: 180.0 3.141592653589793 0.7853981633974483
