# Calling something that is not callable is a TypeError.
x = 5
x()

# expect error: TypeError: 'int' object is not callable
