"""Analysis aid for bench/storage: moto's S3 server as `moto_server` runs it, but single-threaded
and under cProfile, so that what moto does for each client's requests can be compared. Also
records each request's server CPU (thread time, from the first byte read to the last written)
with its method and client (User-Agent) in a JSON-lines file.

Usage: profile_moto.py PORT STATS_FILE REQUESTS_FILE   (SIGTERM writes the stats and exits)
STATS_FILE "-" runs without the profiler (its overhead roughly doubles moto's CPU per request),
for the per-request CPU figures alone.
Read the stats with `python -m pstats STATS_FILE`."""
import cProfile
import json
import signal
import sys
import time

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

port, stats_file, requests_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
log = open(requests_file, "w")


class TimedHandler(MotoRequestHandler):
    def handle_one_request(self):
        t = time.thread_time()
        super().handle_one_request()
        if getattr(self, "command", None):
            agent = self.headers.get("User-Agent", "") if self.headers else ""
            log.write(json.dumps({"method": self.command, "path": self.path.split("?")[0],
                                  "query": "?" in self.path,
                                  "client": agent.split("/")[0] or "?", "cpu_s": time.thread_time() - t}) + "\n")
            self.command = None


app = DomainDispatcherApplication(create_backend_app)
server = make_server("127.0.0.1", port, app, threaded=False, request_handler=TimedHandler)
profiler = cProfile.Profile()


def stop(*_):
    if stats_file != "-":
        profiler.disable()
        profiler.dump_stats(stats_file)
    log.close()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
if stats_file != "-":
    profiler.enable()
server.serve_forever()
