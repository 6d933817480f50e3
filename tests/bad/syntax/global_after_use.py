# expect error: SyntaxError line 5
counter = 0
def bump():
    print(counter)
    global counter
    counter += 1
