# Modulo by zero is a ZeroDivisionError.
print(10 % 0)

# expect error: ZeroDivisionError: integer modulo by zero
