# Integer division by zero is an uncaught ZeroDivisionError.
print("before")
print(1 // 0)

# expect: before
# expect error: ZeroDivisionError: integer division or modulo by zero
