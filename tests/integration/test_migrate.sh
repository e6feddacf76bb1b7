#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_migrate.sh: tenant lifecycle — lazy migrations on first connect (also from eight clients
# at once), a data-dependent failing migration (55000 naming the file and statement, tenant
# untouched, other tenants fine), files added on SIGHUP, a tenant ahead of the files,
# `shardlite migrate --jobs 4` with its summary and exit status, auto_create = off,
# sessions whose tenant's migration waits for a write lock parking without holding a worker,
# and a client leaving after a reload without migrating its tenant.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-migrate-XXXXXX)
PORT=$((20000 + RANDOM % 20000))
MIG=$DIR/migrations
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; cat "$DIR/log" >&2 || true; exit 1; }

start() {
	"$BIN" --data-dir "$DIR/data" --listen '' --port "$PORT" --socket-dir "$DIR" \
		--set migrations_dir="$MIG" "$@" 2>>"$DIR/log" &
	PID=$!
	for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.$PORT" ]] && return; sleep 0.05; done
	fail "server did not start"
}
stop() {
	kill -TERM "$PID"
	wait "$PID" || fail "server exited non-zero after SIGTERM"
	PID=
}
reload() {
	kill -HUP "$PID"
	for _ in $(seq 100); do
		(($(grep -c 'configuration reloaded' "$DIR/log") > ${RELOADS:-0})) && break
		sleep 0.02
	done
	RELOADS=$(grep -c 'configuration reloaded' "$DIR/log")
}
q() { local t=$1; shift; psql -X -At -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -d "$t" "$@"; }
file_of() { find "$DIR/data/tenants" -name "$1.db"; }
version_of() { sqlite3 "$(file_of "$1")" "PRAGMA user_version"; }
# The startup error of a connection to tenant $1 as "SQLSTATE|message|detail", or "ok".
startup_error() {
	python3 - "$DIR/.s.PGSQL.$PORT" "$1" <<'EOF'
import socket, struct, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
p = b"user\0t\0database\0" + sys.argv[2].encode() + b"\0\0"
s.sendall(struct.pack("!II", len(p) + 8, 3 << 16) + p)
buf = b""
while True:
    c = s.recv(65536)
    if not c: break
    buf += c
    if buf[:1] == b"E" and len(buf) >= 5 and len(buf) >= 1 + struct.unpack("!I", buf[1:5])[0]: break
    if b"Z\0\0\0\x05" in buf: print("ok"); sys.exit(0)
f = {x[:1]: x[1:].decode() for x in buf[5:].split(b"\0") if x}
print("%s|%s|%s" % (f.get(b"C"), f.get(b"M"), f.get(b"D", "")))
EOF
}

mkdir -p "$MIG"
cat >"$MIG/0001_accounts.sql" <<'EOF'
-- the first version of every tenant
CREATE TABLE acct (id int NOT NULL, bal numeric(12,2) NOT NULL DEFAULT 0);
CREATE TABLE once (n int PRIMARY KEY);
INSERT INTO once VALUES (1);
EOF
echo "not a migration" >"$MIG/README.md"
start

# Lazy: a new tenant is created and migrated on its first connect.
[[ $(q alpha -c "SELECT count(*) FROM once") == 1 ]] || fail "alpha not migrated"
[[ $(version_of alpha) == 1 ]] || fail "alpha at version $(version_of alpha)"
[[ $(q alpha -c "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'acct'::regclass AND attname = 'bal'") == "numeric(12,2)" ]] ||
	fail "declared type lost in migration"
grep -q 'alpha: migrated from version 0 to 1' "$DIR/log" || fail "no migration log line for alpha"

# Eight clients at once on a new tenant: migrated exactly once, all connect.
pids=()
for i in $(seq 8); do (q beta -c "SELECT count(*) FROM once" >"$DIR/beta.$i" 2>&1) & pids+=($!); done
wait "${pids[@]}" || true
for i in $(seq 8); do [[ $(cat "$DIR/beta.$i") == 1 ]] || fail "client $i: $(cat "$DIR/beta.$i")"; done
[[ $(grep -c 'beta: migrated from version 0' "$DIR/log") == 1 ]] || fail "beta migrated twice"

# A migration that fails for one tenant's data only (duplicate ids block the primary key).
q alpha -c "INSERT INTO acct VALUES (1, 10), (2, 20)" >/dev/null
q beta -c "INSERT INTO acct VALUES (1, 10), (1, 11)" >/dev/null
cat >"$MIG/0002_key.sql" <<'EOF'
CREATE INDEX acct_bal ON acct (bal);

/* ids become unique */
ALTER TABLE acct
  ADD PRIMARY KEY (id);
