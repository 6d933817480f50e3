# expect error: AttributeError line 4
# sys has no module table to pull os out of.
import sys
sys.modules["os"]
