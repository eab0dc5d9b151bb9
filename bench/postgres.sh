# Sourced by benchmarks that need PostgreSQL: starts Debian's server on a free port in a private
# folder ($pgdir), sets $pgurl (database `bench`, user quire, trust auth on loopback) and stops it
# all on exit. Callers set their own EXIT trap after sourcing and call pg_cleanup from it.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d)
pg_cleanup() { "$pgbin/pg_ctl" -D "$pgdir/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap pg_cleanup EXIT
# initdb refuses to run as root: the cluster belongs to `postgres` then, as in the test set-up.
pg_as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; pg_as=(runuser -u postgres --); fi
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${pg_as[@]}" "$pgbin/initdb" -D "$pgdir/pg" -U quire --auth=trust >/dev/null
"${pg_as[@]}" "$pgbin/pg_ctl" -D "$pgdir/pg" -l "$pgdir/pg.log" -w \
    -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
"${pg_as[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U quire bench
pgurl="postgres://quire@127.0.0.1:$pgport/bench"
pgversion=$("$pgbin/postgres" --version | awk '{print $3}')
