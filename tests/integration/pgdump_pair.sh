# SPDX-License-Identifier: Apache-2.0
# pgdump_pair.sh: sourced by the pg_dump tests after pair.sh's pair_start: psql and pg_dump
# (PostgreSQL 15's) against shardlite (sl, dump_sl) and against the oracle (pg, dump_pg), each
# taking the database first; pgdump_need DB skips the test (77) when pg_dump cannot run.

export PGCONNECT_TIMEOUT=5
sl() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d "$db" "$@"; }
pg() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d "$db" "$@"; }
dump_sl() { local db=$1; shift; "$PGBIN/pg_dump" -h 127.0.0.1 -p "$SPORT" -U postgres "$@" "$db"; }
dump_pg() { local db=$1; shift; "$PGBIN/pg_dump" -h "$DIR" -p "$PPORT" -U postgres "$@" "$db"; }

# pg_dump reads pg_amop and pg_amproc (operator families' members) in its dependency query.
pgdump_need()
{
	if ! sl "$1" -c 'SELECT 1 FROM pg_amproc LIMIT 0' >/dev/null 2>&1; then
		echo "pg_amop/pg_amproc are not in this build: skipped"
		exit 77
	fi
}
