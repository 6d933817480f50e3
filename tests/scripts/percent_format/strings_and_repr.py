# %s uses str, %r uses repr, %c takes a code point.
print("%s %r" % ([1, "a"], [1, "a"]))
print("%10s|%-10s|" % ("right", "left"))
print("%c%c" % (72, "i"))

# expect: [1, 'a'] [1, 'a']
# expect:      right|left      |
# expect: Hi
