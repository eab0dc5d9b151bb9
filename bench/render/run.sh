#!/usr/bin/env bash
# Render benchmark: a ~20 MB notebook (streams, PNGs, HTML tables, JSON, errors) to HTML,
# `quire render` vs `jupyter nbconvert --to html`, in one run, alternating.
# Usage: bench/render/run.sh [runs]   (after `swift build -c release --product quire`; QUIRE=path overrides)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.venv/bin/python bench/format/make_notebook.py "$out/big.ipynb"
.venv/bin/python bench/render/measure.py "${QUIRE:-.build/release/quire}" "$out/big.ipynb" "$out" "${1:-3}"
