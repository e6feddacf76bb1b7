#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# clients_pgbouncer.sh: PgBouncer (Debian pgbouncer) in front of one server — session and
# transaction pools, SCRAM from the client to PgBouncer, SCRAM and md5 from PgBouncer to the
# server (the passwords in its auth_file, no auth_query), psql and pgbench (-S, extended protocol, TPC-B)
# through it; on the server's side it sends the startup parameters, server_reset_query
# DISCARD ALL, server_check_query `select 1`. One line per step, for test_clients.sh to compare.
# Usage: clients_pgbouncer.sh SERVER_PORT pg|shardlite WORKDIR (PGPASSWORD is the password)
set -euo pipefail

SPORT=$1 TARGET=$2
W=$3/bouncer-$TARGET
mkdir -p "$W"
chmod 777 "$W"
. "$(dirname "$0")/free_port.sh"
BPORT=$(free_port "$SPORT")

# acme: a session pool of one server connection, so the second client gets the first one's
# connection after DISCARD ALL; acme_tx: a transaction pool of two; acme_bench: for pgbench -i.
cat >"$W/pgbouncer.ini" <<INI
[databases]
acme = host=127.0.0.1 port=$SPORT dbname=acme pool_size=1
acme_tx = host=127.0.0.1 port=$SPORT dbname=acme pool_size=2 pool_mode=transaction
acme_bench = host=127.0.0.1 port=$SPORT dbname=acme pool_size=4

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BPORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $W/userlist.txt
pool_mode = session
server_reset_query = DISCARD ALL
server_check_query = select 1
server_check_delay = 0
ignore_startup_parameters = extra_float_digits
logfile = $W/pgbouncer.log
pidfile = $W/pgbouncer.pid
INI
printf '"postgres" "%s"\n"legacy" "%s"\n' "$PGPASSWORD" "$PGPASSWORD" >"$W/userlist.txt"
chmod 644 "$W"/*

# PgBouncer will not run as root; -u switches to the postgres user after it starts.
user=()
if [[ $(id -u) -eq 0 ]]; then user=(-u postgres); fi
/usr/sbin/pgbouncer "${user[@]}" "$W/pgbouncer.ini" >"$W/stdout" 2>&1 &
BPID=$!
trap 'kill $BPID 2>/dev/null || true; wait $BPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
	psql -X -h 127.0.0.1 -p "$BPORT" -U postgres -c '' acme >/dev/null 2>&1 && break
	sleep 0.1
done

# q DB SQL...: psql through PgBouncer, unaligned; errors as "ERROR <sqlstate>".
q() {
	local db=$1
	shift
	local args=()
	for s in "$@"; do args+=(-c "$s"); done
	PGAPPNAME=${APP:-psql} psql -X -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate \
		-h 127.0.0.1 -p "$BPORT" -U "${AS:-postgres}" "${args[@]}" "$db" 2>&1 |
		sed -E 's/^(psql:[^ ]* )?ERROR: +([0-9A-Z]{5}).*/ERROR \2/' || true
}
step() { # NAME OUTPUT: one line
	echo "$1 $(tr '\n' '|' <<<"$2")"
}

step "connect" "$(q acme 'SELECT current_database(), current_user, pg_backend_pid() > 0')"
# a user whose server secret is md5: PgBouncer answers the server's md5 challenge
step "md5 user" "$(AS=legacy q acme_tx 'SELECT current_user, session_user')"
step "startup parameters" "$(APP=bouncer-app q acme 'SHOW application_name' 'SHOW client_encoding' \
	'SHOW DateStyle' 'SHOW TimeZone' 'SHOW standard_conforming_strings')"
step "session state" "$(q acme "SET statement_timeout = '5s'" 'PREPARE p AS SELECT 1' \
	'CREATE TEMP TABLE IF NOT EXISTS tmp_x (x int)' 'SHOW statement_timeout')"
# the pool's one connection again, after PgBouncer's DISCARD ALL
step "after DISCARD ALL" "$(q acme 'SHOW statement_timeout' 'SHOW application_name')"
step "prepared statement gone" "$(q acme 'EXECUTE p')"
step "ddl and rows" "$(q acme 'CREATE TABLE IF NOT EXISTS bt (id serial PRIMARY KEY, v text)' \
	"INSERT INTO bt (v) VALUES ('a'), ('b') RETURNING id" 'SELECT count(*) FROM bt')"
step "transaction pool" "$(q acme_tx 'BEGIN' "INSERT INTO bt (v) VALUES ('c')" \
	'SELECT count(*) FROM bt' 'ROLLBACK' 'SELECT count(*) FROM bt')"
step "error then next" "$(q acme_tx 'SELECT 1/0'; q acme_tx 'SELECT 2')"
step "set in transaction pool" "$(APP=tx-app q acme_tx 'SHOW application_name')"

# pgbench through PgBouncer: only the summary lines that do not depend on timing.
bench() {
	PGAPPNAME=pgbench pgbench -h 127.0.0.1 -p "$BPORT" -U postgres "$@" 2>&1 |
		grep -E '^(number of (transactions actually processed|failed transactions)|transaction type|query mode|number of clients)' ||
		true
}
step "pgbench -i" "$(PGAPPNAME=pgbench pgbench -i -q -s 1 -h 127.0.0.1 -p "$BPORT" -U postgres \
	acme_bench 2>&1 | grep -cE '^done' || true)"
step "pgbench -S transaction pool" "$(bench -n -S -c 4 -j 2 -t 50 acme_tx)"
step "pgbench -S extended" "$(bench -n -S -M extended -c 2 -t 25 acme_tx)"
step "pgbench tpcb transaction pool" "$(bench -n -c 4 -j 2 -t 25 acme_tx)"
step "tpcb balances" "$(q acme_tx 'SELECT count(*) FROM pgbench_history' \
	'SELECT (SELECT sum(abalance) FROM pgbench_accounts) = (SELECT sum(delta) FROM pgbench_history)' \
	'SELECT (SELECT sum(bbalance) FROM pgbench_branches) = (SELECT sum(delta) FROM pgbench_history)')"
step "pgbench session pool" "$(bench -n -S -c 3 -t 20 acme_bench)"

step "wrong password" "$(PGPASSWORD=nope psql -X -At -h 127.0.0.1 -p "$BPORT" -U postgres \
	-c 'SELECT 1' acme 2>&1 | sed -E 's/.*failed: //')"
q acme 'DROP TABLE bt' >/dev/null
# What PgBouncer had to say about the servers (its reset and check queries, the parameters
# it sets): the lines other than the wrong password's, with times and addresses cut off.
step "pgbouncer log" "$(grep -E 'WARNING|ERROR' "$W/pgbouncer.log" |
	grep -vE 'password authentication failed|SASL authentication failed' |
	sed -E 's/^[^]]*\] //; s/0x[0-9a-f]+/P/g; s/127\.0\.0\.1:[0-9]+/ADDR/g' || true)"
echo done
