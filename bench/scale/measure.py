"""Drives bench/scale/run.sh: see there. Prints runs/min per worker count for bench/RESULTS.md."""
import json, os, re, signal, subprocess, sys, time, urllib.request

quire, out, pgurl, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
venv = os.path.abspath(".venv")
env = dict(os.environ, VIRTUAL_ENV=venv, PATH=venv + "/bin:" + os.environ["PATH"])
store = os.path.join(out, "runs")

import nbformat
from nbformat.v4 import new_notebook, new_code_cell
nb = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("print(x)")])
nb.cells[0].metadata["tags"] = ["parameters"]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
src = os.path.join(out, "one.ipynb")
nbformat.write(nb, src)

def call(url, method, path, body=None):
    req = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())

def final(url, rid):
    while True:
        s = call(url, "GET", f"/api/v1/runs/{rid}/status")["status"]
        if s in ("succeeded", "failed", "timed_out", "cancelled"):
            return s
        time.sleep(0.02)

def batch(url, n, base):
    ids = [call(url, "POST", "/api/v1/runs", {"notebook": src, "parameters": {"x": base + i}})["id"] for i in range(n)]
    bad = [i for i in ids if final(url, i) != "succeeded"]
    assert not bad, f"{len(bad)} runs did not succeed"

def measure(k):
    data = os.path.join(out, f"serve-{k}")
    serve = subprocess.Popen([quire, "serve", "--port", "0", "--data", data, "--workers", "0", "--database", pgurl, "--store", store],
                             stdout=subprocess.PIPE, stderr=open(data + ".log", "w"), env=env, text=True)
    url = re.search(r"http://[0-9.]+:[0-9]+", serve.stdout.readline()).group(0)
    workers = [subprocess.Popen([quire, "worker", "--database", pgurl, "--store", store, "--concurrency", "1", "--pool-size", "1",
                                 "--id", f"bench-{k}-{j}"], stdout=subprocess.DEVNULL, stderr=open(f"{data}-w{j}.log", "w"), env=env)
               for j in range(k)]
    try:
        batch(url, 2 * k, 0)           # every worker has run once and refilled its pool
        time.sleep(2)
        t = time.monotonic()
        batch(url, runs, 1000)
        return time.monotonic() - t
    finally:
        for w in workers:
            w.send_signal(signal.SIGTERM)
        for w in workers:
            w.wait(timeout=120)
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=120)

def papermill(n):
    os.makedirs(os.path.join(out, "pm"), exist_ok=True)
    cmd = f"seq {n} | xargs -P2 -I{{}} {venv}/bin/papermill -k python3 --no-progress-bar {src} {out}/pm/out-{{}}.ipynb -p x {{}}"
    t = time.monotonic()
    subprocess.run(cmd, shell=True, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t

pm = papermill(runs)
print(f"papermill -P2: {runs} runs in {pm:.1f} s = {runs / pm * 60:.0f} runs/min")
base = None
for k in (1, 2, 4):
    s = measure(k)
    rate = runs / s * 60
    base = base or rate
    print(f"{k} worker(s): {runs} runs in {s:.1f} s = {rate:.0f} runs/min  ({rate / base:.2f}x of 1 worker, {pm / s:.2f}x papermill -P2)")
