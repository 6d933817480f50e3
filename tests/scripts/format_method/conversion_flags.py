# !r and !s inside str.format, and doubled braces.
print("{!r} {!s}".format("text", "text"))
print("{{}} {}".format(1))

# expect: 'text' text
# expect: {} 1
