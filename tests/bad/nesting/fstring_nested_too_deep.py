# expect error: SyntaxError line 2
print(f'{f"{f'{1}'}"}')
