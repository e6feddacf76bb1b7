#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_tls.sh: TLS and passwords with real clients over TCP — certificates made here with the
# openssl CLI (a private CA, a server certificate for localhost/127.0.0.1/*.db.example.com),
# psql with sslmode=require and verify-full, channel_binding=require (SCRAM-SHA-256-PLUS),
# ssl=require refusing plaintext, cleartext passwords only under TLS, the tenant from SNI, a
# large result and a large statement through TLS,
# plaintext injected behind an SSLRequest, and certificates and users reloaded on SIGHUP.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-tls-XXXXXX)
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; cat "$DIR/log" >&2 || true; exit 1; }
cd "$DIR"

# ---- certificates: a CA, a server certificate it signs, and a second CA for the reload ----
make_ca() { openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.crt" -days 2 \
	-subj "/CN=$1" 2>/dev/null; }
make_server() { # CA NAME
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$2.key" -out "$2.csr" -subj /CN=localhost \
		2>/dev/null
	printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:*.db.example.com\n' >ext
	openssl x509 -req -in "$2.csr" -CA "$1.crt" -CAkey "$1.key" -CAcreateserial -out "$2.crt" \
		-days 2 -extfile ext 2>/dev/null
}
make_client() { # CA NAME: a client certificate
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$2.key" \
		-out "$2.csr" -subj /CN=alice 2>/dev/null
	openssl x509 -req -in "$2.csr" -CA "$1.crt" -CAkey "$1.key" -CAcreateserial \
		-out "$2.crt" -days 2 2>/dev/null
	chmod 600 "$2.key"
}
make_ca ca1
make_ca ca2
make_server ca1 s1
make_server ca2 s2
make_client ca1 c1
make_client ca2 c2
cp s1.crt server.crt
cp s1.key server.key
chmod 600 server.key

# ---- users: alice (SCRAM, tenants acme and team-*), bob (md5, every tenant) ----
alice=$(echo pencil | "$BIN" passwd alice)
bob=$(echo crayon | "$BIN" passwd --md5 bob)
[[ $alice == SCRAM-SHA-256\$4096:* ]] || fail "passwd printed: $alice"
printf 'alice %s acme,team-*\nbob %s *\n' "$alice" "$bob" >users

. "$(dirname "$0")/free_port.sh"
PORT=$(free_port)
cat >shardlite.conf <<CONF
data_dir = $DIR/data
listen_addresses = 127.0.0.1
port = $PORT
unix_socket_dir = $DIR
ssl = on
ssl_cert_file = $DIR/server.crt
ssl_key_file = $DIR/server.key
sni_base_domain = db.example.com
users_file = $DIR/users

[auth]
loopback = scram-sha-256
CONF
"$BIN" --config shardlite.conf 2>"$DIR/log" &
PID=$!
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.$PORT" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.$PORT" ]] || fail "server did not start"

export PGCONNECT_TIMEOUT=5
q() { # CONNINFO SQL: prints the result, or the error
	psql -X -At "port=$PORT $1" -c "$2" 2>&1
}
expect() { # CONNINFO SQL WANTED-SUBSTRING
	local out
	out=$(q "$1" "$2" || true)
	grep -qF -- "$3" <<<"$out" || fail "[$1] $2: expected '$3', got: $out"
}

# sslmode=require: encrypted, SCRAM over TLS.
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" \
	"SELECT 'tls-ok'" "tls-ok"
out=$(psql -X "port=$PORT host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" \
	-c '\conninfo' 2>&1) || fail "conninfo: $out"
grep -q 'SSL connection (protocol: TLSv1.[23]' <<<"$out" || fail "not encrypted: $out"

# verify-full against our CA, by name and by IP address; channel binding to the certificate.
expect "host=localhost user=alice password=pencil dbname=acme sslmode=verify-full sslrootcert=ca1.crt channel_binding=require" \
	"SELECT 'verified'" "verified"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=verify-full sslrootcert=ca1.crt" \
	"SELECT 'by-ip'" "by-ip"
expect "host=localhost user=alice password=pencil dbname=acme sslmode=verify-full sslrootcert=ca2.crt" \
	"SELECT 1" "certificate verify failed"
# Without TLS there is nothing to bind to: libpq refuses, as against PostgreSQL.
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=disable channel_binding=require" \
	"SELECT 1" "channel binding"

# Wrong password, unknown user: the same FATAL; a forbidden tenant: 28000, never created.
expect "host=127.0.0.1 user=alice password=wrong dbname=acme sslmode=require" "SELECT 1" \
	'password authentication failed for user "alice"'
expect "host=127.0.0.1 user=mallory password=wrong dbname=acme sslmode=require" "SELECT 1" \
	'password authentication failed for user "mallory"'
expect "host=127.0.0.1 user=alice password=pencil dbname=secret sslmode=require" "SELECT 1" \
	'user "alice" may not connect to tenant "secret"'
[[ -z $(find data -name 'secret.db') ]] || fail "a forbidden tenant's file was created"
expect "host=127.0.0.1 user=alice password=pencil dbname=team-red sslmode=require" \
	"SELECT 'pattern'" "pattern"

