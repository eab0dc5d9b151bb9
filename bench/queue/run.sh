#!/usr/bin/env bash
# Queue overhead benchmark (issue 8): per-run cost of claim + heartbeat + finish, the database work a
# worker does around every notebook, with RUNS queued runs and WORKERS concurrent workers, on a
# private PostgreSQL (Debian's, started here on a free port) and on SQLite for comparison.
# Usage: bench/queue/run.sh [runs=1000] [workers=8]
#   (after `swift build -c release --product quire --static-swift-stdlib`; QUIRE=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
quire=${QUIRE:-.build/release/quire}
runs=${1:-1000}
workers=${2:-8}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d)
cleanup() { "$pgbin/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
# initdb refuses to run as root: the cluster belongs to `postgres` then, as in the test set-up.
as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as[@]}" "$pgbin/initdb" -D "$dir/pg" -U quire --auth=trust >/dev/null
"${as[@]}" "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
"${as[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U quire bench
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'): $runs runs, $workers workers"
"$quire" _bench-queue "postgres://quire@127.0.0.1:$port/bench" --runs "$runs" --workers "$workers"
echo "SQLite (WAL): $runs runs, $workers workers"
"$quire" _bench-queue "$dir/bench.db" --runs "$runs" --workers "$workers"
