# Indexing and slicing strings, with negative indices and steps.
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[-3:])
print(s[::2], s[1::3], s[::-1], s[6:1:-2])
print(s[10:], s[-100:2], repr(s[5:2]))

# expect: a h cde abc fgh fgh
# expect: aceg beh hgfedcba gec
# expect:  ab ''
