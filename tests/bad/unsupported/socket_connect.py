# expect error: ModuleNotFoundError line 3
# Sockets do not exist; model a connection with asyncio.sleep.
import socket
socket.create_connection(("example.com", 80))
