# + concatenates, * repeats, in tests substrings.
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0 == "")
print("ell" in "hello", "z" not in "hello")
print(len("héllo"))

# expect: abcd ababab --- True
# expect: True True
# expect: 5
