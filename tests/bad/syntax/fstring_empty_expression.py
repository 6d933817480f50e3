# expect error: SyntaxError line 2
print(f"empty {}")
