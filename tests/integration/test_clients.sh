#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_clients.sh CLIENT: drives one real client family (psycopg2, psycopg3, asyncpg, sqlalchemy,
# django, jdbc, node, typeorm, drizzle, prisma, postgresjs, sequelize, knex, kysely, pg8000, ruby,
# perl, pgcli, activerecord, php, go, pgx, odbc, pgbouncer, sequel, peewee, rust, pgpromise,
# slonik, objection, mikroorm, alembic, dbic, sqlobject, doctrine, eloquent, adminer, drizzlekit,
# nodepgmigrate, pgboss, postgraphile, graphileworker, pony, databases, psycopgpool,
# hibernate, ibatis, pqxx, qtsql, rpostgresql, pandas, aiopg, nodestreams, atdatabases, typegen,
# massive, tspostgres, gorm, sqlx) against shardlite and against a real PostgreSQL 15 this script starts, and compares
# what the client prints on both. Known differences are asserted inside the client programs
# (their gap() helpers) and listed in docs/clients.md.
set -euo pipefail

CLIENT=${1:?usage: test_clients.sh psycopg2|psycopg3|asyncpg|sqlalchemy|django|jdbc|node|typeorm|drizzle|prisma|postgresjs|sequelize|knex|kysely|pg8000|ruby|perl|pgcli|activerecord|php|go|pgx|odbc|pgbouncer|sequel|peewee|rust|pgpromise|slonik|objection|mikroorm|alembic|dbic|sqlobject|doctrine|eloquent|adminer|drizzlekit|nodepgmigrate|pgboss|postgraphile|graphileworker|pony|databases|psycopgpool|hibernate|ibatis|pqxx|qtsql|rpostgresql|pandas|aiopg|nodestreams|atdatabases|typegen|massive|tspostgres|gorm|sqlx}
BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
# SHARDLITE_CLIENTS_CACHE (scripts/test sets it): one place for the drivers' builds and npm
# installs of every build directory, so the sanitizer step neither builds nor installs them again.
if [[ -n ${SHARDLITE_CLIENTS_CACHE:-} ]]; then
	CLIENTS_NODE_DIR=$SHARDLITE_CLIENTS_CACHE/node
	CLIENTS_GO_CACHE=$SHARDLITE_CLIENTS_CACHE/gocache
	CLIENTS_RUST_DIR=$SHARDLITE_CLIENTS_CACHE/rust
fi
PY=/usr/bin/python3
. "$HERE/pair.sh"
[[ -x "$PGBIN/postgres" ]] || { echo "PostgreSQL 15 not installed: skipped"; exit 77; }

# Each client's own requirement; a missing one skips with the package to install.
need_py() { $PY -c "import $1" 2>/dev/null || { echo "$CLIENT: $PY cannot import $1 (apt-get install $2): skipped"; exit 77; }; }
case $CLIENT in
psycopg2) need_py psycopg2 python3-psycopg2 ;;
psycopg3) need_py psycopg python3-psycopg ;;
asyncpg) need_py asyncpg python3-asyncpg ;;
pg8000) need_py pg8000 python3-pg8000 ;;
ruby) ruby -e 'require "pg"' 2>/dev/null || { echo "ruby: needs ruby and its pg gem (ruby-pg): skipped"; exit 77; } ;;
perl) perl -MDBD::Pg -e 1 2>/dev/null || { echo "perl: needs DBI and DBD::Pg (libdbd-pg-perl): skipped"; exit 77; } ;;
activerecord) ruby -e 'require "pg"; require "active_record"' 2>/dev/null ||
	{ echo "activerecord: needs ruby-pg and ruby-activerecord: skipped"; exit 77; } ;;
php) php -r 'exit(extension_loaded("pdo_pgsql") && extension_loaded("pgsql") ? 0 : 1);' 2>/dev/null ||
	{ echo "php: needs php-cli and php-pgsql (pdo_pgsql, pgsql): skipped"; exit 77; } ;;
doctrine | eloquent)
	php -r 'exit(extension_loaded("pdo_pgsql") ? 0 : 1);' 2>/dev/null ||
		{ echo "$CLIENT: needs php-cli and php-pgsql (pdo_pgsql): skipped"; exit 77; }
	[[ -f /usr/share/php/Doctrine/DBAL/autoload.php ]] ||
		{ echo "$CLIENT: needs php-doctrine-dbal: skipped"; exit 77; } ;;&
eloquent) [[ -f /usr/share/php/Illuminate/Database/autoload.php &&
	-f /usr/share/php/Illuminate/Pagination/autoload.php ]] ||
	{ echo "eloquent: needs php-illuminate-database and php-illuminate-pagination: skipped"; exit 77; } ;;
