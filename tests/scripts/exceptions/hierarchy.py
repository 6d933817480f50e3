# The standard exception hierarchy.
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(TimeoutError, OSError), issubclass(ModuleNotFoundError, ImportError))

# expect: True True
# expect: True True
# expect: True True
# expect: False True
# expect: True True
# expect: True True
