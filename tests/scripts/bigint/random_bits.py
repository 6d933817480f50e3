# random with big ints: seeds, getrandbits past 64 bits and randbytes, bit-exact with CPython.
import random

random.seed(2 ** 100)
print(random.random(), random.getrandbits(100), random.randbytes(5))
random.seed(12345)
print(random.getrandbits(64), random.getrandbits(65), random.randbytes(9).hex())
random.seed(-3 ** 50)
print(random.randint(1, 100), random.getrandbits(200))

# expect: 0.7586581712996778 711474303591615369388656573519 b'\x15\x98Z!\xb7'
# expect: 13515657874892102023 33576297214691144261 e77887cd42a9734cda
# expect: 34 1537898985056130512929380211078250277756116713726554706752969
