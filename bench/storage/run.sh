#!/usr/bin/env bash
# Storage benchmark: upload + download of 100 notebooks of ~1 MB against one moto server,
# Quire vs papermill's S3 I/O (papermill_peer.py), with plain boto3 (boto3_peer.py) as a
# reference line, alternated, in one run.
# Usage: bench/storage/run.sh [runs] [concurrency...]   (after `make build-release`)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
shift || true
[ $# -gt 0 ] || set -- 1 8
.venv/bin/python bench/storage/measure.py .build/release/quire "$runs" "$@"
