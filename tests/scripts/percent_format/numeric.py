# Width, precision and flags with %.
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.2f %8.3f %e %g" % (3.14159, 2.71828, 12345.678, 0.0001))
print("%x %X %o %#x" % (255, 255, 8, 255))
print("%+d %+d" % (5, -5))

# expect:    42|42   |00042
# expect: 3.14    2.718 1.234568e+04 0.0001
# expect: ff FF 10 0xff
# expect: +5 -5
