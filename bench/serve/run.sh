#!/usr/bin/env bash
# quire serve benchmark (issue 6), Quire and its peer in one run:
#   1. throughput: N queued runs of a 1-cell notebook through `quire serve` (2 workers, warm pool)
#      vs the same N runs as `papermill` processes two at a time (xargs -P2);
#   2. submit → finished latency of a 1-cell run with a warm pool (p50, p99);
#   3. GET /api/v1/runs?limit=50 with 100 000 runs in the database under wrk (p99);
#   4. the web UI's /runs page (HTML) on the same database under wrk (p99, issue 7).
# BENCH_LIST_ONLY=COUNT runs only 3 and 4, on COUNT seeded runs.
# Usage: bench/serve/run.sh [runs=200] [latency-samples=50]
#   (after `swift build -c release --product quire --static-swift-stdlib`; QUIRE=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "installing wrk (Debian package)" >&2; apt-get install -y -qq wrk >/dev/null; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
VIRTUAL_ENV="$PWD/.venv" .venv/bin/python bench/serve/measure.py "${QUIRE:-.build/release/quire}" "$out" "${1:-200}" "${2:-50}"
