"""Queue-to-claim latency across `quire serve` replicas on one PostgreSQL.

Replica A runs one worker polling every 300 s; replica B has none and takes the submissions. Each
run is submitted to B, sequentially; the latency is the time between its `queued` and `running`
transitions (both stamped by processes on this machine, so on one clock). Without NOTIFY it would
be up to 300 s.

Usage: python bench/notify/wake_latency.py QUIRE_BINARY POSTGRES_URL NOTEBOOK [RUNS]
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime


def start(quire, url, workers, env_extra):
    data = tempfile.mkdtemp(prefix="quire-bench-notify-")
    env = dict(os.environ, **env_extra)
    p = subprocess.Popen([quire, "serve", "--port", "0", "--data", data, "--workers", str(workers), "--database", url],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    line = p.stdout.readline()
    return p, re.search(r"http://[0-9.]+:[0-9]+", line).group(0), data


def call(method, url, body=None):
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main():
    quire, url, notebook = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    a, _, data_a = start(quire, url, 1, {"QUIRE_WORKER_POLL": "300"})
    b, base, data_b = start(quire, url, 0, {})
    latencies = []
    try:
        for _ in range(runs):
            run = call("POST", base + "/api/v1/runs", {"notebook": notebook})
            while True:
                r = call("GET", base + "/api/v1/runs/" + run["id"])
                if r["status"] in ("succeeded", "failed", "timed_out", "cancelled"):
                    break
                time.sleep(0.05)
            t = {x["status"]: when(x["at"]) for x in r["transitions"] if x["status"] in ("queued", "running")}
            latencies.append((t["running"] - t["queued"]) * 1000)
    finally:
        for p in (a, b):
            p.terminate()
            p.wait()
        for data in (data_a, data_b):
            shutil.rmtree(data, ignore_errors=True)
    latencies.sort()
    print(f"{runs} runs, queued -> running on the other replica (ms): "
          f"p50 {statistics.median(latencies):.1f}  p90 {latencies[int(0.9 * (runs - 1))]:.1f}  max {latencies[-1]:.1f}")


if __name__ == "__main__":
    main()
