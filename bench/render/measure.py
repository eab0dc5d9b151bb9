"""Renders one notebook with Quire and with nbconvert, alternating, and prints wall time, peak RSS and ratios."""
import os
import statistics
import subprocess
import sys
import time

quire, notebook, out_dir, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
venv_bin = os.path.dirname(sys.executable)
commands = {
    "quire": [quire, "render", notebook, "-o", os.path.join(out_dir, "quire.html")],
    "nbconvert": [os.path.join(venv_bin, "jupyter-nbconvert"), "--to", "html", "--log-level", "ERROR",
                  "--output-dir", out_dir, "--output", "nbconvert", notebook],
}


def measure(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {cmd}")
    return wall, usage.ru_maxrss / 1024  # MiB


results = {name: [] for name in commands}
for _ in range(runs):
    for name, cmd in commands.items():
        results[name].append(measure(cmd))
size = os.path.getsize(notebook) / 2**20
sizes = {n: os.path.getsize(os.path.join(out_dir, f"{n}.html")) / 2**20 for n in commands}
print(f"input: {notebook} ({size:.1f} MiB), {runs} runs each; HTML written: "
      + ", ".join(f"{n} {s:.1f} MiB" for n, s in sizes.items()))
summary = {}
for name, rows in results.items():
    wall = statistics.median(r[0] for r in rows)
    rss = max(r[1] for r in rows)
    summary[name] = (wall, rss)
    print(f"{name:10s} median wall {wall:7.3f} s   peak RSS {rss:8.1f} MiB")
q, p = summary["quire"], summary["nbconvert"]
print(f"ratio quire/nbconvert: wall {q[0] / p[0]:.3f}x (target <= 0.05x), peak RSS {q[1] / p[1]:.3f}x (target <= 0.25x)")
