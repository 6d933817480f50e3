# Subclassing built-in types works like subclassing user classes.
class Name(str):
    def shout(self):
        return self.upper() + "!"
class Stack(list):
    def peek(self):
        return self[-1]
n = Name("ada")
s = Stack([1, 2, 3])
print(n.shout(), len(n), n + "x", s.peek(), s, isinstance(s, list))

# expect: ADA! 3 adax 3 [1, 2, 3] True
