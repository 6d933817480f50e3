# f-strings nested inside replacement fields, one quote style each: CPython 3.11 allows it.
print(f'''{f"""{f"{f'{1 + 1}'}"}"""}''')
width = 6
print(f'{f"{3.14159:.{2}f}":>{width}}|')

# expect: 2
# expect:   3.14|
