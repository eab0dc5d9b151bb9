#!/usr/bin/env bash
# Format benchmark: read + validate + write a ~20 MB notebook, Quire vs nbformat, in one run.
# Usage: bench/format/run.sh [runs]   (after `swift build -c release --product quire`)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.venv/bin/python bench/format/make_notebook.py "$out/big.ipynb"
.venv/bin/python bench/format/measure.py .build/release/quire "$out/big.ipynb" "$out" "${1:-5}"