EOF
reload
[[ $(q alpha -c "SELECT bal FROM acct WHERE id = 2") == "20.00" ]] || fail "alpha after SIGHUP"
[[ $(version_of alpha) == 2 ]] || fail "alpha not at version 2"
err=$(startup_error beta)
[[ $err == 55000\|*'migration "0002_key.sql" failed'* ]] || fail "beta: $err"
[[ $err == *'At line 4 (SQLSTATE 23505): ALTER TABLE acct ADD PRIMARY KEY (id)'* ]] ||
	fail "beta's error does not name the statement: $err"
[[ $(version_of beta) == 1 ]] || fail "beta's version changed"
sqlite3 "$(file_of beta)" "SELECT name FROM sqlite_schema WHERE name = 'acct_bal'" | grep -q . &&
	fail "beta's failed migration left an index behind"
[[ $(q gamma -c "SELECT count(*) FROM acct") == 0 ]] || fail "gamma (new) not migrated"
[[ $(startup_error alpha) == ok ]] || fail "alpha refused after beta failed"

# A file the translator refuses is named with its line; tenants behind get the same error.
printf 'CREATE TABLE t3 (a int);\nBEGIN;\n' >"$MIG/0003_txn.sql"
reload
grep -q 'migration 0003_txn.sql (line 2) cannot be used: BEGIN is not supported' "$DIR/log" ||
	fail "no load error for 0003_txn.sql"
err=$(startup_error alpha)
[[ $err == 55000\|*'0003_txn.sql'*'At line 2 (SQLSTATE 0A000): BEGIN'* ]] || fail "alpha with 0003: $err"
rm "$MIG/0003_txn.sql"

# Ahead: without 0002 the server's newest version is 1, and alpha is at 2.
mv "$MIG/0002_key.sql" "$DIR/0002_key.sql"
reload
err=$(startup_error alpha)
[[ $err == 55000\|*'tenant "alpha" is at migration version 2, newer than the newest'* ]] ||
	fail "alpha ahead: $err"
mv "$DIR/0002_key.sql" "$MIG/0002_key.sql"
reload
[[ $(startup_error alpha) == ok ]] || fail "alpha after 0002 came back"

# shardlite migrate: many tenants, four jobs, one failure (beta), exit status 1.
for i in $(seq 30); do q "many$i" -c "SELECT 1" >/dev/null; done
# A deployment as operations.md describes it: add the file, reload, then migrate eagerly.
echo "ALTER TABLE acct ADD COLUMN note text;" >"$MIG/0003_note.sql"
reload
set +e
out=$("$BIN" migrate --data-dir "$DIR/data" --set migrations_dir="$MIG" --jobs 4 2>&1)
rc=$?
set -e
[[ $rc == 1 ]] || fail "migrate with a failure exited $rc: $out"
grep -q '^migrate: 33 tenants: 32 migrated, 1 failed, 0 already up to date$' <<<"$out" ||
	fail "migrate summary: $out"
grep -q '^beta: FAILED: migration "0002_key.sql" failed' <<<"$out" || fail "migrate: $out"
grep -q '^many7: migrated from version 2 to 3$' <<<"$out" || fail "migrate lines: $out"
[[ $(version_of many7) == 3 ]] || fail "many7 at $(version_of many7)"
# The server runs meanwhile: a migrated tenant answers with the new column.
q many7 -c "SELECT note FROM acct" >/dev/null || fail "many7 after migrate"

# Repair beta's data by hand; the next run migrates it and the rest are up to date. On a
# terminal the run draws a progress bar.
sqlite3 "$(file_of beta)" "DELETE FROM acct WHERE bal = 11"
out=$(script -qec "'$BIN' migrate --data-dir '$DIR/data' --set migrations_dir='$MIG' --jobs 4" /dev/null)
grep -q 'migrate: 33 tenants: 1 migrated, 0 failed, 32 already up to date' <<<"$out" ||
	fail "second migrate: $out"
grep -q '\[##############################\] 33/33' <<<"$out" || fail "no progress bar: $out"
[[ $(version_of beta) == 3 ]] || fail "beta not migrated by the second run"
"$BIN" migrate --data-dir "$DIR/data" >/dev/null 2>&1 && fail "migrate without migrations_dir"
set +e
msg=$("$BIN" migrate --data-dir "$DIR/data" --set migrations_dir="$MIG" --jobs 0 2>&1)
rc=$?
set -e
[[ $rc == 2 && $msg == *'--jobs must be a number from 1 to 256'* ]] || fail "--jobs 0: $rc $msg"
msg=$("$BIN" migrate --data-dir "$DIR/typo" --set migrations_dir="$MIG" 2>&1) && fail "typo: $msg"
grep -q 'data directory ".*/typo" does not exist' <<<"$msg" || fail "migrate typo: $msg"
[[ ! -e $DIR/typo ]] || fail "migrate created a data directory"

# auto_create = off: known tenants work, an unknown one is FATAL 3D000 and no file appears.
stop
start --set auto_create=off
[[ $(q alpha -c "SELECT count(*) FROM acct") == 2 ]] || fail "alpha with auto_create=off"
err=$(startup_error nosuch)
[[ $err == '3D000|tenant "nosuch" does not exist|' ]] || fail "auto_create=off: $err"
[[ -z $(file_of nosuch) ]] || fail "auto_create=off created a file"
stop

