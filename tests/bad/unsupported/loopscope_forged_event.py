# expect error: ValueError line 4
# Nor can it put an event the trace does not know into the trace (a wait kind out of range).
import _loopscope
_loopscope.step_ended(1, 3, 200, 0, 0.0)
