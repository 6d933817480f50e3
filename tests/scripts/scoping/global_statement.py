# global lets a function rebind a module-level name.
counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
bump(); bump()
print(counter, read())
def create():
    global created_later
    created_later = "made inside"
create()
print(created_later)

# expect: 2 2
# expect: made inside
