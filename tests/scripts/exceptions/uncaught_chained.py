# An uncaught chained exception still ends with its own type and message.
try:
    1 / 0
except ZeroDivisionError as error:
    raise ValueError("while dividing") from error

# expect error: ValueError: while dividing
