# Triple-quoted strings keep their line breaks; adjacent literals join.
text = """first
second"""
print(text)
print("con" "cat" 'enated')
print(len(text.splitlines()))

# expect: first
# expect: second
# expect: concatenated
# expect: 2
