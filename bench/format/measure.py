"""Runs Quire and nbformat on the same notebook, alternating, and prints wall time, peak RSS and ratios."""
import os
import statistics
import subprocess
import sys
import time

quire, notebook, out_dir, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
python = sys.executable
peer = "import nbformat, sys; nbformat.write(nbformat.read(sys.argv[1], as_version=4), sys.argv[2])"
commands = {
    "quire": [quire, "fmt", notebook, "-o", os.path.join(out_dir, "quire.ipynb")],
    "nbformat": [python, "-c", peer, notebook, os.path.join(out_dir, "nbformat.ipynb")],
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
with open(os.path.join(out_dir, "quire.ipynb"), "rb") as a, open(os.path.join(out_dir, "nbformat.ipynb"), "rb") as b:
    same = a.read() == b.read()
size = os.path.getsize(notebook) / 2**20
print(f"input: {notebook} ({size:.1f} MiB), {runs} runs each, outputs byte-identical: {same}")
summary = {}
for name, rows in results.items():
    wall = statistics.median(r[0] for r in rows)
    rss = max(r[1] for r in rows)
    summary[name] = (wall, rss)
    print(f"{name:9s} median wall {wall:7.3f} s   peak RSS {rss:8.1f} MiB")
q, p = summary["quire"], summary["nbformat"]
print(f"ratio quire/nbformat: wall {q[0] / p[0]:.3f}x (target <= 0.2x), peak RSS {q[1] / p[1]:.3f}x (target <= 0.5x)")
