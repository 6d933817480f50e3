# The classes live in CPython's C module _contextvars: type() and the default repr say so.
import contextvars

print(contextvars.Context, contextvars.ContextVar, contextvars.Token)
print(repr(contextvars.copy_context()).split(" object at ")[0])
print(type(contextvars.ContextVar("x")).__module__)

# expect: <class '_contextvars.Context'> <class '_contextvars.ContextVar'> <class '_contextvars.Token'>
# expect: <_contextvars.Context
# expect: _contextvars
