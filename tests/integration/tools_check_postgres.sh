# SPDX-License-Identifier: Apache-2.0
# tools_check_postgres.sh: sourced by test_tools.sh (TOOL check_postgres). check_postgres 2.25
# (Debian's check-postgres), the Nagios plugin, runs its actions that make sense without
# replication against shardlite and PostgreSQL 15 over the same schema: each answer must be a
# real one (no SQL error, nothing on stderr: a Perl warning would mean a NULL where it expects a
# value); where both servers measure the same thing the lines must be equal once what is
# measured differently (sizes, ages, counters, the version, the server's limits) is masked;
# same_schema compares the two servers, and two tenants. Known gaps (docs/clients.md) are
# asserted: shardlite must give exactly the recorded answer.

cp_schema() { # port, database
	psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" >/dev/null <<'EOF'
CREATE TABLE customers (id serial PRIMARY KEY, email text UNIQUE, name text);
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id int REFERENCES customers,
  amount numeric(10,2), at timestamptz DEFAULT now());
CREATE INDEX orders_at ON orders (at);
CREATE SEQUENCE tickets MAXVALUE 100;
SELECT setval('tickets', 91);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER orders_stamp BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE orders DISABLE TRIGGER orders_stamp;
INSERT INTO customers (email, name) SELECT 'c' || g || '@x.org', 'name ' || g FROM generate_series(1, 200) g;
INSERT INTO orders (customer_id, amount) SELECT 1 + g % 200, g * 1.5 FROM generate_series(1, 1000) g;
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
EOF
}

# cpg PORT ACTION [options...]: one action against shop; its line(s) on stdout, anything on
# stderr fails the test.
cpg() {
	local port=$1 action=$2
	shift 2
	check_postgres --no-check_postgresrc --host=127.0.0.1 --port="$port" --dbname=shop \
		--dbuser=postgres --action="$action" "$@" 2>"$DIR/cp.err" >"$DIR/cp.out" || true
	[[ -s $DIR/cp.err ]] && { cat "$DIR/cp.out" "$DIR/cp.err" >&2; fail "check_postgres $action ($port) wrote to stderr"; }
	grep -q '^ERROR' "$DIR/cp.out" && { cat "$DIR/cp.out" >&2; fail "check_postgres $action ($port): an error"; }
	cat "$DIR/cp.out"
}

# What legitimately differs, masked: the port, run time and performance data, byte sizes,
# ages in seconds, the statistics counters (SQLite keeps none), max_connections.
cp_mask() {
	sed -E 's/\(port=[0-9]+\)/(port=P)/; s/ \| .*$//; s/version 15\.[0-9]+/version 15/;
		s/ of [0-9]+ connections \([0-9]+%\)/ of MAX connections/;
		s/: [0-9]+ \([0-9.]+ [kMG]?B?(ytes)?\)/: SIZE/g; s/": [0-9.]+ [kMG]?B(ytes)?/": SIZE/;
		s/(longest (query|txn|idle in txn)|idle in transaction): [0-9]+s/\1: Ns/; s/PID:[0-9]+/PID:N/g; s/ port:[0-9]+/ port:N/g;
		s/(commits|rollbacks|read|hit|idxscan|idxtupread|idxtupfetch|idxblksread|idxblkshit|seqscan|seqtupread|ret|fetch|ins|upd|del):[0-9]+/\1:N/g'
}

cp_same() { # what, action and options: both servers' masked lines equal
	local what=$1
	shift
	cpg "$PPORT" "$@" | cp_mask >"$DIR/cp.pg"
	cpg "$SPORT" "$@" | cp_mask >"$DIR/cp.sl"
	same "check_postgres $what" "$DIR/cp.pg" "$DIR/cp.sl"
}

# gap N what expected-on-shardlite action...: shardlite's answer is the recorded one,
# PostgreSQL's is OK.
cp_gap() {
	local n=$1 what=$2 want=$3
	shift 3
	local got pg
	pg=$(cpg "$PPORT" "$@")
	got=$(cpg "$SPORT" "$@" | cp_mask)
	[[ $pg == POSTGRES_*' OK: '* ]] || fail "check_postgres $what: PostgreSQL's answer $pg"
	[[ $got == "$want" ]] || fail "check_postgres $what: UNEXPECTED (gap #$n fixed?) $got"
	echo "ok: check_postgres $what: known gap #$n"
}