# A migration that meets the tenant's write lock parks its sessions instead of sleeping on a
# worker. With one worker thread: a client of alpha holds alpha's write lock in an open
# transaction, a new file is loaded, three new clients of alpha wait for the lock, and beta
# still answers at once (a waiter sleeping on the only worker would stall it for 30 s). Once
# the lock is let go, alpha is migrated once and the three clients get their answers.
start --set worker_threads=1
mkfifo "$DIR/hold"
q alpha <"$DIR/hold" >"$DIR/hold.out" 2>&1 &
HOLD=$!
exec 7>"$DIR/hold"
echo "BEGIN; INSERT INTO acct (id, bal) VALUES (9, 9); SELECT 'locked';" >&7
for _ in $(seq 100); do grep -q locked "$DIR/hold.out" && break; sleep 0.05; done
grep -q locked "$DIR/hold.out" || fail "holder: $(cat "$DIR/hold.out")"
# A client connected before the reload: its next query borrows a connection and waits too.
mkfifo "$DIR/ready"
q alpha <"$DIR/ready" >"$DIR/ready.out" 2>&1 7>&- &
READY=$!
exec 8>"$DIR/ready"
echo "SELECT 'before';" >&8
for _ in $(seq 100); do grep -q before "$DIR/ready.out" && break; sleep 0.05; done
echo "ALTER TABLE acct ADD COLUMN tag text;" >"$MIG/0004_tag.sql"
reload
echo "SELECT count(*) FROM acct;" >&8
pids=()
for i in 1 2 3; do (q alpha -c "SELECT count(*) FROM acct" >"$DIR/wait.$i" 2>&1) 7>&- 8>&- & pids+=($!); done
sleep 1
[[ $(cat "$DIR/ready.out") == before ]] || fail "connected client did not wait: $(cat "$DIR/ready.out")"
for i in 1 2 3; do
	kill -0 "${pids[$((i - 1))]}" 2>/dev/null || fail "alpha client $i did not wait: $(cat "$DIR/wait.$i")"
done
for i in 1 2 3; do
	[[ $(timeout 5 psql -X -At -h "$DIR" -p "$PORT" -d beta -c "SELECT $i") == "$i" ]] ||
		fail "beta stalled behind alpha's migration wait"
done
[[ $(version_of alpha) == 3 ]] || fail "alpha migrated under another's write lock"
echo "COMMIT;" >&7
exec 7>&-
wait "$HOLD" || fail "holder: $(cat "$DIR/hold.out")"
exec 8>&-
wait "$READY" || fail "connected client: $(cat "$DIR/ready.out")"
[[ $(tail -1 "$DIR/ready.out") == 3 ]] || fail "connected client: $(cat "$DIR/ready.out")"
wait "${pids[@]}" || true
for i in 1 2 3; do [[ $(cat "$DIR/wait.$i") == 3 ]] || fail "alpha client $i: $(cat "$DIR/wait.$i")"; done
[[ $(version_of alpha) == 4 ]] || fail "alpha at $(version_of alpha) after the lock was let go"
[[ $(grep -c 'alpha: migrated from version 3 to 4' "$DIR/log") == 1 ]] || fail "alpha migrated twice"
stop

# A client that leaves after a reload does not migrate its tenant on the way out: Terminate
# borrows no connection (it would open the tenant and run the new file for nobody).
start
mkfifo "$DIR/leave"
q gamma <"$DIR/leave" >"$DIR/leave.out" 2>&1 &
LEAVE=$!
exec 9>"$DIR/leave"
echo "SELECT 'in';" >&9
for _ in $(seq 100); do grep -q in "$DIR/leave.out" && break; sleep 0.05; done
[[ $(version_of gamma) == 4 ]] || fail "gamma at $(version_of gamma) after connecting"
echo "ALTER TABLE acct ADD COLUMN gone text;" >"$MIG/0005_gone.sql"
reload
exec 9>&-
wait "$LEAVE" || fail "leaving client: $(cat "$DIR/leave.out")"
stop
[[ $(version_of gamma) == 4 ]] || fail "gamma migrated by a leaving client"
grep -q 'gamma: migrated from version 4' "$DIR/log" && fail "gamma migrated by a leaving client"
rm "$MIG/0005_gone.sql"

# A migrations_dir that cannot be read stops the server from starting.
set +e
msg=$("$BIN" --data-dir "$DIR/data" --listen '' --socket-dir '' --set migrations_dir="$DIR/none" 2>&1)
rc=$?
set -e
[[ $rc != 0 ]] || fail "started without its migrations directory"
grep -q 'could not open migrations directory' <<<"$msg" || fail "unclear: $msg"
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "migrate integration: ok"
