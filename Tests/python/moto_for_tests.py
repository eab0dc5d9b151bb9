"""A moto S3 server for NotebookStorageTests, on a port the OS picks.

Prints the endpoint URL on stdout, then serves until stdin reaches end of file: the test process
holds the other end of the pipe, so the server goes away when the tests end, even if they crash.

While it runs, stdin takes one command, used to prepare large fixtures quickly:
  seed BUCKET COUNT FORMAT   puts COUNT objects "{}" named FORMAT.format(i) into moto's S3 backend
                             directly (a PUT through the server costs ~5 ms of moto's time, so
                             10 000 would take most of a minute); answers "ok" on stdout.
The objects are moto's own (ETag, size, modification time), listed through its real S3 API.
"""
import logging
import sys

from moto.core import DEFAULT_ACCOUNT_ID
from moto.s3.models import s3_backends
from moto.server import ThreadedMotoServer

logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
print(f"http://{host}:{port}", flush=True)
for line in sys.stdin:
    cmd = line.split(" ", 3)
    if cmd[0] == "seed":
        bucket, count, fmt = cmd[1], int(cmd[2]), cmd[3].rstrip("\n")
        backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
        for i in range(count):
            backend.put_object(bucket, fmt.format(i), b"{}")
        print("ok", flush=True)
    else:
        print(f"unknown command {cmd[0]!r}", flush=True)
server.stop()
