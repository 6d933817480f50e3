# An unknown name in str.format raises KeyError.
print("{who}".format(what=1))

# expect error: KeyError: 'who'
