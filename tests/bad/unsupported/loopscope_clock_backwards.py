# expect error: AttributeError line 4
# The engine's own module cannot move the virtual clock: with the native loop it has no set_time.
import _loopscope
_loopscope.set_time(10)
_loopscope.set_time(5)
