"""jupyter_client side of bench/kernel/run.sh, measured exactly like quire-kernel-bench.
   peer.py startup <n>    KernelManager.start_kernel + start_channels + wait_for_ready, then shutdown
   peer.py roundtrip <n>  n execute("pass") round trips, complete on reply AND iopub idle
   peer.py breakdown <n>  like roundtrip, split by the kernel's header dates into
                          [request -> busy, busy -> idle, idle -> client, total] in ms"""
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


def breakdown(kc):
    sent = time.time()
    msg_id = kc.execute("pass")
    busy = idle = seen = None
    while idle is None:
        m = kc.get_iopub_msg(timeout=30)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status":
            state = m["content"]["execution_state"]
            if state == "busy":
                busy = m["header"]["date"].timestamp()
            elif state == "idle":
                idle, seen = m["header"]["date"].timestamp(), time.time()
    while kc.get_shell_msg(timeout=30)["parent_header"].get("msg_id") != msg_id:
        pass
    done = time.time()
    return [(x) * 1000 for x in (busy - sent, idle - busy, seen - idle, done - sent)]


mode, n = sys.argv[1], int(sys.argv[2])
times = []
if mode == "startup":
    for _ in range(n):
        t0 = time.perf_counter()
        km, kc = start()
        times.append((time.perf_counter() - t0) * 1000)
        stop(km, kc)
elif mode == "breakdown":
    km, kc = start()
    for _ in range(20):
        run(kc, "pass")
    times = [breakdown(kc) for _ in range(n)]
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
