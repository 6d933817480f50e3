# expect error: IndentationError line 3
def work():
print("not indented")
work()
