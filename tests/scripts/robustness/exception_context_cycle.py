# A cycle the program builds through __context__ is printed once, as CPython's _seen does, and
# raising while it is handled does not loop.
first = ValueError("first")
second = ValueError("second")
first.__context__ = second
second.__context__ = first
try:
    try:
        raise first
    except ValueError:
        raise KeyError("third")
except KeyError as error:
    print("context is", repr(error.__context__))
    print("its context is", repr(error.__context__.__context__))

# expect: context is ValueError('first')
# expect: its context is ValueError('second')
