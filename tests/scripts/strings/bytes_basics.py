# bytes literals, indexing, decode and encode.
b = b"hello"
print(b, b[0], b[1:3], len(b))
print(b.decode(), "héllo".encode())
print(b"\x00\xff", list(b"AB"))

# expect: b'hello' 104 b'el' 5
# expect: hello b'h\xc3\xa9llo'
# expect: b'\x00\xff' [65, 66]
