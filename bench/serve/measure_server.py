"""A `quire serve` process driven over HTTP, shared by measure.py and cpu.py."""
import json, re, signal, subprocess, time, urllib.request


class Server:
    def __init__(self, data, workers, quire, src, env, extra=()):
        self.src = src
        self.p = subprocess.Popen([quire, "serve", "--port", "0", "--data", data, "--workers", str(workers), "--pool-size", "1", *extra],
                                  stdout=subprocess.PIPE, stderr=open(data + ".log", "w"), env=env, text=True)
        line = self.p.stdout.readline()
        self.url = re.search(r"http://[0-9.]+:[0-9]+", line).group(0)
    def call(self, method, path, body=None):
        req = urllib.request.Request(self.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read())
    def submit(self, x):
        return self.call("POST", "/api/v1/runs", {"notebook": self.src, "parameters": {"x": x}})["id"]
    def final(self, rid):
        while True:
            s = self.call("GET", f"/api/v1/runs/{rid}/status")["status"]
            if s in ("succeeded", "failed", "timed_out", "cancelled"):
                return s
            time.sleep(0.01)
    def wait_finished_event(self, rid):
        with urllib.request.urlopen(self.url + f"/api/v1/runs/{rid}/events") as r:
            for raw in r:
                if raw.startswith(b"event: finished"):
                    return
    def pool_ready(self):
        m = urllib.request.urlopen(self.url + "/metrics").read().decode()
        return sum(int(v) for v in re.findall(r'quire_pool_ready_kernels\{[^}]*\} (\d+)', m))
    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        self.p.wait(timeout=120)
