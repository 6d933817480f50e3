# Type tests on built-in types.
print(isinstance(3, int), isinstance(3.0, int), isinstance("s", (int, str)), isinstance(None, object))
print(type(None).__name__, type([]).__name__, type({}).__name__, type(len).__name__)
print(type(1) is int, type(True) is bool, issubclass(int, object))

# expect: True False True True
# expect: NoneType list dict builtin_function_or_method
# expect: True True True
