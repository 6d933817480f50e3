# expect error: SyntaxError line 3
# Format specs nest two deep at most; f-strings inside fields may nest as deep as quotes allow.
print(f'{1:{2:{3}}}')
