# raise ... from sets __cause__; implicit chaining sets __context__.
try:
    try:
        int("x")
    except ValueError as inner:
        raise RuntimeError("conversion failed") from inner
except RuntimeError as error:
    print(error, "| cause:", repr(error.__cause__), error.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as error:
    print(repr(error), "| context:", type(error.__context__).__name__, error.__cause__)

# expect: conversion failed | cause: ValueError("invalid literal for int() with base 10: 'x'") True
# expect: KeyError('during handling') | context: ZeroDivisionError None
