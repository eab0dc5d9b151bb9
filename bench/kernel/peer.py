"""jupyter_client side of bench/kernel/run.sh, measured exactly like quire-kernel-bench.
   peer.py startup <n>    KernelManager.start_kernel + start_channels + wait_for_ready, then shutdown
   peer.py roundtrip <n>  n execute("pass") round trips, complete on reply AND iopub idle"""
import json
import sys
import time

from jupyter_client.manager import KernelManager


def start():
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def run(kc, code):
    msg_id = kc.execute(code)
    reply = idle = False
    while not idle:
        m = kc.get_iopub_msg(timeout=30)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status":
            idle = m["content"]["execution_state"] == "idle"
    while not reply:
        reply = kc.get_shell_msg(timeout=30)["parent_header"].get("msg_id") == msg_id


mode, n = sys.argv[1], int(sys.argv[2])
times = []
if mode == "startup":
    for _ in range(n):
        t0 = time.perf_counter()
        km, kc = start()
        times.append((time.perf_counter() - t0) * 1000)
        stop(km, kc)
else:
    km, kc = start()
    for _ in range(20):
        run(kc, "pass")
    for _ in range(n):
        t0 = time.perf_counter()
        run(kc, "pass")
        times.append((time.perf_counter() - t0) * 1000)
    stop(km, kc)
print(json.dumps(times))