# hold PORT SQL: a psql session beside the checks that runs SQL and then waits, reading a FIFO
# this script keeps open, until stop_held ends it (by PID): no sleep to outlast.
hold() {
	local fifo fd
	fifo=$(mktemp -u "$DIR/hold.XXXXXX")
	mkfifo "$fifo"
	psql -X -q -h 127.0.0.1 -p "$1" -U postgres -d shop <"$fifo" >/dev/null 2>&1 &
	held+=($!)
	exec {fd}>"$fifo"
	held_fds+=("$fd")
	printf '%s\n' "$2" >&"$fd"
}

stop_held() {
	kill "${held[@]}" 2>/dev/null || true
	wait "${held[@]}" 2>/dev/null || true
	local fd
	for fd in "${held_fds[@]}"; do exec {fd}>&-; done
	held=() held_fds=()
}

run_check_postgres() {
	local held=() held_fds=() # the sessions started beside the checks (hold)
	cp_schema "$SPORT" shop
	cp_schema "$PPORT" shop
	# PostgreSQL's autovacuum may analyze the new tables at any moment: now both are analyzed
	sl -c 'VACUUM ANALYZE customers, orders' && pg -c 'VACUUM ANALYZE customers, orders'

	cp_same "connection" connection
	grep -q ' version 15$' "$DIR/cp.sl" || fail "check_postgres connection: no version 15"
	cp_same "disabled_triggers (the one disabled: orders=>orders_stamp)" disabled_triggers
	cp_same "sequence (tickets 91% used, calls left=9)" sequence
	cpg "$SPORT" sequence | grep -q 'public.tickets=91%;85%;95% public.customers_id_seq=0%;85%;95% public.orders_id_seq=0%;85%;95%' ||
		fail "check_postgres sequence: performance data"
	cp_same "table_size" table_size --include=customers,orders --warning=1TB
	cp_same "relation_size" relation_size --include=customers,orders --warning=1TB
	cp_same "index_size" index_size --include=orders_at --warning=1TB
	cp_same "database_size" database_size --include=shop --warning=1TB
	cp_same "dbstats (counters masked: SQLite keeps none)" dbstats
	cpg "$SPORT" dbstats | grep -q '^backends:1 .* dbname:shop$' || fail "check_postgres dbstats"
	cp_same "backends" backends
	# bloat estimates from pg_class's pages and tuples and pg_stats, which differ in kind: a
	# real answer, no error, on both
	for port in "$PPORT" "$SPORT"; do
		cpg "$port" bloat --exclude='~^pg_' --exclude='~^information_schema' | grep -q '^POSTGRES_BLOAT OK:' ||
			fail "check_postgres bloat ($port)"
	done
	echo "ok: check_postgres bloat: answered on both"
	# settings_checksum: a checksum of pg_settings (different settings, so different sums);
	# given back as --critical, the same server is OK
	local sum
	for port in "$PPORT" "$SPORT"; do
		sum=$(cpg "$port" settings_checksum --critical=0 | sed -nE 's/.*checksum: ([0-9a-f]{32}).*/\1/p')
		[[ -n $sum ]] || fail "check_postgres settings_checksum ($port)"
		cpg "$port" settings_checksum --critical="$sum" | grep -q '^POSTGRES_SETTINGS_CHECKSUM OK:' ||
			fail "check_postgres settings_checksum --critical=$sum ($port)"
	done
	echo "ok: check_postgres settings_checksum"
	cp_same "fsm_pages (UNKNOWN on 8.4 and later, as on PostgreSQL 15)" fsm_pages
	cp_same "fsm_relations" fsm_relations
	cpg "$SPORT" version --warning=15.0 | grep -q '^POSTGRES_VERSION OK: .* version 15\.0 ' ||
		fail "check_postgres version"
	echo "ok: check_postgres version"

	# a session idle in a transaction (the longest transaction), and one running a query
	for port in "$PPORT" "$SPORT"; do hold "$port" 'BEGIN; SELECT 42 AS held;'; done
	sleep 1.5
	for port in "$PPORT" "$SPORT"; do hold "$port" 'SELECT pg_sleep(30);'; done
	sleep 2
	cp_same "query_time (a pg_sleep running)" query_time --warning=1s
	cp_same "txn_time" txn_time --warning=1s
	cp_same "txn_idle (the session idle in a transaction)" txn_idle --warning=1s
	grep -q '^POSTGRES_TXN_IDLE WARNING: .*longest idle in txn: Ns .*query:SELECT 42 AS held' "$DIR/cp.sl" ||
		fail "check_postgres txn_idle: no session idle in a transaction"
	stop_held

	# locks: an advisory lock held is counted on both, with the lock of the checking query on
	# pg_locks (AccessShareLock), which alone is there when no session holds one
	for port in "$PPORT" "$SPORT"; do hold "$port" 'SELECT pg_advisory_lock(7);'; done
	sleep 1.5
	cpg "$SPORT" locks | grep -q '^POSTGRES_LOCKS OK: .* total=2 ' || fail "check_postgres locks (an advisory lock held)"
	cpg "$PPORT" locks | grep -q '^POSTGRES_LOCKS OK: .* total=2 ' || fail "check_postgres locks on PostgreSQL"
	echo "ok: check_postgres locks: the advisory lock held"
	stop_held
	cp_same "locks with no lock held (the query's own)" locks
	# last_vacuum/last_analyze after the VACUUM ANALYZE above (catalog_vacstat.c): OK on both;
	# the table named and the time vary, so only the verdict is compared
	for a in last_vacuum last_analyze; do
		for port in "$PPORT" "$SPORT"; do
			cpg "$port" "$a" --include=customers,orders | grep -q "^POSTGRES_${a^^} OK: " ||
				fail "check_postgres $a after VACUUM ANALYZE (port $port): $(cpg "$port" "$a" --include=customers,orders)"
		done
		echo "ok: check_postgres $a after VACUUM ANALYZE"
	done

	# same_schema: two tenants of one shardlite made alike are the same; shardlite against
	# PostgreSQL for the objects a schema holds (not the built-in ones: functions, aggregates,
	# comments shardlite does not have), once the oracle's own attoptions are set aside
	cp_schema "$SPORT" shop2
	check_postgres --no-check_postgresrc --action=same_schema --dbhost=127.0.0.1 --dbport="$SPORT" \
		--dbname=shop,shop2 --dbuser=postgres >"$DIR/ss.sl" 2>&1 ||
		{ cat "$DIR/ss.sl" >&2; fail "check_postgres same_schema of two tenants"; }
	grep -q '^POSTGRES_SAME_SCHEMA OK:' "$DIR/ss.sl" || { cat "$DIR/ss.sl" >&2; fail "same_schema of two tenants"; }
	echo "ok: check_postgres same_schema: two tenants made alike are the same"
	check_postgres --no-check_postgresrc --action=same_schema --dbhost=127.0.0.1,127.0.0.1 \
		--dbport="$PPORT,$SPORT" --dbname=shop --dbuser=postgres \
		--object=schema,language,type,table,view,sequence,index,trigger,constraint,column,function \
		>"$DIR/ss.both" 2>&1 || true
	grep -q '^ERROR\|line [0-9]' "$DIR/ss.both" && { cat "$DIR/ss.both" >&2; fail "same_schema: an error"; }
	# PostgreSQL 15 as built here stores an attoption pg_attver=N on every column (not
	# PostgreSQL's documented behaviour): those blocks say only that
	/usr/bin/python3 - "$DIR/ss.both" >"$DIR/ss.left" <<'EOF'
import re, sys
text = open(sys.argv[1]).read().split("\n")
out, i = [], 0
while i < len(text):
    if text[i].startswith("Column ") and i + 3 < len(text) and text[i + 1] == ' "attoptions" is different:' \
            and re.fullmatch(r"    Database 1: \{pg_attver=\d+\}", text[i + 2]) and text[i + 3] == "    Database 2: ":
        i += 4
        continue
    if not text[i].startswith(("POSTGRES_SAME_SCHEMA", "DB 1:", "DB 2:")) and text[i].strip():
        out.append(text[i])
    i += 1
print("\n".join(out))
EOF
	[[ ! -s $DIR/ss.left || $(tr -d '\n ' <"$DIR/ss.left") == "" ]] ||
		{ cat "$DIR/ss.both" >&2; fail "same_schema: shardlite and PostgreSQL differ"; }
	grep -q '^DB 1: Total objects: ' "$DIR/ss.both" || fail "same_schema: no objects compared"
	[[ $(grep -c 'Total objects: ' "$DIR/ss.both") == 2 && $(grep 'Total objects' "$DIR/ss.both" | cut -d: -f3 | sort -u | wc -l) == 1 ]] ||
		{ cat "$DIR/ss.both" >&2; fail "same_schema: different object counts"; }
	echo "ok: check_postgres same_schema: shardlite and PostgreSQL hold the same schema"
}
