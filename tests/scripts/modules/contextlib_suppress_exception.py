# A contextmanager can handle the exception raised in its block.
import contextlib
@contextlib.contextmanager
def ignoring(kind):
    try:
        yield
    except kind as error:
        print("ignored", repr(error))
with ignoring(KeyError):
    {}["k"]
print("continues")

# expect: ignored KeyError('k')
# expect: continues
