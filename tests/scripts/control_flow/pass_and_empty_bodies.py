# pass fills bodies that do nothing.
def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
print(nothing(), type(Empty()).__name__)

# expect: None Empty
