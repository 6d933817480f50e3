# Common math functions and constants.
import math
print(math.pi, math.e, math.tau)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.gcd(12, 18), math.factorial(10), math.isqrt(99), math.comb(5, 2), math.perm(5, 2))
print(math.fabs(-3), math.hypot(3, 4), math.copysign(1, -0.0))

# expect: 3.141592653589793 2.718281828459045 6.283185307179586
# expect: 4.0 1.4142135623730951 -3 3 -2
# expect: 6 3628800 9 10 20
# expect: 3.0 5.0 -1.0
