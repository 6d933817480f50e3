# expect error: ValueError line 5
# The engine's own module cannot turn the virtual clock back (the timeline relies on it).
import _loopscope
_loopscope.set_time(10)
_loopscope.set_time(5)
