# An unknown keyword argument is a TypeError.
def f(a):
    return a
try:
    f(a=1, b=2)
except TypeError as error:
    print(error)
try:
    f(1, a=2)
except TypeError as error:
    print(error)

# expect: f() got an unexpected keyword argument 'b'
# expect: f() got multiple values for argument 'a'
