# traceback.format_exc() as CPython 3.11 writes it, with the ~~^^ lines under the failing
# expression: calls, attributes, binary operators, subscripts, multi-line expressions.
import traceback


def show(text):
    # File lines name the script's path, which depends on where the tests run.
    print("".join(line for line in text.splitlines(True) if not line.startswith("  File")))

def f(x):
    return x.missing
def g():
    return 1 / 0
def h(d):
    return d["key"]
cases = [
    lambda: f(3),
    lambda: g(),
    lambda: h({}),
]
for c in cases:
    try:
        c()
    except Exception:
        show(traceback.format_exc())
try:
    x = [1, 2][5]
except Exception:
    show(traceback.format_exc())
try:
    y = f(4) + 2
except Exception:
    show(traceback.format_exc())
try:
    int("abc")
except Exception:
    show(traceback.format_exc())
def deep():
        value = {"a": 1}
        return value["a"] + value["b"]
try:
    deep()
except Exception:
    show(traceback.format_exc())
try:
    result = (1 +
              None)
except Exception:
    show(traceback.format_exc())
try:
    raise ValueError("boom")
except Exception:
    show(traceback.format_exc())
try:
    assert 1 == 2, "nope"
except Exception:
    show(traceback.format_exc())
try:
    print(undefined_name)
except Exception:
    show(traceback.format_exc())
try:
    a = 1; b = a / 0
except Exception:
    show(traceback.format_exc())
try:
    len(5)
except Exception:
    show(traceback.format_exc())
try:
    x = 2 ** 3 // 0 * 5
except Exception:
    show(traceback.format_exc())

# expect: Traceback (most recent call last):
# expect:     c()
# expect:     lambda: f(3),
# expect:             ^^^^
# expect:     return x.missing
# expect:            ^^^^^^^^^
# expect: AttributeError: 'int' object has no attribute 'missing'
# expect:
# expect: Traceback (most recent call last):
# expect:     c()
# expect:     lambda: g(),
# expect:             ^^^
# expect:     return 1 / 0
# expect:            ~~^~~
# expect: ZeroDivisionError: division by zero
# expect:
# expect: Traceback (most recent call last):
# expect:     c()
# expect:     lambda: h({}),
# expect:             ^^^^^
# expect:     return d["key"]
# expect:            ~^^^^^^^
# expect: KeyError: 'key'
# expect:
# expect: Traceback (most recent call last):
# expect:     x = [1, 2][5]
# expect:         ~~~~~~^^^
# expect: IndexError: list index out of range
# expect:
# expect: Traceback (most recent call last):
# expect:     y = f(4) + 2
# expect:         ^^^^
# expect:     return x.missing
# expect:            ^^^^^^^^^
# expect: AttributeError: 'int' object has no attribute 'missing'
# expect:
# expect: Traceback (most recent call last):
# expect:     int("abc")
# expect: ValueError: invalid literal for int() with base 10: 'abc'
# expect:
# expect: Traceback (most recent call last):
# expect:     deep()
# expect:     return value["a"] + value["b"]
# expect:                         ~~~~~^^^^^
# expect: KeyError: 'b'
# expect:
# expect: Traceback (most recent call last):
# expect:     result = (1 +
# expect:               ^^^
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'
# expect:
# expect: Traceback (most recent call last):
# expect:     raise ValueError("boom")
# expect: ValueError: boom
# expect:
# expect: Traceback (most recent call last):
# expect:     assert 1 == 2, "nope"
# expect:            ^^^^^^
# expect: AssertionError: nope
# expect:
# expect: Traceback (most recent call last):
# expect:     print(undefined_name)
# expect:           ^^^^^^^^^^^^^^
# expect: NameError: name 'undefined_name' is not defined
# expect:
# expect: Traceback (most recent call last):
# expect:     a = 1; b = a / 0
# expect:                ~~^~~
# expect: ZeroDivisionError: division by zero
# expect:
# expect: Traceback (most recent call last):
# expect:     len(5)
# expect: TypeError: object of type 'int' has no len()
# expect:
# expect: Traceback (most recent call last):
# expect:     x = 2 ** 3 // 0 * 5
# expect:         ~~~~~~~^^~~
# expect: ZeroDivisionError: integer division or modulo by zero
# expect:
