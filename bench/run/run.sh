#!/usr/bin/env bash
# quire run benchmark: papermill vs `quire run` on the three bench notebooks, in one run, alternating.
# Usage: bench/run/run.sh [runs]
#   (after `swift build -c release --product quire --static-swift-stdlib`; QUIRE=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared; [ -d "$shared" ] || shared=/work/shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
VIRTUAL_ENV="$PWD/.venv" .venv/bin/python bench/run/measure.py "${QUIRE:-.build/release/quire}" \
  "$shared/reference/papermill-vectors/bench_notebooks" "$out" "${1:-5}"
