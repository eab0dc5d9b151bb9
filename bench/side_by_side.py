"""Shared by the side-by-side benchmarks: whole processes, alternated, wall time and peak RSS."""
import os
import statistics
import subprocess
import sys
import time


def measure(cmd):
    """Wall seconds and peak RSS (MiB, from wait4) of one process; exits on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {cmd}")
    return wall, usage.ru_maxrss / 1024


def alternate(commands, runs):
    """Runs every command once per round, `runs` rounds, so drift in the machine hits all alike."""
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(measure(cmd))
    return results


def report(results, peer, wall_target, rss_target):
    """Median wall and peak RSS per command, then Quire's ratios to `peer` against the targets."""
    width = max(len(n) for n in results) + 1
    summary = {}
    for name, rows in results.items():
        wall = statistics.median(r[0] for r in rows)
        rss = max(r[1] for r in rows)
        summary[name] = (wall, rss)
        print(f"{name:{width}s} median wall {wall:7.3f} s   peak RSS {rss:8.1f} MiB")
    q, p = summary["quire"], summary[peer]
    print(f"ratio quire/{peer}: wall {q[0] / p[0]:.3f}x (target <= {wall_target}x), "
          f"peak RSS {q[1] / p[1]:.3f}x (target <= {rss_target}x)")
