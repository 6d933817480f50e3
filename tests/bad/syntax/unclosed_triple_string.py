# expect error: SyntaxError line 3
print("start")
text = """this text
never ends
