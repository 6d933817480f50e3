# contextlib.contextmanager turns a generator into a context manager.
from contextlib import contextmanager
@contextmanager
def section(name):
    print("begin", name)
    try:
        yield name.upper()
    finally:
        print("end", name)
with section("setup") as label:
    print("inside", label)
try:
    with section("work"):
        raise RuntimeError("failed")
except RuntimeError as error:
    print("caught", error)

# expect: begin setup
# expect: inside SETUP
# expect: end setup
# expect: begin work
# expect: end work
# expect: caught failed
