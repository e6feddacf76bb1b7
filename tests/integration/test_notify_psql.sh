#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_notify_psql.sh: psql's LISTEN/NOTIFY messages against shardlite and a real PostgreSQL 15
# started here (pair.sh), compared byte for byte with the process ids masked: its own
# notifications with and without payload, in a transaction, rolled back, folded, pg_notify(),
# UNLISTEN, and the errors. Skips (77) without PostgreSQL 15.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pair.sh"
pair_start notify acme

SCRIPT="LISTEN jobs;
NOTIFY jobs, 'hello';
NOTIFY jobs;
BEGIN;
NOTIFY jobs, 'twice';
NOTIFY jobs, 'twice';
NOTIFY jobs, 'then';
COMMIT;
BEGIN;
NOTIFY jobs, 'rolled back';
ROLLBACK;
SELECT pg_notify('jobs', 'from pg_notify');
NOTIFY other, 'not listened to';
SELECT pg_notify('jobs', repeat('x', 8000));
SELECT pg_notify('', 'x');
UNLISTEN jobs;
NOTIFY jobs, 'after unlisten';
"

run() { psql -X -h 127.0.0.1 -p "$1" -U postgres -d acme 2>&1 <<<"$SCRIPT" |
	sed -E 's/server process with PID [0-9]+/server process with PID N/'; }
want=$(run "$PPORT")
got=$(run "$SPORT")
[[ "$got" == "$want" ]] || fail "psql differs (< PostgreSQL, > shardlite):
$(diff <(echo "$want") <(echo "$got"))"
grep -q 'Asynchronous notification "jobs" with payload "hello"' <<<"$got" ||
	fail "no notification printed: $got"
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "psql LISTEN/NOTIFY: same output as PostgreSQL 15"
