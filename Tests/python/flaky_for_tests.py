"""An HTTP server that fails on purpose, for S3Client's retry tests (moto cannot be told to fail).
It answers like S3 does when overloaded or refusing, without checking signatures:
  GET /b/slow.ipynb    503 SlowDown twice, then 200 "{}"
  GET /b/broken.ipynb  500 InternalError, always
  GET /b/bad.ipynb     400 InvalidArgument, always
  GET /count/PATH      how many requests PATH received
Prints its URL; stops when stdin reaches end of file.
"""
import http.server
import sys
import threading
from collections import Counter

seen = Counter()


def error(code, message):
    return f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{code}</Code><Message>{message}</Message></Error>".encode()


class Flaky(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/count/"):
            return self.answer(200, str(seen["/" + self.path[len("/count/"):]]).encode())
        seen[self.path] += 1
        if self.path == "/b/slow.ipynb":
            if seen[self.path] <= 2:
                return self.answer(503, error("SlowDown", "Please reduce your request rate."))
            return self.answer(200, b"{}")
        if self.path == "/b/broken.ipynb":
            return self.answer(500, error("InternalError", "We encountered an internal error."))
        return self.answer(400, error("InvalidArgument", "Invalid argument."))

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
sys.stdin.read()
server.shutdown()
