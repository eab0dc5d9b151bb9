/// The Python side of the fork server, written next to each fork server when it starts (no
/// package to install: it needs only the interpreter's own ipykernel). A Swift string so the
/// binary stays self-contained, wherever it is installed.
enum ForkServerScript {
    static let source = #"""
"""Quire's ipykernel fork server: imports ipykernel once, then forks one fresh kernel per request.

Started by Quire as `<python> [interpreter options] forkserver.py FD`, with the environment every
kernel it forks will have; FD is a Unix socket to Quire. Requests arrive on it as JSON lines,
replies and exit reports leave on it as JSON lines:
  {"op": "launch", "id": N, "module": M, "args": [...], "cwd": D, "env": {...}, "log": PATH,
   "files": [...]}   (the kernel's runtime files, then directories: removed if Quire dies)
      -> {"id": N, "pid": P} or {"id": N, "error": TEXT}
  {"op": "signal", "pid": P, "signal": S}   (only while P is an unreaped child: never a reused pid)
  <- {"exit": P, "status": WAITSTATUS}      when a kernel ended (its process group killed first)
End of file on FD means Quire is gone (even by SIGKILL) or done: every kernel's group is killed,
and the kernels' runtime files (connection files hold their keys) and this server's own are removed.
"""
import ctypes, json, os, select, signal, sys

PR_SET_NAME, PR_SET_PDEATHSIG = 15, 1
OWN_NAME = b"quire-forksrv"


def prctl(option, value):
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(option, ctypes.c_ulong(value) if isinstance(value, int) else value, 0, 0, 0)


def send(fd, obj):
    data = (json.dumps(obj) + "\n").encode()
    try:
        while data:
            data = data[os.write(fd, data):]
    except OSError:
        pass  # Quire is gone; the end of file on the next read ends the fork server


def main():
    request_fd = reply_fd = int(sys.argv[1])
    interpreter_name = os.path.basename(sys.executable)[:15].encode()
    before_imports = dict(os.environ)
    try:
        # The whole point: what every kernel would import at start-up is imported once, here.
        import ipykernel.kernelapp  # noqa: F401
        import ipykernel.ipkernel  # noqa: F401
        import ipykernel.zmqshell  # noqa: F401
        import runpy, random, traceback, atexit, threading  # noqa: F401
    except BaseException as e:
        send(reply_fd, {"error": f"importing ipykernel failed: {e!r}"})
        return 1
    # What IPKernelApp.initialize imports later (found by listing the modules a forked kernel still
    # imported); optional, as not every environment has debugpy or psutil.
    for name in ("ipykernel.debugger", "sqlite3", "pdb", "psutil", "faulthandler", "pydoc", "sysconfig",
                 "gzip", "mimetypes", "unicodedata"):
        try:
            __import__(name)
        except Exception:
            pass
    # Variables the imports set (ipykernel's debugger sets PYDEVD_USE_FRAME_EVAL): a kernel that
    # imported them itself would have them too.
    set_by_imports = {k: v for k, v in os.environ.items() if before_imports.get(k) != v}
    threads = len(os.listdir("/proc/self/task"))  # C threads too, not only Python's
    if threads != 1:
        # fork() keeps only the calling thread; a thread started at import time would be missing
        # (or hold a lock forever) in every kernel.
        send(reply_fd, {"error": f"{threads} threads after import; cannot fork safely"})
        return 1
    prctl(PR_SET_NAME, ctypes.c_char_p(OWN_NAME))
    wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children = set()
    files = {}
    buffered = b""
    safe_path = bool(getattr(sys.flags, "safe_path", False) or sys.flags.isolated)
    send(reply_fd, {"ready": os.getpid()})
    while True:
        try:
            readable, _, _ = select.select([request_fd, wake_r], [], [])
        except InterruptedError:
            readable = []
        if wake_r in readable:
            try:
                os.read(wake_r, 512)
            except BlockingIOError:
                pass
        for pid in reap(children, reply_fd):
            files.pop(pid, None)
        if request_fd not in readable:
            continue
        chunk = os.read(request_fd, 65536)
        if not chunk:
            break
        buffered += chunk
        while b"\n" in buffered:
            line, buffered = buffered.split(b"\n", 1)
            request = json.loads(line)
            if request["op"] == "launch":
                request["env"].update(set_by_imports)
                pid = launch(request, children, request_fd, interpreter_name, safe_path)
                if pid:
                    files[pid] = request.get("files", [])
            elif request["op"] == "signal" and request["pid"] in children:
                signal_group(request["pid"], request["signal"])
    for pid in children:
        signal_group(pid, signal.SIGKILL)
    for pid in children:
        os.waitpid(pid, 0)
    # Quire removes these itself when it shuts a kernel down; after a SIGKILL nobody else would.
    own = os.path.abspath(sys.argv[0])
    for path in [p for group in files.values() for p in group] + [own, os.path.dirname(own) + "/forkserver.log", os.path.dirname(own)]:
        try:
            os.unlink(path)
        except IsADirectoryError:
            try:
                os.rmdir(path)
            except OSError:
                pass
        except OSError:
            pass
    return 0


def signal_group(pid, sig):
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def reap(children, reply_fd):
    """Kills what a dead kernel left in its group while its zombie still holds the pid, then reaps.
    Returns the pids reaped."""
    reaped = []
    for pid in list(children):
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        if info is None or info.si_pid != pid:
            continue
        signal_group(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        children.discard(pid)
        reaped.append(pid)
        send(reply_fd, {"exit": pid, "status": status})
    return reaped


def launch(request, children, channel, interpreter_name, safe_path):
    reply_fd = channel
    if not os.path.isdir(request["cwd"]):
        send(reply_fd, {"id": request["id"], "error": f"no such directory: {request['cwd']}"})
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    zygote = os.getpid()
    try:
        pid = os.fork()
    except OSError as e:
        send(reply_fd, {"id": request["id"], "error": f"fork failed: {e}"})
        return None
    if pid:
        children.add(pid)
        send(reply_fd, {"id": request["id"], "pid": pid})
        return pid
    code = 70
    try:
        become_kernel(request, zygote, interpreter_name, safe_path)
        code = run_kernel(request)
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        os._exit(code)


def become_kernel(request, zygote, interpreter_name, safe_path):
    import random
    os.setsid()  # own process group: Quire's interrupts and kills reach the kernel's children too
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != zygote:  # the fork server died before the line above
        os._exit(70)
    prctl(PR_SET_NAME, ctypes.c_char_p(interpreter_name))
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    # Nothing of the fork server's (its socket to Quire, the wake-up pipe) stays open in a kernel.
    for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
        if fd > 2:
            try:
                os.close(fd)
            except OSError:
                pass
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # os.fork already reseeds `random` in the child; done again so no import-time seed survives
    # even if that hook changes.
    random.seed()
    sys.argv = [request["module"]] + request["args"]
    # As `python -m` does: the working directory first on sys.path (the launcher then removes it)
    # where this fork server's own directory was; neither is there under -I or -P.
    if not safe_path:
        sys.path[0] = os.getcwd()


def run_kernel(request):
    import atexit, runpy, traceback
    code = 0
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    return code


if __name__ == "__main__":
    sys.exit(main())
"""#
}
