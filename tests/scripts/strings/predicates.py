# Character class predicates.
for s in ["abc", "ABC", "123", "abc123", "   ", "", "Title Case"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle())

# expect: 'abc' True False True False False True False
# expect: 'ABC' True False True False True False False
# expect: '123' False True True False False False False
# expect: 'abc123' False False True False False True False
# expect: '   ' False False False True False False False
# expect: '' False False False False False False False
# expect: 'Title Case' False False False False False False True
