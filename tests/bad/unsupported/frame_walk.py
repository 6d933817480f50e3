# expect error: AttributeError line 4
# There are no frame objects to walk up to another module's globals.
import sys
sys._getframe(0).f_back.f_globals
