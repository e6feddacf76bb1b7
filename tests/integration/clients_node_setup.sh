# SPDX-License-Identifier: Apache-2.0
# clients_node_setup.sh: sourced by test_clients.sh node|typeorm|drizzle|postgresjs|sequelize|knex|
# kysely|prisma|pgpromise|slonik|objection|mikroorm|postgraphile|graphileworker|nodestreams|
# atdatabases|typegen|massive|tspostgres. Installs pg, pg-copy-streams, typeorm,
# reflect-metadata, drizzle-orm, postgres (postgres.js), sequelize, knex, kysely, pg-promise,
# slonik and objection (prisma: Prisma 7's CLI, client, pg adapter and wasm schema engine, in
# NODE_DIR-prisma; mikroorm: MikroORM 6 in NODE_DIR-mikro-orm), pinned, in one npm call, into
# NODE_DIR (CLIENTS_NODE_DIR: meson sets a directory of the build tree) with npm's cache beside
# it, so a rerun needs no network; without the npm registry the test is skipped, saying why.
# shellcheck shell=bash
NODE_DIR=${CLIENTS_NODE_DIR:-$HERE/../../build/tests/integration/node}
NODE_PKGS=(pg@8.16.3 pg-copy-streams@7.0.0 typeorm@0.3.27 reflect-metadata@0.2.2 drizzle-orm@0.44.5
	postgres@3.4.9 sequelize@6.37.8 knex@3.3.0 kysely@0.28.18 pg-promise@12.7.1 slonik@47.0.0
	objection@3.1.5)
# Prisma has a directory of its own (an npm install there prunes what it was not asked for). Its
# install scripts only fetch native engines (binaries.prisma.sh): the test needs none of them.
if [[ ${CLIENT:-} == prisma ]]; then
	NODE_DIR=$NODE_DIR-prisma
	NODE_PKGS=(pg@8.16.3 prisma@7.10.1 @prisma/client@7.10.0 @prisma/adapter-pg@7.10.1
		@prisma/driver-adapter-utils@7.10.1
		@prisma/schema-engine-wasm@8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323)
fi
# MikroORM 6 (7 needs Node 22) pins a pg of its own (8.20.0): a directory of its own too.
if [[ ${CLIENT:-} == mikroorm ]]; then
	NODE_DIR=$NODE_DIR-mikro-orm
	NODE_PKGS=(@mikro-orm/core@6.6.16 @mikro-orm/postgresql@6.6.16 @mikro-orm/migrations@6.6.16)
fi
# drizzle-kit, node-pg-migrate and pg-boss (with pg-boss 10 beside 9 under the npm alias
# pg-boss10) share a directory of their own: node-pg-migrate 8 is an ES module (Node 20's
# require(esm) loads it) and drizzle-kit brings esbuild.
if [[ ${CLIENT:-} == drizzlekit || ${CLIENT:-} == nodepgmigrate || ${CLIENT:-} == pgboss ]]; then
	NODE_DIR=$NODE_DIR-tools
	NODE_PKGS=(pg@8.16.3 drizzle-orm@0.44.5 drizzle-kit@0.31.4 node-pg-migrate@8.0.4 pg-boss@9.0.3
		pg-boss10@npm:pg-boss@10.4.2)
fi
# PostGraphile 4 with graphql 15 (its peer), and kanel 4, in a directory of their own.
if [[ ${CLIENT:-} == postgraphile ]]; then
	NODE_DIR=$NODE_DIR-postgraphile
	NODE_PKGS=(pg@8.16.3 postgraphile@4.14.1 graphql@15.11.0 kanel@4.0.4)
fi
# graphile-worker 0.16 (0.18 needs Node 22) with its pg: a directory of its own.
if [[ ${CLIENT:-} == graphileworker ]]; then
	NODE_DIR=$NODE_DIR-graphile
	NODE_PKGS=(pg@8.16.3 graphile-worker@0.16.6)
fi
# The streaming add-ons of pg (pg-cursor, pg-query-stream, pg-copy-streams, pg-listen), the
# @databases family, pgtyped, zapatos, Massive.js (with its pg-promise 10), ts-postgres and
# postgres-migrations share a directory of their own.
if [[ ${CLIENT:-} == nodestreams || ${CLIENT:-} == atdatabases || ${CLIENT:-} == typegen ||
	${CLIENT:-} == massive || ${CLIENT:-} == tspostgres ]]; then
	NODE_DIR=$NODE_DIR-extra
	NODE_PKGS=(pg@8.16.3 pg-cursor@2.15.3 pg-query-stream@4.10.3 pg-copy-streams@7.0.0 pg-listen@1.7.0
		@databases/pg@6.1.0 @databases/pg-schema-introspect@5.0.0 @databases/pg-typed@4.4.1
		@pgtyped/query@2.4.2 @pgtyped/runtime@2.4.2 @pgtyped/parser@2.4.2 @pgtyped/wire@2.4.2
		zapatos@6.6.1 massive@6.11.3 ts-postgres@2.0.4 postgres-migrations@5.3.0)
fi
node_have() {
	local spec name ver
	for spec in "${NODE_PKGS[@]}"; do
		name=${spec%@*} ver=${spec##*@}
		name=${name%@npm:*} # an alias: name@npm:package@version
		[[ $(node -p "require('$NODE_DIR/node_modules/$name/package.json').version" 2>/dev/null) == "$ver" ]] ||
			return 1
	done
}
# The node client tests run side by side: one installs while the others wait on the lock, then
# find the packages there.
mkdir -p "$NODE_DIR"
exec {node_lock}>"$NODE_DIR.lock"
flock "$node_lock"
if ! node_have; then
	if ! (cd "$NODE_DIR" && timeout 300 npm install --no-audit --no-fund --no-save --cache "$NODE_DIR/.npm-cache" \
		--ignore-scripts --prefer-offline "${NODE_PKGS[@]}" >"$NODE_DIR/npm.log" 2>&1) || ! node_have; then
		echo "node: cannot install ${NODE_PKGS[*]} from the npm registry (log: $NODE_DIR/npm.log): skipped"
		tail -5 "$NODE_DIR/npm.log"
		exit 77
	fi
fi
flock -u "$node_lock"
