"""bench/storage driver: upload + download of 100 notebooks of 1 MB against one moto server,
Quire vs papermill's S3 I/O (papermill_peer.py), alternated, in one run, with plain boto3
put_object/get_object (boto3_peer.py) as a reference line. Prints medians, ratios, and the CPU
each side used: the client process's own (user + system) and moto's during that client's run.

Usage: measure.py QUIRE_BINARY RUNS CONCURRENCY...
The moto server is $QUIRE_TEST_S3_ENDPOINT when set, otherwise one started here on a free port.
"""
import json
import os
import resource
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3
import nbformat

quire, runs, concurrencies = sys.argv[1], int(sys.argv[2]), [int(c) for c in sys.argv[3:]] or [1]
here = os.path.dirname(os.path.abspath(__file__))
venv_bin = os.path.dirname(sys.executable)

endpoint = os.environ.get("QUIRE_TEST_S3_ENDPOINT")
moto = None
if not endpoint:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    moto = subprocess.Popen([os.path.join(venv_bin, "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
            break
        except Exception:
            time.sleep(0.1)

env = dict(os.environ, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1",
           AWS_ENDPOINT_URL=endpoint)
env.pop("AWS_PROFILE", None)
folder = None
try:
    bucket = f"quire-bench-{os.getpid()}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="bench", aws_secret_access_key="bench")
    s3.create_bucket(Bucket=bucket)
    folder = tempfile.mkdtemp(prefix="quire-bench-storage-")
    # 100 valid notebooks of about 1 MB each: markdown, code, and stream outputs.
    for i in range(100):
        nb = nbformat.v4.new_notebook()
        for c in range(20):
            nb.cells.append(nbformat.v4.new_markdown_cell(f"## Section {c} — notebook {i} ✓"))
            cell = nbformat.v4.new_code_cell(f"print(data[{c}])", execution_count=c + 1)
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout",
                                                       text=f"row {c} ünïcode 日本 " * 2300 + "\n"))
            nb.cells.append(cell)
        nbformat.write(nb, os.path.join(folder, f"nb-{i:03d}.ipynb"))
    sizes = [os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder)]
    print(f"input: {len(sizes)} notebooks, {statistics.mean(sizes) / 1e6:.2f} MB each on average; "
          f"moto at {endpoint}; {runs} runs each")

    def server_cpu():
        # utime + stime of moto_server (fields 14 and 15 of /proc/PID/stat), when we started it.
        if not moto:
            return float("nan")
        with open(f"/proc/{moto.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def timed(cmd):
        before, server_before = resource.getrusage(resource.RUSAGE_CHILDREN), server_cpu()
        t = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t
        after, server_after = resource.getrusage(resource.RUSAGE_CHILDREN), server_cpu()
        if out.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {out.stderr}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["wall_s"] = wall
        r["client_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        r["server_cpu_s"] = server_after - server_before
        return r

    for conc in concurrencies:
        load_before = os.getloadavg()[0]
        results = {"quire": [], "papermill": [], "boto3": []}
        for run in range(runs):
            prefix = f"c{conc}/r{run}/"
            results["quire"].append(timed([quire, "_bench-storage", folder, f"s3://{bucket}/q/{prefix}",
                                           "--concurrency", str(conc)]))
            results["papermill"].append(timed([sys.executable, os.path.join(here, "papermill_peer.py"), folder,
                                               bucket, "p/" + prefix, str(conc)]))
            results["boto3"].append(timed([sys.executable, os.path.join(here, "boto3_peer.py"), folder, bucket,
                                           "b/" + prefix, str(conc)]))
        metrics = ("upload_s", "download_s", "wall_s", "client_cpu_s", "server_cpu_s")
        med = {k: {m: statistics.median(r[m] for r in v) for m in metrics} for k, v in results.items()}
        print(f"concurrency {conc} (1-min load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after):")
        for k in ("quire", "papermill", "boto3"):
            m = med[k]
            print(f"  {k:9} median upload {m['upload_s']:6.3f} s  download {m['download_s']:6.3f} s  "
                  f"transfer {m['upload_s'] + m['download_s']:6.3f} s  process wall {m['wall_s']:6.3f} s  "
                  f"cpu: client {m['client_cpu_s']:5.2f} s, moto {m['server_cpu_s']:5.2f} s")
        q = med["quire"]
        for peer, label in (("papermill", "target <= 0.5x"), ("boto3", "reference only")):
            b = med[peer]
            print(f"  ratio quire/{peer}: transfer "
                  f"{(q['upload_s'] + q['download_s']) / (b['upload_s'] + b['download_s']):.3f}x, "
                  f"process wall {q['wall_s'] / b['wall_s']:.3f}x ({label})")
finally:
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    if moto:
        moto.terminate()
        moto.wait()
