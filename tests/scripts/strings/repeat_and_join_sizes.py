# Repetition copies by doubling and join sizes its result first: the results must be exact for
# every length, odd counts, empty parts and separators, non-ASCII text and bytes.
s = "abc" * 7
print(len(s), s[:7], s[-4:], s == "".join(["abc"] * 7))
print(len("é" * 1001), ("é" * 1001)[1000], "" * 5 == "", "x" * -3 == "")
print(b"xy" * 5, len(b"\x00" * 4097), b"" * 9)
big = "0123456789" * 1234567
print(len(big), big[12345670 - 3:], big.count("9"))
print("-".join([]), "-".join(["a"]), "-".join(["a", "", "b"]), ", ".join("xyz"))
print(len("ab".join(["x" * 5000] * 301)), "é".join(["α", "β"]))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)

# expect: 21 abcabca cabc True
# expect: 1001 é True True
# expect: b'xyxyxyxyxy' 4097 b''
# expect: 12345670 789 1234567
# expect:  a a--b x, y, z
# expect: 1505600 αéβ
# expect: sequence item 1: expected str instance, int found
