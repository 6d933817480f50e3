# math's integer functions are exact on ints of any size.
import math

print(math.factorial(50))
print(math.comb(100, 50), math.perm(10), math.perm(30, 20), math.gcd(), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(2 ** 70, 3), math.lcm(), math.isqrt(10 ** 40 + 5), math.isqrt(2 ** 101))
print(math.log(10 ** 400), math.log2(2 ** 2000), math.log10(10 ** 500), math.log(2 ** 1000, 2))
print(math.floor(1e30), math.ceil(-1.5e25), math.trunc(2 ** 100), math.prod(range(1, 30)))
for call in (lambda: math.factorial(-1), lambda: math.comb(-1, 2), lambda: math.perm(3, -1),
             lambda: math.isqrt(-1), lambda: math.log(-10 ** 400)):
    try:
        call()
    except ValueError as error:
        print("ValueError:", error)
for call in (lambda: math.factorial(2.0), lambda: math.gcd(1.5, 2)):
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
try:
    math.sqrt(10 ** 400)
except OverflowError as error:
    print("OverflowError:", error)

# expect: 30414093201713378043612608166064768844377641568960512000000000000
# expect: 100891344545564193334812497256 3628800 73096577329197271449600000 0 1125899906842624
# expect: 3541774862152233910272 1 100000000000000000000 1592262918131443
# expect: 921.0340371976182 2000.0 500.0 1000.0000000000001
# expect: 1000000000000000019884624838656 -15000000000000000285212672 1267650600228229401496703205376 8841761993739701954543616000000
# expect: ValueError: factorial() not defined for negative values
# expect: ValueError: n must be a non-negative integer
# expect: ValueError: k must be a non-negative integer
# expect: ValueError: isqrt() argument must be nonnegative
# expect: ValueError: math domain error
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: OverflowError: int too large to convert to float