doctrine) ;;
adminer)
	[[ -f /usr/share/adminer/adminer.php ]] || { echo "adminer: needs adminer: skipped"; exit 77; }
	php -r 'exit(extension_loaded("pgsql") && extension_loaded("session") ? 0 : 1);' 2>/dev/null ||
		{ echo "adminer: needs php-cli and php-pgsql (pgsql): skipped"; exit 77; } ;;
odbc) need_py pyodbc python3-pyodbc
	odbcinst -q -d -n "PostgreSQL Unicode" >/dev/null 2>&1 ||
		{ echo "odbc: needs psqlODBC registered with unixODBC (odbc-postgresql unixodbc): skipped"; exit 77; } ;;
pgbouncer) [[ -x /usr/sbin/pgbouncer ]] || { echo "pgbouncer: needs pgbouncer: skipped"; exit 77; }
	# PgBouncer logs in to both servers with the passwords of its auth_file: method md5,
	# which takes SCRAM for a user whose secret is SCRAM (postgres) and md5 for one whose
	# secret is md5 (legacy): shardlite's users file here, PostgreSQL's roles below.
	export PGPASSWORD=bouncer-secret
	pair_prepare() {
		{
			echo "postgres $("$BIN" passwd postgres <<<"$PGPASSWORD") *"
			echo "legacy $("$BIN" passwd --md5 legacy <<<"$PGPASSWORD") *"
		} >"$DIR/users"
		PAIR_SHARDLITE_ARGS=(--set "users_file=$DIR/users" --set auth.loopback=md5)
	} ;;
sequel) ruby -e 'require "sequel"; require "sequel/adapters/postgres"
	exit(defined?(Sequel::Postgres::SEQUEL_PG_VERSION_INTEGER) ? 0 : 1)' 2>/dev/null ||
	{ echo "sequel: needs ruby-pg, ruby-sequel and ruby-sequel-pg: skipped"; exit 77; } ;;
peewee) need_py psycopg2 python3-psycopg2; need_py playhouse.reflection python3-peewee ;;
go | pgx)
	GOSRC=/usr/share/gocode/src/github.com
	if ! command -v go >/dev/null || [[ ! -d $GOSRC/lib/pq || ! -d $GOSRC/jackc/pgx/v4 ]]; then
		echo "$CLIENT: needs golang-go, golang-github-lib-pq-dev, golang-github-jackc-pgx-v4-dev: skipped"
		exit 77
	fi ;;
gorm | sqlx)
	GOSRC=/usr/share/gocode/src/github.com
	GOPKG=(golang-go golang-github-lib-pq-dev)
	GODIRS=("$GOSRC/lib/pq")
	if [[ $CLIENT == gorm ]]; then
		GOPKG+=(golang-github-jinzhu-gorm-dev)
		GODIRS+=("$GOSRC/jinzhu/gorm")
	else
		GOPKG+=(golang-github-jmoiron-sqlx-dev golang-github-jackc-pgx-v4-dev)
		GODIRS+=("$GOSRC/jmoiron/sqlx" "$GOSRC/jackc/pgx/v4/stdlib")
	fi
	for d in "${GODIRS[@]}"; do
		if ! command -v go >/dev/null || [[ ! -d $d ]]; then
			echo "$CLIENT: needs ${GOPKG[*]}: skipped"
			exit 77
		fi
	done ;;
rust)
	CRATES=/usr/share/cargo/registry
	if ! command -v cargo >/dev/null || [[ ! -d $(echo $CRATES/tokio-postgres-0.7.*) ]]; then
		echo "rust: needs cargo and rustc, and librust-tokio-postgres-dev: skipped"
		exit 77
	fi ;;
sqlalchemy) need_py psycopg2 python3-psycopg2; need_py sqlalchemy python3-sqlalchemy ;;
django) need_py psycopg2 python3-psycopg2; need_py django python3-django ;;
alembic) need_py psycopg2 python3-psycopg2; need_py alembic python3-alembic ;;
sqlobject) need_py psycopg2 python3-psycopg2; need_py sqlobject python3-sqlobject ;;
pony) need_py psycopg2 python3-psycopg2; need_py pony.orm python3-pony ;;
# aiopg imports async_timeout, which Debian's python3-aiopg does not depend on
databases) need_py asyncpg python3-asyncpg; need_py databases python3-databases
	need_py aiopg "python3-aiopg python3-async-timeout" ;;
