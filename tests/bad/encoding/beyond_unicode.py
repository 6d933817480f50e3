# expect error: SyntaxError line 3
# A code point past U+10FFFF.
x = "ô€€"
