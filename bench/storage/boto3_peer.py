"""Reference line of bench/storage (not the target's peer, which is papermill_peer.py): plain boto3
put_object / get_object on one client, the least a Python S3 client can do per notebook (one
request each way; papermill's own S3 code makes three). Same work as `quire _bench-storage`:
upload every file of FOLDER to s3://BUCKET/PREFIX, download them all, CONCURRENCY at a time;
prints one JSON line."""
import json
import os
import sys
import time

from peer_transfers import upload_then_download

t_start = time.perf_counter()
import boto3  # noqa: E402  (import time is reported separately)

folder, bucket, prefix, concurrency = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
s3 = boto3.client("s3")  # endpoint, region and keys from the AWS_* environment, like Quire
t_ready = time.perf_counter()
names = sorted(os.listdir(folder))
files = [open(os.path.join(folder, n), "rb").read() for n in names]


def put(i):
    s3.put_object(Bucket=bucket, Key=prefix + names[i], Body=files[i])


def get(i):
    return s3.get_object(Bucket=bucket, Key=prefix + names[i])["Body"].read()


upload_s, download_s, back = upload_then_download(len(names), put, get, concurrency)
assert back == files, "downloaded bytes differ from the uploaded ones"
print(json.dumps({"upload_s": upload_s, "download_s": download_s, "files": len(names),
                  "bytes": sum(map(len, back)), "startup_s": t_ready - t_start}))
