"""The peer side of bench/storage: papermill's own S3 I/O, the code `papermill in.ipynb out.ipynb`
runs for s3:// paths (papermill.iorw.papermill_io.write/read → S3Handler → papermill.s3.S3:
`cp_string` = a PUT with an ACL through a boto3 resource; `read` = a HEAD for the size, a ranged GET
read in 1 MiB blocks, each decoded, the text split into lines and joined again). Same transfers as
`quire _bench-storage`: upload every file of FOLDER to s3://BUCKET/PREFIX, download them all,
CONCURRENCY at a time; prints one JSON line.

One change to papermill, which makes the peer faster, not slower: papermill 2.7.0's S3.cat decodes
each 1 MiB block on its own, and when a block ends inside a multi-byte UTF-8 character it fails
(`'' += bytes` → TypeError, swallowed), retries the HEAD + GET 100 times and raises a bare
Exception. 90 of the 100 benchmark notebooks hit that, so the peer reads each body in one block
(a larger `buffersize`), with the same requests."""
import functools
import json
import os
import sys
import time

from peer_transfers import upload_then_download

t_start = time.perf_counter()
from papermill.iorw import papermill_io  # noqa: E402  (import time is reported separately)
from papermill.s3 import S3  # noqa: E402

S3.cat = functools.partialmethod(S3.cat, buffersize=1 << 30)

folder, bucket, prefix, concurrency = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
S3()  # the session and resource papermill creates on first use; endpoint and keys from AWS_*
t_ready = time.perf_counter()
names = sorted(os.listdir(folder))
# papermill's writer is handed text (nbformat.writes), its reader returns text.
texts = [open(os.path.join(folder, n), encoding="utf-8").read() for n in names]


def put(i):
    papermill_io.write(texts[i], f"s3://{bucket}/{prefix}{names[i]}")


def get(i):
    return papermill_io.read(f"s3://{bucket}/{prefix}{names[i]}")


upload_s, download_s, back = upload_then_download(len(names), put, get, concurrency)
# papermill's line splitting drops the final newline; everything else must come back unchanged.
assert all(t.startswith(b) and t[len(b):] in ("", "\n") for b, t in zip(back, texts)), \
    "downloaded text differs from the uploaded"
print(json.dumps({"upload_s": upload_s, "download_s": download_s, "files": len(names),
                  "bytes": sum(len(b.encode()) for b in back), "startup_s": t_ready - t_start}))
