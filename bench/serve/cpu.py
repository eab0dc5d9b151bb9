"""Where the CPU of a queued run goes: `quire serve` itself vs its kernels (and fork server), and a
papermill run for comparison. Read from /proc, so it is independent of wall-clock noise.
Usage (from the checkout, after the release build):
  .venv/bin/python bench/serve/cpu.py QUIRE OUT_DIR RUNS [--no-fork-server] [--papermill]
"""
import os, re, subprocess, sys, time, resource

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
quire, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
extra = [a for a in sys.argv[4:] if a == "--no-fork-server"]
venv = os.path.abspath(".venv")
env = dict(os.environ, VIRTUAL_ENV=venv, PATH=venv + "/bin:" + os.environ["PATH"])
tick = os.sysconf("SC_CLK_TCK")

import nbformat
from nbformat.v4 import new_notebook, new_code_cell
nb = new_notebook(cells=[new_code_cell("x = 1")])
nb.cells[0].metadata["tags"] = ["parameters"]
nb.cells.append(new_code_cell("print(x)"))
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
os.makedirs(out, exist_ok=True)
src = os.path.join(out, "one.ipynb")
nbformat.write(nb, src)


def stat(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return [int(v) / tick for v in fields[11:15]]  # utime stime cutime cstime


def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except FileNotFoundError:
            pass
    return found


def sample(serve):
    """(quire's own CPU, CPU of every kernel and fork server it started so far, reaped or alive)."""
    u, s, cu, cs = stat(serve)
    kernels = cu + cs
    for child in children(serve):
        try:
            cu_, cs_, ccu, ccs = stat(child)
            kernels += cu_ + cs_ + ccu + ccs
            for grandchild in children(child):
                gu, gs, _, _ = stat(grandchild)
                kernels += gu + gs
        except (FileNotFoundError, ProcessLookupError):
            pass
    return u + s, kernels


if "--papermill" in sys.argv:
    os.makedirs(os.path.join(out, "pm"), exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    subprocess.run(f"seq {runs} | xargs -P2 -I{{}} {venv}/bin/papermill -k python3 --no-progress-bar {src} {out}/pm/out-{{}}.ipynb -p x {{}}",
                   shell=True, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"papermill -P2: {runs} runs in {wall:.1f} s; CPU {cpu:.1f} s = {cpu / runs * 1000:.0f} ms per run")
    sys.exit(0)

from measure_server import Server  # noqa: E402
s = Server(os.path.join(out, "cpu-serve"), 2, quire, src, env, extra)
try:
    assert s.final(s.submit(0)) == "succeeded"
    while s.pool_ready() < 1:
        time.sleep(0.05)
    q0, k0 = sample(s.p.pid)
    t = time.monotonic()
    ids = [s.submit(i) for i in range(runs)]
    bad = [i for i in ids if s.final(i) != "succeeded"]
    wall = time.monotonic() - t
    q1, k1 = sample(s.p.pid)
    assert not bad
finally:
    s.stop()
mode = "no fork server" if extra else "fork server"
print(f"quire serve ({mode}): {runs} runs in {wall:.1f} s ({runs / wall:.2f} runs/s); per run: quire {(q1 - q0) / runs * 1000:.0f} ms CPU, "
      f"kernels {(k1 - k0) / runs * 1000:.0f} ms CPU, total {(q1 - q0 + k1 - k0) / runs * 1000:.0f} ms")
