#!/usr/bin/env bash
# Throughput scaling (issue 8): RUNS runs of a 1-cell notebook through `quire serve --workers 0` and
# 1, 2 and 4 `quire worker` processes (one notebook at a time each, warm pool of 1) on a private
# PostgreSQL; runs/min for each, and papermill -P2 on the same runs as the yardstick.
# Usage: bench/scale/run.sh [runs=100]
#   (after `swift build -c release --product quire --static-swift-stdlib`; QUIRE=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/postgres.sh
out=$(mktemp -d)
trap 'rm -rf "$out"; pg_cleanup' EXIT
VIRTUAL_ENV="$PWD/.venv" .venv/bin/python bench/scale/measure.py "${QUIRE:-.build/release/quire}" "$out" "$pgurl" "${1:-100}"
