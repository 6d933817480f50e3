# The name bound by "except ... as" is deleted after the handler.
try:
    raise ValueError("x")
except ValueError as error:
    print("inside", error)
try:
    print(error)
except NameError as problem:
    print("NameError:", problem)

# expect: inside x
# expect: NameError: name 'error' is not defined
