#!/usr/bin/env bash
# Kernel client benchmark: Quire (JupyterKernel) vs jupyter_client on the same machine, same run.
#   (a) launch -> first kernel_info_reply (ipykernel), N_START alternating runs each
#   (b) 1000 trivial execute_request ("pass") round trips (reply AND idle), p50/p99
# Usage: bench/kernel/run.sh [N_START] [N_ROUNDTRIP]
set -euo pipefail
cd "$(dirname "$0")/../.."
n_start=${1:-10}
n_rt=${2:-1000}
py=.venv/bin/python
swift build -c release --scratch-path .build-kernel --product quire-kernel-bench >/dev/null
bin=.build-kernel/release/quire-kernel-bench
out=bench/out/kernel
mkdir -p "$out"
: >"$out/startup-quire.txt"; : >"$out/startup-quire-tcp.txt"; : >"$out/startup-py.txt"
# Alternate one launch of each so both see the same machine state.
for _ in $(seq "$n_start"); do
  "$bin" startup 1 >>"$out/startup-quire.txt"
  "$bin" startup 1 --tcp >>"$out/startup-quire-tcp.txt"
  $py bench/kernel/peer.py startup 1 2>/dev/null >>"$out/startup-py.txt"
done
: >"$out/rt-quire.txt"; : >"$out/rt-quire-tcp.txt"; : >"$out/rt-py.txt"
# Round trips in 5 alternating blocks (a fresh kernel each), so load changes hit all three alike.
for _ in 1 2 3 4 5; do
  "$bin" roundtrip $((n_rt / 5)) >>"$out/rt-quire.txt"
  "$bin" roundtrip $((n_rt / 5)) --tcp >>"$out/rt-quire-tcp.txt"
  $py bench/kernel/peer.py roundtrip $((n_rt / 5)) 2>/dev/null >>"$out/rt-py.txt"
done
# Where a round trip's time goes, from the kernel's own header dates (same clock, same machine).
: >"$out/bd-quire.txt"; : >"$out/bd-py.txt"
for _ in 1 2 3; do
  "$bin" breakdown 200 >>"$out/bd-quire.txt"
  $py bench/kernel/peer.py breakdown 200 2>/dev/null >>"$out/bd-py.txt"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
$py - "$out" <<'PY'
import json, statistics, sys
d = sys.argv[1]
def load(name):
    vals = []
    for line in open(f"{d}/{name}.txt"):
        vals += json.loads(line)
    return sorted(vals)
def pct(v, p):
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
sq, sqt, sp = load("startup-quire"), load("startup-quire-tcp"), load("startup-py")
print(f"(a) launch -> kernel_info_reply, median of {len(sq)} (ms)")
print(f"    quire ipc {statistics.median(sq):8.1f}   quire tcp {statistics.median(sqt):8.1f}   jupyter_client tcp {statistics.median(sp):8.1f}")
print(f"    ratio quire/jupyter_client: ipc {statistics.median(sq)/statistics.median(sp):.2f}x  tcp {statistics.median(sqt)/statistics.median(sp):.2f}x")
rq, rqt, rp = load("rt-quire"), load("rt-quire-tcp"), load("rt-py")
print(f"(b) {len(rq)} execute round trips (ms)      p50      p99")
for name, v in (("quire ipc", rq), ("quire tcp", rqt), ("jupyter_client tcp", rp)):
    print(f"    {name:20s} {pct(v,50):8.3f} {pct(v,99):8.3f}")
print(f"    ratio p50 quire/jupyter_client: ipc {pct(rq,50)/pct(rp,50):.2f}x  tcp {pct(rqt,50)/pct(rp,50):.2f}x;"
      f" p99: ipc {pct(rq,99)/pct(rp,99):.2f}x  tcp {pct(rqt,99)/pct(rp,99):.2f}x")
def rows(name):
    return [row for line in open(f"{d}/{name}.txt") for row in json.loads(line)]
print("(c) where a round trip goes, medians (ms): request -> kernel busy | kernel busy -> idle | idle -> client | total")
for name, file in (("quire ipc", "bd-quire"), ("jupyter_client tcp", "bd-py")):
    r = rows(file)
    cols = [statistics.median(x[i] for x in r) for i in range(4)]
    print(f"    {name:20s} " + " | ".join(f"{c:6.3f}" for c in cols) + f"   outside the kernel: {cols[3] - cols[1]:.3f}")
PY
