# Float division by zero raises too, and the message names float division.
try:
    1.0 / 0
except ZeroDivisionError as error:
    print("caught:", error)
try:
    5 % 0
except ZeroDivisionError as error:
    print("caught:", error)

# expect: caught: float division by zero
# expect: caught: integer modulo by zero
