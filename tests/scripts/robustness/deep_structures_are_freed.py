# Freeing a structure a million levels deep must not recurse a million C++ frames.
class Node:
    pass

head = None
for i in range(1_000_000):
    node = Node()
    node.next = head
    head = node
del head, node
print("linked list freed")

nested = {}
for i in range(1_000_000):
    nested = {"inner": nested}
nested = None
print("nested dicts freed")

# expect: linked list freed
# expect: nested dicts freed
