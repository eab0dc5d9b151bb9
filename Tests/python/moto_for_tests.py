"""A moto S3 server for NotebookStorageTests, on a port the OS picks.

Prints the endpoint URL on stdout, then serves until stdin reaches end of file: the test process
holds the other end of the pipe, so the server goes away when the tests end, even if they crash.
"""
import logging
import sys

from moto.server import ThreadedMotoServer

logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
print(f"http://{host}:{port}", flush=True)
sys.stdin.read()
server.stop()
