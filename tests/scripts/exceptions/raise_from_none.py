# raise ... from None hides the context.
try:
    try:
        [][0]
    except IndexError:
        raise ValueError("clean") from None
except ValueError as error:
    print(error.__cause__, error.__suppress_context__, type(error.__context__).__name__)

# expect: None True IndexError
