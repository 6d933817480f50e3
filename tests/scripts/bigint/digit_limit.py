# CPython 3.11 refuses int <-> str conversions of more than 4300 decimal digits (CVE-2020-10735);
# sys.set_int_max_str_digits changes the limit.
import sys

print(sys.get_int_max_str_digits())
x = 10 ** 4299
print(len(str(x)), len(hex(x * 10 ** 10)), int('f' * 5000, 16) > 0)
for convert in (lambda: str(x * 10), lambda: f"{x * 10:,}", lambda: '%d' % (x * 10), lambda: int('9' * 4301)):
    try:
        convert()
    except ValueError as error:
        print(error)
try:
    sys.set_int_max_str_digits(100)
except ValueError as error:
    print(error)
sys.set_int_max_str_digits(5000)
print(len(str(x * 10)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))

# expect: 4300
# expect: 4300 3581 True
# expect: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: maxdigits must be 0 or larger than 640
# expect: 4301
# expect: 6001
