# nonlocal rebinds a name of the nearest enclosing function.
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())

# expect: ('changed by inner', 'outer')