psycopgpool) need_py psycopg python3-psycopg; need_py psycopg_pool python3-psycopg-pool ;;
pandas) need_py psycopg2 python3-psycopg2; need_py sqlalchemy python3-sqlalchemy
	need_py pandas python3-pandas ;;
aiopg) need_py aiopg "python3-aiopg python3-async-timeout"; need_py sqlalchemy python3-sqlalchemy ;;
qtsql) need_py PyQt5.QtSql python3-pyqt5.qtsql
	$PY -c 'from PyQt5.QtSql import QSqlDatabase; exit("QPSQL" not in QSqlDatabase.drivers())' 2>/dev/null ||
		{ echo "qtsql: Qt's QPSQL driver is not installed (apt-get install libqt5sql5-psql): skipped"; exit 77; } ;;
dbic) perl -MDBD::Pg -MDBIx::Class::Schema::Loader -e 1 2>/dev/null ||
	{ echo "dbic: needs libdbd-pg-perl, libdbix-class-perl, libdbix-class-schema-loader-perl: skipped"; exit 77; } ;;
pgcli) need_py pgcli.pgexecute pgcli ;;
jdbc)
	JAR=/usr/share/java/postgresql.jar
	if ! command -v javac >/dev/null || [[ ! -f $JAR ]]; then
		echo "jdbc: needs javac and $JAR (default-jdk-headless libpostgresql-jdbc-java): skipped"
		exit 77
	fi ;;
hibernate | ibatis)
	# Debian's jars: Hibernate 3.6 with its JPA 2.0 annotations and what it loads; iBATIS 2.3
	JAR=/usr/share/java/postgresql.jar
	J=/usr/share/java
	if [[ $CLIENT == hibernate ]]; then
		LIBS=(hibernate3 hibernate-commons-annotations geronimo-jpa_2.0_spec geronimo-jta-1.2-spec
			dom4j antlr commons-collections3 javassist slf4j-api slf4j-nop)
		PKG=libhibernate3-java
	else
		LIBS=(ibatis)
		PKG=libibatis-java
	fi
	for l in "${LIBS[@]}"; do
		[[ -f $J/$l.jar ]] || { echo "$CLIENT: needs javac and $J/$l.jar (default-jdk-headless $PKG libpostgresql-jdbc-java): skipped"; exit 77; }
		JAR=$JAR:$J/$l.jar
	done
	command -v javac >/dev/null ||
		{ echo "$CLIENT: needs javac (default-jdk-headless): skipped"; exit 77; } ;;
rpostgresql) Rscript -e 'suppressPackageStartupMessages(library(RPostgreSQL))' >/dev/null 2>&1 ||
	{ echo "rpostgresql: needs R and RPostgreSQL (r-cran-rpostgresql): skipped"; exit 77; } ;;
pqxx) { command -v g++ >/dev/null && pkg-config --exists libpqxx; } ||
	{ echo "pqxx: needs g++ and libpqxx 6 (g++ libpqxx-dev): skipped"; exit 77; } ;;
node | typeorm | drizzle | prisma | postgresjs | sequelize | knex | kysely | pgpromise | slonik | \
	objection | mikroorm | drizzlekit | nodepgmigrate | pgboss | postgraphile | graphileworker | \
	nodestreams | atdatabases | typegen | massive | tspostgres)
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		echo "$CLIENT: needs node and npm (nodejs, npm): skipped"
		exit 77
	fi ;;
*) echo "unknown client $CLIENT" >&2; exit 2 ;;
esac

pair_start clients acme TimeZone=UTC
export PGCONNECT_TIMEOUT=5 PGTZ=UTC
if [[ $CLIENT == pgbouncer ]]; then
	as_pg psql -X -q -h "$DIR" -p "$PPORT" -U postgres \
		-c "ALTER USER postgres PASSWORD '$PGPASSWORD'" -c "SET password_encryption = md5" \
		-c "CREATE ROLE legacy LOGIN PASSWORD '$PGPASSWORD'" postgres
	printf 'local all all trust\nhost all all 127.0.0.1/32 md5\n' >"$DIR/pg/pg_hba.conf"
	as_pg psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'SELECT pg_reload_conf()' postgres >/dev/null
fi

