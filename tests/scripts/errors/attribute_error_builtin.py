# A missing method on a built-in type raises AttributeError.
items = [1, 2]
items.push(3)

# expect error: AttributeError: 'list' object has no attribute 'push'
