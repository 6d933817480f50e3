# expect error: AttributeError line 4
# Nor can it put an event into the trace: with the native loop it has no trace calls at all.
import _loopscope
_loopscope.step_ended(1, 3, 200, 0, 0.0)
