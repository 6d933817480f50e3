# **kwargs collects extra keyword arguments in call order.
def show(**options):
    return options
print(show(), show(b=2, a=1))
settings = {"debug": True}
print(show(**settings, level=3))
def both(a, *args, **kwargs):
    print(a, args, kwargs)
both(1, 2, 3, x=4)

# expect: {} {'b': 2, 'a': 1}
# expect: {'debug': True, 'level': 3}
# expect: 1 (2, 3) {'x': 4}
