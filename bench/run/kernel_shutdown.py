"""Median time ipykernel takes to exit after a `shutdown_request` (jupyter_client, polled every 2 ms).
Used by measure.py to split Quire's 1-cell overhead into the kernel's own exit time and the rest."""
import statistics
import sys
import time

import jupyter_client


def once():
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"])
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    kc.execute_interactive("x = 1", timeout=60)
    start = time.perf_counter()
    kc.control_channel.send(kc.session.msg("shutdown_request", {"restart": False}))
    while km.is_alive():
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    kc.stop_channels()
    km.cleanup_resources()
    return elapsed


def median_ms(runs):
    return statistics.median(once() for _ in range(runs)) * 1000


if __name__ == "__main__":
    print(f"{median_ms(int(sys.argv[1]) if len(sys.argv) > 1 else 5):.0f} ms")
