# expect error: ModuleNotFoundError line 3
# importlib is not available to import around the simulator's modules.
import importlib
importlib.import_module("os")
