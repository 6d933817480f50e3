# print converts every argument with str.
print(None, True, 3.0, [None], {"k": (1,)}, "text")
print()
print("after empty line")

# expect: None True 3.0 [None] {'k': (1,)} text
# expect:
# expect: after empty line
