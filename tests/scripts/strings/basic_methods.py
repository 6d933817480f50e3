# Case changes and stripping.
s = "  Hello, World  "
print(s.strip() + "|", s.lstrip() + "|", s.rstrip() + "|")
print(s.upper(), s.lower())
print("hello world".title(), "hello".capitalize(), "HeLLo".swapcase())
print("xxhixx".strip("x"))

# expect: Hello, World| Hello, World  |   Hello, World|
# expect:   HELLO, WORLD     hello, world  
# expect: Hello World Hello hEllO
# expect: hi