# run_client TARGET PORT: the client program against one server, its output on stdout.
run_client() {
	local target=$1 port=$2
	case $CLIENT in
	psycopg2) $PY "$HERE/clients_psycopg2.py" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	psycopg3) $PY "$HERE/clients_psycopg3.py" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	asyncpg) $PY "$HERE/clients_asyncpg.py" 127.0.0.1 "$port" "$target" ;;
	pg8000) $PY "$HERE/clients_pg8000.py" 127.0.0.1 "$port" "$target" ;;
	ruby) ruby "$HERE/clients_ruby.rb" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	perl) perl "$HERE/clients_perl.pl" "host=127.0.0.1;port=$port;dbname=acme" "$target" ;;
	sqlalchemy) $PY "$HERE/clients_sqlalchemy.py" "postgresql://postgres@127.0.0.1:$port/acme" "$target" ;;
	django) $PY "$HERE/clients_django.py" "$port" "$target" ;;
	alembic) $PY "$HERE/clients_alembic.py" "postgresql://postgres@127.0.0.1:$port/acme" "$target" ;;
	sqlobject) $PY "$HERE/clients_sqlobject.py" "$port" "$target" ;;
	pony | databases | pandas | aiopg) $PY "$HERE/clients_$CLIENT.py" "$port" "$target" ;;
	qtsql) QT_QPA_PLATFORM=offscreen $PY "$HERE/clients_qtsql.py" "$port" "$target" ;;
	psycopgpool) $PY "$HERE/clients_psycopgpool.py" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	dbic) perl "$HERE/clients_dbic.pl" "host=127.0.0.1;port=$port;dbname=acme" "$target" "$DIR/dbic-$target" ;;
	pgcli) $PY "$HERE/clients_pgcli.py" 127.0.0.1 "$port" acme ;;
	activerecord) ruby "$HERE/clients_activerecord.rb" 127.0.0.1 "$port" "$target" ;;
	php) php "$HERE/clients_php.php" 127.0.0.1 "$port" "$target" ;;
	doctrine | eloquent) php "$HERE/clients_$CLIENT.php" 127.0.0.1 "$port" "$target" ;;
	adminer) $PY "$HERE/clients_adminer.py" "http://127.0.0.1:$WEB_PORT/" 127.0.0.1 "$port" "$target" ;;
	odbc) $PY "$HERE/clients_odbc.py" "$port" "$target" ;;
	pgbouncer) bash "$HERE/clients_pgbouncer.sh" "$port" "$target" "$DIR" ;;
	sequel) ruby "$HERE/clients_sequel.rb" 127.0.0.1 "$port" "$target" ;;
	peewee) $PY "$HERE/clients_peewee.py" "$port" "$target" ;;
	rpostgresql) TZ=UTC Rscript "$HERE/clients_rpostgresql.R" "$port" "$target" ;;
	pqxx) "$DIR/clients_pqxx" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	go | pgx | gorm | sqlx) "$DIR/clients_$CLIENT" "postgres://postgres@127.0.0.1:$port/acme?sslmode=disable" "$target" ;;
	rust) "$RUST_DIR/target/debug/clients_rust" "host=127.0.0.1 port=$port user=postgres dbname=acme" "$target" ;;
	jdbc) java -cp "$JAR:$DIR" ClientsJdbc "jdbc:postgresql://127.0.0.1:$port/acme" "$target" ;;
	hibernate) java -cp "$JAR:$DIR" ClientsHibernate "jdbc:postgresql://127.0.0.1:$port/acme" "$target" ;;
	ibatis) java -cp "$JAR:$DIR" ClientsIbatis "jdbc:postgresql://127.0.0.1:$port/acme" "$target" ;;
	node) TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_node.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" ;;
	prisma) TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_prisma.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" "$DIR/prisma/schema.prisma" \
		"$DIR/prisma/gen" ;;
	typeorm | drizzle | postgresjs | sequelize | knex | kysely | pgpromise | slonik | objection | \
		nodepgmigrate | pgboss | postgraphile | graphileworker | nodestreams | atdatabases | typegen | massive)
		TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_$CLIENT.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" ;;
	drizzlekit) TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_drizzlekit.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" "$DIR/drizzlekit-$target" ;;
	tspostgres) TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_tspostgres.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" "$DIR/tspostgres-$target" ;;
	mikroorm) TZ=UTC NODE_PATH="$NODE_DIR/node_modules" node "$HERE/clients_mikroorm.js" \
		"postgresql://postgres@127.0.0.1:$port/acme" "$target" "$DIR/migrations-$target" ;;
	esac
}

case $CLIENT in
jdbc) javac -d "$DIR" "$HERE/ClientsJdbc.java" || fail "javac ClientsJdbc.java" ;;
hibernate) javac -nowarn -cp "$JAR" -d "$DIR" "$HERE/ClientsHibernate.java" || fail "javac ClientsHibernate.java" ;;
ibatis) javac -cp "$JAR" -d "$DIR" "$HERE/ClientsIbatis.java" || fail "javac ClientsIbatis.java" ;;
pqxx)
	# shellcheck disable=SC2046  # pkg-config's flags are words
	g++ -std=c++17 -O0 -Wall -o "$DIR/clients_pqxx" "$HERE/clients_pqxx.cxx" \
		$(pkg-config --cflags --libs libpqxx) || fail "g++ clients_pqxx.cxx" ;;
