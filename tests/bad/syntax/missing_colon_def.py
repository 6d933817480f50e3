# expect error: SyntaxError line 2
def greet(name)
    print("hi", name)
greet("ada")
