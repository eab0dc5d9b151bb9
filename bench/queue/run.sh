#!/usr/bin/env bash
# Queue overhead benchmark (issue 8): per-run cost of claim + heartbeat + finish, the database work a
# worker does around every notebook, with RUNS queued runs and WORKERS concurrent workers, on a
# private PostgreSQL (Debian's, started here on a free port) and on SQLite for comparison.
# Each backend is measured twice: workers hammering the queue back to back (saturated: every
# operation also waits behind the others'), and workers that spend NOTEBOOK_MS (default 100) on each
# run between claim and finish, as real ones do. Each case runs the way `quire worker` works (a
# finish claims the worker's next run in the same statement), then with claim and finish as
# separate statements (`--separate`, the way before) on a fresh database, for comparison.
# Usage: bench/queue/run.sh [runs=1000] [workers=8]
#   (after `swift build -c release --product quire --static-swift-stdlib`; QUIRE=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
quire=${QUIRE:-.build/release/quire}
runs=${1:-1000}
workers=${2:-8}
. bench/postgres.sh
notebook=${NOTEBOOK_MS:-100}
n=0
for ms in 0 "$notebook"; do
    for mode in "" --separate; do
        n=$((n + 1))
        "${pg_as[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U quire "bench$n"
        echo "PostgreSQL $pgversion: $runs runs, $workers workers, notebook ${ms} ms ${mode:-(finish claims the next)}"
        "$quire" _bench-queue "${pgurl}$n" --runs "$runs" --workers "$workers" --notebook-ms "$ms" $mode
        echo "SQLite (WAL): $runs runs, $workers workers, notebook ${ms} ms ${mode:-(finish claims the next)}"
        rm -f "$pgdir"/bench.db*
        "$quire" _bench-queue "$pgdir/bench.db" --runs "$runs" --workers "$workers" --notebook-ms "$ms" $mode
    done
done
