"""SigV4 vectors from botocore's own S3 signer, for NotebookStorageTests.

Reads a JSON list of requests on stdin; prints, for each, the canonical request, the string to sign,
the signature and the Authorization header that botocore's S3SigV4Auth computes for it.
Each request: method, endpoint (scheme://host[:port]), bucket, key (or null), query ([[name, value]]),
headers ([[name, value]]), body (text, UTF-8) or null, unsigned (bool), timestamp (YYYYMMDDTHHMMSSZ),
access_key, secret_key, token (or null), region.
"""
import json
import sys

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.utils import percent_encode

out = []
for case in json.load(sys.stdin):
    # The path as botocore's REST serializer builds it for a greedy key label: UTF-8,
    # percent-encoded except "/" and "~" (and the unreserved characters).
    url = case["endpoint"] + "/" + case["bucket"]
    if case["key"] is not None:
        url += "/" + percent_encode(case["key"], safe="/~")
    body = case["body"].encode("utf-8") if case["body"] is not None else b""
    request = AWSRequest(method=case["method"], url=url, headers=dict(case["headers"]),
                         params=[tuple(p) for p in case["query"]], data=body)
    request.context["timestamp"] = case["timestamp"]
    if case["unsigned"]:
        request.context["client_config"] = Config(s3={"payload_signing_enabled": False})
    creds = Credentials(case["access_key"], case["secret_key"], case["token"])
    auth = S3SigV4Auth(creds, "s3", case["region"])
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    sts = auth.string_to_sign(request, canonical)
    signature = auth.signature(sts, request)
    auth._inject_signature_to_request(request, signature)
    out.append({"canonical_request": canonical, "string_to_sign": sts, "signature": signature,
                "authorization": request.headers["Authorization"]})
json.dump(out, sys.stdout)
