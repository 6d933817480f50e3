# A UTF-8 byte order mark at the start of the file is skipped, as CPython skips it.
print("read despite the BOM")

# expect: read despite the BOM
