"""Drives bench/serve/run.sh: see there. Prints figures and ratios for bench/RESULTS.md."""
import json, os, re, signal, sqlite3, statistics, subprocess, sys, threading, time, urllib.request
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure_server

quire, out, runs, samples = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
venv = os.path.abspath(".venv")
env = dict(os.environ, VIRTUAL_ENV=venv, PATH=venv + "/bin:" + os.environ["PATH"])

import nbformat
from nbformat.v4 import new_notebook, new_code_cell
nb = new_notebook(cells=[new_code_cell("x = 1")])
nb.cells[0].metadata["tags"] = ["parameters"]
nb.cells.append(new_code_cell("print(x)"))
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
src = os.path.join(out, "one.ipynb")
nbformat.write(nb, src)

def papermill_batch(n):
    os.makedirs(os.path.join(out, "pm"), exist_ok=True)
    cmd = f"seq {n} | xargs -P2 -I{{}} {venv}/bin/papermill -k python3 --no-progress-bar {src} {out}/pm/out-{{}}.ipynb -p x {{}}"
    t = time.monotonic()
    subprocess.run(cmd, shell=True, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t

def Server(data, workers):
    return measure_server.Server(data, workers, quire, src, env)

def quire_batch(n):
    data = os.path.join(out, "serve-throughput")
    s = Server(data, 2)
    try:
        assert s.final(s.submit(0)) == "succeeded"          # warms the pool for python3
        while s.pool_ready() < 1:
            time.sleep(0.05)
        t = time.monotonic()
        ids = [s.submit(i) for i in range(n)]
        bad = [i for i in ids if s.final(i) != "succeeded"]
        elapsed = time.monotonic() - t
        assert not bad, f"{len(bad)} runs did not succeed"
        return elapsed
    finally:
        s.stop()

def latency(k):
    data = os.path.join(out, "serve-latency")
    s = Server(data, 2)
    try:
        s.final(s.submit(0))
        values = []
        for i in range(k):
            while s.pool_ready() < 1:
                time.sleep(0.02)
            t = time.monotonic()
            rid = s.submit(i)
            s.wait_finished_event(rid)
            values.append((time.monotonic() - t) * 1000)
        values.sort()
        return values[len(values) // 2], values[min(len(values) - 1, int(len(values) * 0.99))]
    finally:
        s.stop()

# BENCH_LIST_ONLY=COUNT measures only the listings, on COUNT seeded runs (a quick check of that part).
list_only = os.environ.get("BENCH_LIST_ONLY")
if not list_only:
    pm = papermill_batch(runs)
    qs = quire_batch(runs)
    print(f"throughput: {runs} runs  papermill -P2 {pm:.1f} s ({runs/pm:.2f} runs/s)  quire serve {qs:.1f} s ({runs/qs:.2f} runs/s)  "
          f"ratio {pm/qs:.2f}x (target >= 5x)")
    p50, p99 = latency(samples)
    print(f"latency submit->finished (warm pool, {samples} runs): p50 {p50:.0f} ms (target <= 100)  p99 {p99:.0f} ms (target <= 300)")

def listing(count):
    data = os.path.join(out, "serve-list")
    os.makedirs(data, exist_ok=True)
    t = time.monotonic()
    subprocess.run([quire, "_seed-runs", os.path.join(data, "quire.db"), str(count)], check=True, env=env)
    seeded = time.monotonic() - t
    s = Server(data, 0)
    try:
        url = s.url + "/api/v1/runs?limit=50"
        assert len(s.call("GET", "/api/v1/runs?limit=50")["runs"]) == 50
        res = subprocess.run(["wrk", "-t2", "-c8", "-d10s", "--latency", url], capture_output=True, text=True, check=True).stdout
        filt = subprocess.run(["wrk", "-t2", "-c8", "-d10s", "--latency", s.url + "/api/v1/runs?limit=50&job=job-7&param=region:eu"],
                              capture_output=True, text=True, check=True).stdout
        # The web UI's run list (issue 7): the newest page of runs as HTML, with the filter form's job list.
        with urllib.request.urlopen(s.url + "/runs") as r:
            html = r.read().decode()
        shown = html.count('<tr><td><a href="/runs/r')
        assert r.status == 200 and shown == 25, f"/runs answered {r.status} with {shown} runs"
        page = subprocess.run(["wrk", "-t2", "-c8", "-d10s", "--latency", s.url + "/runs"], capture_output=True, text=True, check=True).stdout
        assert "Non-2xx" not in page, page
    finally:
        s.stop()
    def pct(text, p):
        m = re.search(rf"\s{p}%\s+([0-9.]+)(us|ms|s)", text)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    rps = lambda text: float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
    print(f"list: {count} runs seeded in {seeded:.1f} s; GET /api/v1/runs?limit=50 under wrk -t2 -c8: "
          f"p50 {pct(res, 50):.2f} ms  p99 {pct(res, 99):.2f} ms (target <= 20)  {rps(res):.0f} req/s; "
          f"filtered (job+param) p99 {pct(filt, 99):.2f} ms  {rps(filt):.0f} req/s")
    print(f"runs page: {count} runs; GET /runs (HTML, newest 25) under wrk -t2 -c8: "
          f"p50 {pct(page, 50):.2f} ms  p99 {pct(page, 99):.2f} ms (target <= 50)  {rps(page):.0f} req/s")

listing(int(list_only) if list_only else 100_000)
