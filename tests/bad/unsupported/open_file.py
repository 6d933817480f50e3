# expect error: NameError line 3
# Loopscope has no open() builtin: a scenario cannot touch files. CPython would open the file.
with open("data.txt") as handle:
    print(handle.read())
