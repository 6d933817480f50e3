# expect error: ModuleNotFoundError line 3
# ctypes would call into the C library: not available.
import ctypes
ctypes.CDLL(None).system(b"echo pwned")
