# Popping an empty deque raises IndexError.
from collections import deque
deque().pop()

# expect error: IndexError: pop from an empty deque
