"""Runs cells through jupyter_client and prints, per cell, the iopub messages of the request and
the execute_reply as JSON: the reference sequence the Swift client is compared with."""
import json
import sys

from jupyter_client.manager import KernelManager

cells = json.load(open(sys.argv[1]))
km = KernelManager(kernel_name=sys.argv[2])
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
out = []
try:
    for code in cells:
        msg_id = kc.execute(code, allow_stdin=False, stop_on_error=True)
        iopub, reply, idle = [], None, False
        while reply is None or not idle:
            if not idle:
                m = kc.get_iopub_msg(timeout=30)
                if m["parent_header"].get("msg_id") != msg_id:
                    continue
                iopub.append({"msg_type": m["msg_type"], "content": m["content"]})
                idle = m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
            else:
                r = kc.get_shell_msg(timeout=30)
                if r["parent_header"].get("msg_id") == msg_id:
                    reply = {"msg_type": r["msg_type"], "content": r["content"]}
        if reply is None:
            reply = kc.get_shell_msg(timeout=30)
        out.append({"iopub": iopub, "reply": reply})
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
json.dump(out, sys.stdout)
