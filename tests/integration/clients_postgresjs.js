// SPDX-License-Identifier: Apache-2.0
// clients_postgresjs.js: postgres.js (npm postgres, porsager) — its array-type fetch on connect,
// tagged templates over the extended protocol (every common type as a parameter), pipelined
// queries, dynamic inserts and IN lists, sql.begin with savepoints, sql.unsafe, errors with
// SQLSTATE and detail, COPY streams — one line per step for test_clients.sh to compare.
// Usage: node clients_postgresjs.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const postgres = require('postgres');
const { Readable, Writable } = require('stream');
const { pipeline } = require('stream/promises');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step, gap } = clients(target);

// Result rows with the command tag and the column type OIDs postgres.js decoded them by.
const res = (r) => ({ command: r.command, count: r.count, rows: [...r],
	types: r.columns ? r.columns.map((c) => c.type) : [] });

async function main() {
	const notices = [];
	const sql = postgres(process.argv[2], { max: 1, onnotice: (n) => notices.push(n.message) });
	await step('connect', async () => (await sql`SELECT current_database() AS db,
		current_setting('TimeZone') AS tz`)[0]);
	await step('create', async () => res(await sql`CREATE TABLE items (id serial PRIMARY KEY,
		name text NOT NULL UNIQUE, qty int4, big int8, price numeric(10,2), ratio float8,
		ok boolean, day date, at timestamptz, ts timestamp, meta jsonb, raw bytea, ref uuid,
		tags text[], nums int4[])`));
	const row = { name: 'apple', qty: 3, big: '9007199254740993', price: '1.50', ratio: 0.25,
		ok: true, day: '2024-02-29', at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 250)),
		ts: '2024-01-02 03:04:05.5', meta: { a: [1, 2], b: null }, raw: Buffer.from([0, 1, 255]),
		ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', tags: ['x', 'y z'], nums: [1, 2, 3] };
	await step('insert object', async () => res(await sql`INSERT INTO items
		${sql(row, 'name', 'qty', 'big', 'price', 'ratio', 'ok', 'day', 'at', 'ts', 'meta', 'raw',
		'ref', 'tags', 'nums')} RETURNING id, name`));
	await step('insert params', async () => res(await sql`INSERT INTO items (name, qty, price, ok,
		meta, tags) VALUES (${'pear'}, ${7}, ${'2.25'}, ${false}, ${sql.json({ k: 'v' })},
		${sql.array(['a'])}) RETURNING *`));
	await step('insert many', async () => res(await sql`INSERT INTO items
		${sql([{ name: 'fig', qty: 1 }, { name: 'kiwi', qty: 2 }])} RETURNING id, qty`));
	await step('select types', async () => {
		const [r] = await sql`SELECT * FROM items WHERE name = ${'apple'}`;
		return Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() :
			Buffer.isBuffer(v) ? v.toString('hex') : v]);
	});
	await step('select nulls', async () => (await sql`SELECT qty, big, at, meta, raw
		FROM items WHERE name = 'fig'`)[0]);
	await step('in list', async () => res(await sql`SELECT name FROM items
		WHERE name IN ${sql(['fig', 'kiwi'])} ORDER BY name`));
	await step('any array', async () => res(await sql`SELECT name FROM items
		WHERE qty = ANY(${sql.array([1, 3], 23)}) ORDER BY name`));
	await step('expressions', async () => res(await sql`SELECT ${5}::int4 + 1 AS n,
		${'a'} || 'b' AS s, ${1.5}::numeric * 2 AS m, now() > ${new Date(0)} AS later,
		${true} AND NOT ${false} AS b`));
	await step('update', async () => res(await sql`UPDATE items SET ${sql({ qty: 10, ok: null },
		'qty', 'ok')} WHERE name = ${'pear'} RETURNING name, qty, ok`));
	// four queries written at once on one connection, their answers read in order
	await step('pipeline', async () => (await Promise.all([sql`SELECT 1 AS a`,
		sql`SELECT count(*)::int AS n FROM items`, sql`SELECT ${'x'}::text AS t`,
		sql`SELECT max(qty) AS m FROM items`])).map((r) => r[0]));
	await step('pipeline error', async () => Promise.allSettled([sql`SELECT 1 AS a`,
		sql`SELECT * FROM nosuch`, sql`SELECT 2 AS b`]).then((rs) => rs.map((r) =>
		(r.status === 'fulfilled' ? r.value[0] : r.reason.code))));
	await step('begin', async () => sql.begin(async (tx) => {
		await tx`INSERT INTO items (name) VALUES ('tx1')`;
		const [{ n }] = await tx`SELECT count(*)::int AS n FROM items`;
		return n;
	}));
	await step('savepoint', async () => sql.begin(async (tx) => {
		await tx`INSERT INTO items (name) VALUES ('sp1')`;
		await tx.savepoint(async (sp) => {
			await sp`INSERT INTO items (name) VALUES ('sp2')`;
			throw new Error('undo sp2');
		}).catch((e) => e.message);
		return (await tx`SELECT name FROM items WHERE name LIKE 'sp%'`).map((r) => r.name);
	}));
	await step('rollback', async () => {
		await sql.begin(async (tx) => {
			await tx`INSERT INTO items (name) VALUES ('gone')`;
			await tx`SELECT 1/0`;
		}).catch((e) => e.code);
		return (await sql`SELECT count(*)::int AS n FROM items WHERE name = 'gone'`)[0];
	});
	await step('unique violation', async () => sql`INSERT INTO items (name) VALUES ('fig')`
		.catch((e) => [e.code, e.constraint_name, e.table_name, e.detail]));
	await step('not null', async () => sql`INSERT INTO items (qty) VALUES (1)`
		.catch((e) => [e.code, e.column_name]));
	await step('syntax error', async () => sql`SELEC 1`.catch((e) => [e.code, e.position]));
	await step('unsafe', async () => res(await sql.unsafe('SELECT name, qty FROM items WHERE qty > $1 ORDER BY qty', [1])));
	await step('unsafe multi', async () => (await sql.unsafe(`CREATE TABLE notes (id int
		PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'a'), (2, 'b')`)).map((r) => r.command));
	await step('copy in', async () => {
		const w = await sql`COPY notes (id, body) FROM STDIN`.writable();
		await pipeline(Readable.from(['3\tc\n', '4\t\\N\n']), w);
		return (await sql`SELECT count(*)::int AS n FROM notes`)[0];
	});
	await step('copy out', async () => {
		let out = '';
		const r = await sql`COPY (SELECT * FROM notes ORDER BY id) TO STDOUT (FORMAT csv)`.readable();
		await pipeline(r, new Writable({ write(chunk, enc, cb) { out += chunk; cb(); } }));
		return out;
	});
	await step('cursor', async () => {
		const seen = [];
		await sql`SELECT id FROM notes ORDER BY id`.cursor(2, (rows) => { seen.push(rows.length); });
		return seen;
	});
	await step('drop if exists', async () => {
		await sql`DROP TABLE IF EXISTS nothere`;
		return notices;
	});
	await step('uuid-ossp', async () => {
		await sql`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`;
		return (await sql`SELECT uuid_generate_v5(uuid_ns_url(), ${'http://a/'}) AS v5,
			length(uuid_generate_v4()::text) AS n`)[0];
	});
	// LISTEN/NOTIFY: sql.listen's own connection hears sql.notify
	await step('listen notify', async () => {
		let heard;
		const got = new Promise((resolve) => { heard = resolve; });
		const l = await sql.listen('jobs', (payload) => heard(payload));
		await sql.notify('jobs', 'x');
		const payload = await got;
		await l.unlisten();
		return payload;
	});
	await sql.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
