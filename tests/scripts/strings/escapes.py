# Escape sequences and raw strings.
print("tab\there")
print("quote: \" and \'")
print("backslash: \\")
print(r"raw \n stays")
print("\x41\u00e9\U0001F600"[:2], len("\u00e9"))
print(len("\n"), len(r"\n"))

# expect: tab	here
# expect: quote: " and '
# expect: backslash: \
# expect: raw \n stays
# expect: Aé 1
# expect: 1 2
