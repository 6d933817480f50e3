# chr and ord are inverses.
print(ord("a"), ord("Z"), ord("€"), chr(97), chr(8364), chr(ord("a") + 1))
print("".join(chr(c) for c in range(ord("a"), ord("f"))))

# expect: 97 90 8364 a € b
# expect: abcde
