# Inner functions capture variables of the enclosing call.
def make_counter(start):
    count = start
    def next_value():
        nonlocal count
        count += 1
        return count
    return next_value
a = make_counter(10)
b = make_counter(0)
print(a(), a(), b(), a())

# expect: 11 12 1 13
