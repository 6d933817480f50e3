# expect error: ValueError line 4
# Nor can it put an unknown kind of event into the trace.
import _loopscope
_loopscope.emit(200, 1, 2)
