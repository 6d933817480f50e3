# Methods bind their instance; the unbound function takes self explicitly.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return f"{self.name} greets {other}"
g = Greeter("A")
bound = g.greet
print(bound("B"), Greeter.greet(g, "C"))
print(bound.__name__)

# expect: A greets B A greets C
# expect: greet
