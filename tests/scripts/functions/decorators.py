# Decorators are plain callables applied at definition time.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper
def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate
@shout
def hello(name):
    return "hello " + name
@repeat(3)
def ping():
    return "ping"
print(hello("loop"), ping())

# expect: HELLO LOOP! ['ping', 'ping', 'ping']