go | pgx | gorm | sqlx)
	# Offline, in GOPATH mode over Debian's packaged sources (no module proxy is reachable).
	gocache=${CLIENTS_GO_CACHE:-$DIR/gocache}
	mkdir -p "$gocache"
	GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$gocache GOFLAGS= GOTOOLCHAIN=local \
		go build -o "$DIR/clients_$CLIENT" "$HERE/clients_$CLIENT.go" ||
		fail "go build clients_$CLIENT.go" ;;
rust)
	# Offline over Debian's crates (a directory source replaces crates.io), in a project dir of
	# the build tree that keeps Cargo.lock and the target dir, so a rerun only relinks.
	RUST_DIR=${CLIENTS_RUST_DIR:-$DIR/rust}
	mkdir -p "$RUST_DIR/cargo-home"
	cp -p "$HERE/clients_rust.toml" "$RUST_DIR/Cargo.toml"
	cp -p "$HERE/clients_rust.rs" "$RUST_DIR/clients_rust.rs"
	printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "%s"\n[net]\noffline = true\n' \
		"$CRATES" >"$RUST_DIR/cargo-home/config.toml"
	exec {rust_lock}>"$RUST_DIR.lock"
	flock "$rust_lock"
	(cd "$RUST_DIR" && CARGO_HOME=$RUST_DIR/cargo-home CARGO_TARGET_DIR=$RUST_DIR/target \
		cargo build -q -j2 >"$RUST_DIR/build.log" 2>&1) || fail "cargo build clients_rust: $(cat "$RUST_DIR/build.log")"
	flock -u "$rust_lock" ;;
adminer)
	# Adminer's single-file build served by PHP's built-in web server (its router script, so
	# every request reaches it), its sessions in the test's dir; stopped by PID on exit.
	WEB_PORT=$(free_port)
	mkdir -p "$DIR/adminer-sessions"
	php -S "127.0.0.1:$WEB_PORT" -d "session.save_path=$DIR/adminer-sessions" \
		-d "upload_tmp_dir=$DIR/adminer-sessions" \
		/usr/share/adminer/adminer.php >"$DIR/adminer.log" 2>&1 &
	WEB_PID=$!
	trap 'kill "$WEB_PID" 2>/dev/null || true; wait "$WEB_PID" 2>/dev/null || true; pair_cleanup' EXIT
	for _ in $(seq 100); do
		$PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$WEB_PORT/')" \
			2>/dev/null && break
		sleep 0.1
	done ;;
node | typeorm | drizzle | prisma | postgresjs | sequelize | knex | kysely | pgpromise | slonik | \
	objection | mikroorm | drizzlekit | nodepgmigrate | pgboss | postgraphile | graphileworker | \
	nodestreams | atdatabases | typegen | massive | tspostgres)
	# shellcheck source=tests/integration/clients_node_setup.sh
	. "$HERE/clients_node_setup.sh" ;;&
prisma)
	# prisma generate: the client for clients_prisma.prisma (no engine binary is needed for it)
	mkdir -p "$DIR/prisma"
	cp "$HERE/clients_prisma.prisma" "$DIR/prisma/schema.prisma"
	ln -s "$NODE_DIR/node_modules" "$DIR/prisma/node_modules"
	(cd "$DIR/prisma" && PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_HIDE_UPDATE_MESSAGE=1 \
		CHECKPOINT_DISABLE=1 "$NODE_DIR/node_modules/.bin/prisma" generate --schema schema.prisma \
		>"$DIR/generate.log" 2>&1) || fail "prisma generate: $(cat "$DIR/generate.log")" ;;
esac

want=$(run_client pg "$PPORT" 2>&1) || fail "$CLIENT against PostgreSQL failed:
$want"
got=$(run_client shardlite "$SPORT" 2>&1) || fail "$CLIENT against shardlite failed:
$got"
grep -qx 'done' <<<"$got" || fail "$CLIENT did not finish:
$got"
[[ "$got" == "$want" ]] || fail "$CLIENT differs (< PostgreSQL, > shardlite):
$(diff <(echo "$want") <(echo "$got"))"
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "$CLIENT against shardlite and PostgreSQL 15: same answers ($(grep -c 'known gap' <<<"$got") known gaps)"
