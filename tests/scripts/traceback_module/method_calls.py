# traceback.format_exc() as CPython 3.11 writes it, with the ~~^^ lines under the failing
# expression: calls, attributes, binary operators, subscripts, multi-line expressions.
import traceback


def show(text):
    # File lines name the script's path, which depends on where the tests run.
    print("".join(line for line in text.splitlines(True) if not line.startswith("  File")))

class C:
    def fetch(self, x):
        raise ValueError(x)
def run(f):
    try:
        f()
    except Exception:
        show(traceback.format_exc())
c = C()
run(lambda: None.append(1))
run(lambda: c.fetch(1))
run(lambda: (c
             .fetch(2)))
run(lambda: c.nothing(3))
run(lambda: [c.fetch(i) for i in range(2)])
run(lambda: {"a": 1}["b"])
run(lambda: getattr(c, "zz"))
def gen():
    yield 1
    raise KeyError("g")
run(lambda: list(gen()))
run(lambda: c.fetch(
    5))
x = None
run(lambda: x.y.z)
run(lambda: [1][0][0])
run(lambda: -None)
run(lambda: not c.fetch(7))
run(lambda: f"{c.fetch(8)}")
run(lambda: c.fetch(9) if True else 0)

# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: None.append(1))
# expect:                 ^^^^^^^^^^^
# expect: AttributeError: 'NoneType' object has no attribute 'append'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: c.fetch(1))
# expect:                 ^^^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 1
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     .fetch(2)))
# expect:      ^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 2
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: c.nothing(3))
# expect:                 ^^^^^^^^^
# expect: AttributeError: 'C' object has no attribute 'nothing'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: [c.fetch(i) for i in range(2)])
# expect:                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect:     run(lambda: [c.fetch(i) for i in range(2)])
# expect:                  ^^^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 0
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: {"a": 1}["b"])
# expect:                 ~~~~~~~~^^^^^
# expect: KeyError: 'b'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: getattr(c, "zz"))
# expect:                 ^^^^^^^^^^^^^^^^
# expect: AttributeError: 'C' object has no attribute 'zz'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: list(gen()))
# expect:                 ^^^^^^^^^^^
# expect:     raise KeyError("g")
# expect: KeyError: 'g'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: c.fetch(
# expect:                 ^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 5
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: x.y.z)
# expect:                 ^^^
# expect: AttributeError: 'NoneType' object has no attribute 'y'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: [1][0][0])
# expect:                 ~~~~~~^^^
# expect: TypeError: 'int' object is not subscriptable
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: -None)
# expect:                 ^^^^^
# expect: TypeError: bad operand type for unary -: 'NoneType'
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: not c.fetch(7))
# expect:                     ^^^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 7
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: f"{c.fetch(8)}")
# expect:                    ^^^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 8
# expect:
# expect: Traceback (most recent call last):
# expect:     f()
# expect:     run(lambda: c.fetch(9) if True else 0)
# expect:                 ^^^^^^^^^^
# expect:     raise ValueError(x)
# expect: ValueError: 9
# expect:
