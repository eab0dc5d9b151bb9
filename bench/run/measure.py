"""papermill vs `quire run` on the bench notebooks: wall time, peak RSS of the driver process (kernel
excluded) and, for the 1-cell notebook, where the time goes. Runs alternate tool by tool.

Wall: perf_counter around spawn → wait4 of the driver process (kernel shutdown included).
RSS: separate runs in which /proc/<pid>/status VmHWM of the driver process itself is sampled every
2 ms until it exits (the last sample is its high-water mark, up to the final 2 ms). `wait4`'s
ru_maxrss is *not* used for the headline: on Linux it is max(own peak, peak of every descendant the
process reaped), and both drivers reap their kernel, so it would report the kernel's ~50 MiB for Quire.
It is printed alongside for reference.
"""
import datetime
import json
import os
import statistics
import subprocess
import sys
import time

quire, nb_dir, out_dir, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
venv_bin = os.path.dirname(sys.executable)
notebooks = {"1 cell": "bench_1cell.ipynb", "200 trivial cells": "bench_200cells.ipynb",
             "50 cells x 1000 lines": "bench_50x1000lines.ipynb"}
targets = {"1 cell": 0.5, "200 trivial cells": 0.2, "50 cells x 1000 lines": 0.4}


def command(tool, nb, out):
    if tool == "quire":
        return [quire, "run", nb, out]
    return [os.path.join(venv_bin, "papermill"), nb, out]


def run(cmd, sample=False):
    t0_epoch = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hwm = 0
    seen = {}  # child pid -> last epoch time it was seen (the kernel is the driver's child)
    if sample:
        path = f"/proc/{proc.pid}/status"
        while proc.poll() is None:
            try:
                with open(path) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            hwm = max(hwm, int(line.split()[1]))
                now = time.time()
                for tid in os.listdir(f"/proc/{proc.pid}/task"):
                    try:
                        with open(f"/proc/{proc.pid}/task/{tid}/children") as f:
                            for child in f.read().split():
                                seen[int(child)] = now
                    except (FileNotFoundError, ProcessLookupError):
                        pass  # that thread just ended
            except (FileNotFoundError, ProcessLookupError):
                pass  # the process is exiting; poll() decides
            time.sleep(0.002)
        # proc.poll() already reaped it; no rusage then — fine for sampled runs.
        status, usage = proc.wait(), None
    else:
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {cmd}")
    return {"wall": wall, "t0": t0_epoch, "t_exit": t0_epoch + wall,
            "hwm": hwm / 1024, "ru_maxrss": usage.ru_maxrss / 1024 if usage else None,
            "kernel_gone": max(seen.values()) if seen else None}


def iso(s):
    s = s.replace("Z", "+00:00")
    return datetime.datetime.fromisoformat(s).timestamp()


def breakdown(out, r):
    """Seconds: launch (spawn → metadata start_time), kernel start-up (start_time → first cell's start),
    kernel cell time (iopub busy → idle), in-cell overhead, finish (cell end → process exit)."""
    nb = json.load(open(out))
    pm = nb["metadata"]["papermill"]
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
    cp, ex = cell["metadata"]["papermill"], cell["metadata"]["execution"]
    t_start, c_start, c_end = iso(pm["start_time"]), iso(cp["start_time"]), iso(cp["end_time"])
    kernel_cell = iso(ex["iopub.status.idle"]) - iso(ex["iopub.status.busy"])
    startup = c_start - t_start
    parts = {"launch": t_start - r["t0"], "startup": startup, "cell": kernel_cell,
             "in_cell": (c_end - c_start) - kernel_cell, "finish": r["t_exit"] - c_end,
             "overhead": r["wall"] - startup - kernel_cell}
    if r.get("kernel_gone"):
        # Last moment a child (the kernel, or its launcher) was seen: the kernel's own exit time after
        # the cell ended, versus what the driver does after the kernel is gone.
        parts["kernel_exit"] = r["kernel_gone"] - c_end
        parts["after_kernel"] = r["t_exit"] - r["kernel_gone"]
    return parts


tools = ["papermill", "quire"]
print(f"quire: {quire}; {runs} runs each, alternating; machine: {os.cpu_count()} cores")
summary = {}
for label, name in notebooks.items():
    nb = os.path.join(nb_dir, name)
    walls = {t: [] for t in tools}
    maxrss = {t: [] for t in tools}
    parts = {t: [] for t in tools}
    for _ in range(runs):
        for t in tools:
            out = os.path.join(out_dir, f"{t}.ipynb")
            r = run(command(t, nb, out))
            walls[t].append(r["wall"])
            maxrss[t].append(r["ru_maxrss"])
            if label == "1 cell":
                parts[t].append(breakdown(out, r))
    hwm = {t: [] for t in tools}
    sampled = {t: [] for t in tools}
    for _ in range(max(2, runs // 2)):
        for t in tools:
            out = os.path.join(out_dir, f"{t}-rss.ipynb")
            r = run(command(t, nb, out), sample=True)
            hwm[t].append(r["hwm"])
            if label == "1 cell":
                sampled[t].append(breakdown(out, r))
    print(f"\n{label} ({name})")
    for t in tools:
        print(f"  {t:9s} wall median {statistics.median(walls[t]):7.3f} s  (min {min(walls[t]):.3f}, max {max(walls[t]):.3f})"
              f"   peak RSS (VmHWM) {max(hwm[t]):7.1f} MiB   wait4 ru_maxrss {max(maxrss[t]):7.1f} MiB")
    w = statistics.median(walls["quire"]) / statistics.median(walls["papermill"])
    m = max(hwm["quire"]) / max(hwm["papermill"])
    print(f"  ratio quire/papermill: wall {w:.3f}x (target <= {targets[label]}x), peak RSS {m:.3f}x (target <= 0.2x)")
    if label == "1 cell":
        for t in tools:
            med = {k: statistics.median(p[k] for p in parts[t]) * 1000 for k in parts[t][0]}
            print(f"  {t:9s} ms (medians of the timed runs): launch {med['launch']:.0f} + kernel start-up {med['startup']:.0f}"
                  f" + kernel cell {med['cell']:.1f} + in-cell {med['in_cell']:.1f} + finish {med['finish']:.0f}"
                  f"  → own overhead (wall − start-up − cell) {med['overhead']:.0f} ms")
            k = [p for p in sampled[t] if "kernel_exit" in p]
            if k:
                ke = statistics.median(p["kernel_exit"] for p in k) * 1000
                ak = statistics.median(p["after_kernel"] for p in k) * 1000
                ov = statistics.median(p["overhead"] for p in k) * 1000
                print(f"  {t:9s} finish split (sampled runs): kernel still alive {ke:.0f} ms after the cell ended,"
                      f" driver exits {ak:.0f} ms after the kernel → overhead without the kernel's exit {ov - ke:.0f} ms")
