# Functions are objects with a __name__; they can be passed around.
def square(x):
    return x * x
def apply(f, values):
    return [f(v) for v in values]
print(square.__name__, apply(square, [1, 2, 3]), callable(square))
alias = square
print(alias.__name__, alias(7))

# expect: square [1, 4, 9] True
# expect: square 49
