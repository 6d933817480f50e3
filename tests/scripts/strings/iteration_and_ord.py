# Iterating over a string gives one-character strings.
for ch in "hey":
    print(ch, ord(ch))
print(list("abc"), chr(65) + chr(0x263A))

# expect: h 104
# expect: e 101
# expect: y 121
# expect: ['a', 'b', 'c'] A☺
