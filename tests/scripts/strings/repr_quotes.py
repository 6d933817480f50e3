# repr picks quotes the way CPython does.
print(repr("plain"))
print(repr("it's"))
print(repr('say "hi"'))
print(repr("both ' and \""))
print(repr("new\nline\ttab\\"))
print(["a", "b'c"])

# expect: 'plain'
# expect: "it's"
# expect: 'say "hi"'
# expect: 'both \' and "'
# expect: 'new\nline\ttab\\'
# expect: ['a', "b'c"]
