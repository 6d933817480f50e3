# pop from an empty list raises IndexError.
stack = []
stack.pop()

# expect error: IndexError: pop from empty list
