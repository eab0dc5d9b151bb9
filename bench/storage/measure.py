"""bench/storage driver: upload + download of 100 notebooks of 1 MB against one moto server,
Quire vs boto3 (papermill's S3 I/O), alternated, in one run. Prints medians and ratios.

Usage: measure.py QUIRE_BINARY RUNS CONCURRENCY...
The moto server is $QUIRE_TEST_S3_ENDPOINT when set, otherwise one started here on a free port.
"""
import json
import os
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

    def timed(cmd):
        t = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t
        if out.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {out.stderr}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["wall_s"] = wall
        return r

    for conc in concurrencies:
        results = {"quire": [], "boto3": []}
        for run in range(runs):
            prefix = f"c{conc}/r{run}/"
            results["quire"].append(timed([quire, "_bench-storage", folder, f"s3://{bucket}/q/{prefix}",
                                           "--concurrency", str(conc)]))
            results["boto3"].append(timed([sys.executable, os.path.join(here, "boto3_peer.py"), folder, bucket,
                                           "b/" + prefix, str(conc)]))
        med = {k: {m: statistics.median(r[m] for r in v) for m in ("upload_s", "download_s", "wall_s")}
               for k, v in results.items()}
        print(f"concurrency {conc}:")
        for k in ("quire", "boto3"):
            m = med[k]
            print(f"  {k:6} median upload {m['upload_s']:6.3f} s  download {m['download_s']:6.3f} s  "
                  f"transfer {m['upload_s'] + m['download_s']:6.3f} s  process wall {m['wall_s']:6.3f} s")
        q, b = med["quire"], med["boto3"]
        print(f"  ratio quire/boto3: transfer {(q['upload_s'] + q['download_s']) / (b['upload_s'] + b['download_s']):.3f}x, "
              f"process wall {q['wall_s'] / b['wall_s']:.3f}x (target <= 0.5x)")
finally:
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    if moto:
        moto.terminate()
        moto.wait()
