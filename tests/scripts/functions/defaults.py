# Default parameter values, evaluated once at definition.
def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"
print(greet("Ada"), greet("Bob", "Hi"), greet(greeting="Yo", name="Cy"))
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2))

# expect: Hello, Ada! Hi, Bob! Yo, Cy!
# expect: [1, 2] [1, 2]
