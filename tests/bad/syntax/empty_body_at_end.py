# expect error: IndentationError line 3
print("start")
def later():
