// SPDX-License-Identifier: Apache-2.0
// clients_nodepgmigrate.js: node-pg-migrate (npm node-pg-migrate over pg) — its runner takes
// the migrations in clients_nodepgmigrate/ up, down one at a time and up again, under its
// advisory lock, recording them in its pgmigrations table; after each run the tenant's
// columns, indexes, constraints and types are printed, one line per step, for test_clients.sh
// to compare with PostgreSQL 15.
// Usage: node clients_nodepgmigrate.js URL pg|shardlite   (NODE_PATH names node_modules)
'use strict';
const path = require('path');
const { Client } = require('pg');
const { runner } = require('node-pg-migrate'); // an ES module: Node 20's require(esm)
const { clients } = require('./clients_common.js');

const url = process.argv[2];
const { step } = clients(process.argv[3]);
const LOCK = '7241865325823964'; // node-pg-migrate's advisory lock key

async function query(sql) {
	const c = new Client({ connectionString: url });
	await c.connect();
	try {
		return (await c.query(sql)).rows;
	} finally {
		await c.end();
	}
}

const migrate = (direction, count, more = {}) =>
	runner({ databaseUrl: url, dir: path.join(__dirname, 'clients_nodepgmigrate'),
		migrationsTable: 'pgmigrations', direction, count, log: () => {}, ...more })
		.then((ran) => ran.map((m) => m.name));

// What the migrations left: each on a line of its own.
async function schema(label) {
	await step(`${label} columns`, () => query(`SELECT table_name, column_name, data_type,
		udt_name, is_nullable, column_default, character_maximum_length
		FROM information_schema.columns WHERE table_schema = 'public'
		ORDER BY table_name, ordinal_position`));
	await step(`${label} indexes`, () => query(`SELECT tablename, indexname, indexdef FROM pg_indexes
		WHERE schemaname = 'public' ORDER BY indexname`));
	await step(`${label} constraints`, () => query(`SELECT conrelid::regclass::text AS t, conname,
		contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
		WHERE connamespace = 'public'::regnamespace ORDER BY conname`));
	await step(`${label} types`, () => query(`SELECT t.typname, array_agg(e.enumlabel
		ORDER BY e.enumsortorder)::text AS labels FROM pg_type t JOIN pg_enum e
		ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`));
	await step(`${label} recorded`, () => query(`SELECT id, name, run_on IS NOT NULL AS run
		FROM pgmigrations ORDER BY id`));
}

async function main() {
	await step('up', () => migrate('up', Infinity));
	await schema('up');
	await step('migrations table', () => query(`SELECT column_name, data_type, is_nullable
		FROM information_schema.columns WHERE table_name = 'pgmigrations'
		ORDER BY ordinal_position`));
	await step('rows', () => query(`SELECT a.name, a.mood, a.score, a.email, b.id, b.title,
		b.meta, length(a.ref::text) AS ref FROM authors a JOIN books b ON b.author_id = a.id`));
	await step('up again', () => migrate('up', Infinity));
	// another runner holds the lock: this one gives up
	const holder = new Client({ connectionString: url });
	await holder.connect();
	await holder.query(`SELECT pg_advisory_lock(${LOCK})`);
	await step('locked', () => migrate('down', 1).catch((e) => e.message));
	await holder.query(`SELECT pg_advisory_unlock(${LOCK})`);
	await holder.end();
	await step('down 1', () => migrate('down', 1));
	await schema('down 1');
	await step('down 2', () => migrate('down', 1));
	await schema('down 2');
	await step('up once', () => migrate('up', 1));
	await step('up rest', () => migrate('up', Infinity, { singleTransaction: true }));
	await schema('up 2');
	console.log('done');
}

main().catch((e) => {
	console.log('FATAL', e.code || '', e.message);
	process.exit(1);
});