# md5 secret under the scram-sha-256 rule cannot authenticate (as in PostgreSQL).
expect "host=127.0.0.1 user=bob password=crayon dbname=acme sslmode=require" "SELECT 1" \
	'password authentication failed for user "bob"'

# The tenant from the TLS server name: acme.db.example.com → tenant acme.
q "host=acme.db.example.com hostaddr=127.0.0.1 user=alice password=pencil dbname=whatever sslmode=verify-full sslrootcert=ca1.crt" \
	"CREATE TABLE sni_marker (x int)" >/dev/null || fail "SNI connection"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" \
	"SELECT count(*) FROM sni_marker" "0"
[[ -z $(find data -name 'whatever.db') ]] || fail "SNI tenant ignored: whatever.db exists"

# Through TLS: a result far larger than the session's 256 KiB and the socket's buffers (output
# backpressure on the OpenSSL bufferevent), and a 100 KB statement read across many records.
n=$(psql -X -At "port=$PORT host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" \
	-c "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000)
	    SELECT n, 'padding padding padding padding' FROM c" | wc -l) || fail "big TLS result"
[[ $n == 200000 ]] || fail "big TLS result: $n rows"
long=$(python3 -c "print(\"SELECT length('\" + 'x' * 100000 + \"')\")")
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" "$long" "100000"

# Plaintext behind an SSLRequest, in the same packet: refused before any handshake.
reply=$(python3 - "$PORT" <<'PY'
import socket, struct, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
startup = struct.pack("!II", 0, 196608) + b"user\0alice\0\0"
startup = struct.pack("!I", len(startup)) + startup[4:]
s.sendall(struct.pack("!II", 8, 80877103) + startup)
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
print(data[:1].decode(), "08P01" in data.decode("latin-1"), "unencrypted data" in data.decode("latin-1"))
PY
)
[[ $reply == "E True True" ]] || fail "injected bytes after SSLRequest: $reply"

# Reload on SIGHUP: a certificate from another CA, and a new user.
cp s2.crt server.crt
cp s2.key server.key
carol=$(echo chalk | "$BIN" passwd carol)
printf 'carol %s acme\n' "$carol" >>users
kill -HUP "$PID"
for _ in $(seq 50); do grep -q 'configuration reloaded' log && break; sleep 0.05; done
expect "host=localhost user=carol password=chalk dbname=acme sslmode=verify-full sslrootcert=ca2.crt" \
	"SELECT 'reloaded'" "reloaded"

# The Unix socket keeps trust by default.
n=$(psql -X -At -h "$DIR" -p "$PORT" -U alice -d acme -c "SELECT 'unix-trust'") || fail "unix"
[[ $n == unix-trust ]] || fail "unix socket: $n"
kill -TERM "$PID"
wait "$PID" || fail "server exited non-zero"
PID=

restart() {
	"$BIN" --config shardlite.conf 2>>"$DIR/log" &
	PID=$!
	for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.$PORT" ]] && break; sleep 0.05; done
}
stop() {
	kill -TERM "$PID"
	wait "$PID" || fail "server exited non-zero"
	PID=
}

# Cleartext passwords travel only under TLS. With ssl_ca_file, a client certificate is
# checked when presented (none is fine; one from another CA is not).
sed -i 's/^loopback = scram-sha-256$/loopback = password/' shardlite.conf
sed -i "s|^ssl_key_file = .*|&\nssl_ca_file = $DIR/ca1.crt|" shardlite.conf
restart
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require sslcert=c1.crt sslkey=c1.key" \
	"SELECT 'client-cert-ok'" "client-cert-ok"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require sslcert=c2.crt sslkey=c2.key" \
	"SELECT 1" "unknown ca"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=disable" "SELECT 1" \
	"password authentication needs an encrypted connection"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=require" \
	"SELECT 'cleartext-over-tls'" "cleartext-over-tls"
expect "host=127.0.0.1 user=bob password=crayon dbname=acme sslmode=require" \
	"SELECT 'md5-secret-cleartext'" "md5-secret-cleartext"
expect "host=127.0.0.1 user=bob password=crayon dbname=acme sslmode=require channel_binding=require" \
	"SELECT 1" "channel binding"
# The [auth] rules reload on SIGHUP (the file ends inside [auth]).
echo 'password_without_tls = on' >>shardlite.conf
kill -HUP "$PID"
for _ in $(seq 50); do [[ $(grep -c 'configuration reloaded' log) == 2 ]] && break; sleep 0.05; done
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=disable" \
	"SELECT 'cleartext-allowed'" "cleartext-allowed"
stop

# ssl = require refuses plaintext TCP with a clear FATAL.
sed -i 's/^ssl = on$/ssl = require/' shardlite.conf
restart
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=disable" "SELECT 1" \
	"this server accepts only encrypted connections"
expect "host=127.0.0.1 user=alice password=pencil dbname=acme sslmode=prefer" \
	"SELECT 'prefer-upgrades'" "prefer-upgrades"
stop
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "tls integration: ok"
