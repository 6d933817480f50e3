# expect error: OSError line 5
# logging works, to the console; a log file cannot be written in the simulator.
import logging

logging.basicConfig(filename="app.log", level=logging.INFO)
logging.info("started")
