// SPDX-License-Identifier: Apache-2.0
// clients_pgpromise.js: pg-promise 12 (npm pg-promise over its own pg) — its query formatting
// (indexed and named variables, :json, :csv, :name, :raw filters), the result methods (one,
// oneOrNone, many, any, none, result, multi), helpers (ColumnSet multi-row insert and update
// from VALUES), prepared and parameterized queries, tasks and nested transactions (savepoints),
// func/proc, errors, LISTEN on a direct connection — one line per step for test_clients.sh.
// Usage: node clients_pgpromise.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const pgPromise = require('pg-promise');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step } = clients(target);

// A row's values as JSON shows them the same on both servers (Dates as ISO, Buffers as hex).
const plain = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
	v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]));
const errOf = (e) => [e.code || e.name, e.constraint, e.table, e.column, e.position,
	e.received, e.message && e.code === undefined ? e.message : undefined];

async function main() {
	const pgp = pgPromise({ capSQL: true });
	const db = pgp({ connectionString: process.argv[2], max: 2 });
	await step('connect', async () => db.one('SELECT current_database() AS db, $1::int + 1 AS n', [41]));
	await step('create', async () => db.none(`CREATE TABLE prod (id serial PRIMARY KEY,
		name text NOT NULL UNIQUE, qty int4 DEFAULT 0, big int8, price numeric(10,2), ratio float8,
		ok boolean, day date, at timestamptz, meta jsonb, raw bytea, ref uuid, tags text[])`));
	const row = { name: 'apple', qty: 3, big: '9007199254740993', price: '1.50', ratio: 0.25,
		ok: true, day: '2024-02-29', at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 250)),
		meta: { a: [1, 2], q: "it's" }, raw: Buffer.from([0, 1, 255]),
		ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', tags: ['x', 'y z', 'it\'s'] };
	await step('insert named', async () => db.one(`INSERT INTO prod (name, qty, big, price, ratio,
		ok, day, at, meta, raw, ref, tags) VALUES (\${name}, \${qty}, \${big}, \${price}, \${ratio},
		\${ok}, \${day}, \${at}, \${meta:json}, \${raw}, \${ref}, \${tags}) RETURNING id, name`, row));
	await step('insert indexed', async () => db.one('INSERT INTO prod (name, qty, ok) VALUES ($1, $2, $3) RETURNING *',
		['pear', 7, false]).then(plain));
	const cs = new pgp.helpers.ColumnSet(['name', 'qty', { name: 'price', cast: 'numeric' }],
		{ table: 'prod' });
	await step('helpers insert', async () => db.many(pgp.helpers.insert([
		{ name: 'fig', qty: 1, price: '0.5' }, { name: 'kiwi', qty: 2, price: null }], cs) +
		' RETURNING id, name, price'));
	await step('helpers update', async () => db.result(pgp.helpers.update([
		{ id: 3, qty: 10 }, { id: 4, qty: 20 }], ['?id', 'qty'], 'prod') +
		' WHERE v.id = t.id').then((r) => [r.command, r.rowCount]));
	await step('select', async () => (await db.one('SELECT * FROM prod WHERE name = $1', 'apple')) &&
		plain(await db.one('SELECT * FROM prod WHERE name = $1', 'apple')));
	await step('csv and name', async () => db.any('SELECT $1:name, qty FROM $2:name WHERE id IN ($3:csv) ORDER BY id',
		['name', 'prod', [1, 3, 4]]));
	await step('raw and value', async () => db.one('SELECT $1:raw AS r, \'$2:value\' AS v, $3 AS s',
		['1 + 1', 'a\'b', 'x\'y']));
	await step('oneOrNone', async () => [await db.oneOrNone('SELECT id FROM prod WHERE name = $1', 'none'),
		await db.oneOrNone('SELECT id FROM prod WHERE name = $1', 'fig', (r) => r && r.id)]);
	await step('one with none', async () => db.one('SELECT 1 FROM prod WHERE false').catch(errOf));
	await step('one with many', async () => db.one('SELECT id FROM prod').catch(errOf));
	await step('many', async () => db.many('SELECT name FROM prod ORDER BY id DESC LIMIT 2'));
	await step('result', async () => db.result('UPDATE prod SET ok = NOT coalesce(ok, false) WHERE qty > $1', 1)
		.then((r) => [r.command, r.rowCount, r.rows.length, r.fields.length]));
	await step('multi', async () => db.multi('SELECT 1 AS a; SELECT name FROM prod WHERE id = $1; UPDATE prod SET qty = qty WHERE false',
		[2]));
	await step('prepared', async () => {
		const ps = new pgp.PreparedStatement({ name: 'find-prod', text: 'SELECT name, qty FROM prod WHERE id = $1' });
		const out = [];
		for (const id of [1, 2, 99]) {
			ps.values = [id];
			out.push(await db.oneOrNone(ps));
		}
		return out;
	});
	await step('parameterized', async () => db.any(new pgp.ParameterizedQuery({
		text: 'SELECT name FROM prod WHERE qty >= $1 AND name LIKE $2 ORDER BY name', values: [2, '%i%'] })));
	await step('func', async () => {
		await db.none(`CREATE FUNCTION prod_count(mn int) RETURNS bigint LANGUAGE sql AS
			'SELECT count(*) FROM prod WHERE qty >= mn'`);
		return db.func('prod_count', [2]);
	});
	await step('proc', async () => {
		await db.none(`CREATE PROCEDURE prod_bump(by int) LANGUAGE sql AS
			'UPDATE prod SET qty = qty + by'`);
		await db.proc('prod_bump', [1]);
		return db.any('SELECT qty FROM prod ORDER BY id');
	});
	await step('tx nested', async () => {
		const r = await db.tx(async (t) => {
			await t.none('UPDATE prod SET qty = qty + 1 WHERE id = 1');
			const inner = await t.tx((t2) => t2.none('INSERT INTO prod (name) VALUES ($1)', 'apple'))
				.catch((e) => e.code);
			const ok = await t.tx((t2) => t2.one('INSERT INTO prod (name) VALUES ($1) RETURNING id', 'plum'));
			return [inner, ok.id];
		});
		return [r, await db.one('SELECT qty FROM prod WHERE id = 1')];
	});
	await step('tx rolled back', async () => {
		const e = await db.tx(async (t) => {
			await t.none('DELETE FROM prod');
			await t.none('SELECT 1 / 0');
		}).catch((x) => x.code);
		return [e, await db.one('SELECT count(*)::int AS n FROM prod')];
	});
	await step('tx mode', async () => {
		const mode = new pgp.txMode.TransactionMode({ tiLevel: pgp.txMode.isolationLevel.serializable,
			readOnly: true });
		return db.tx({ mode }, (t) => t.none('DELETE FROM prod')).catch(errOf);
	});
	await step('task', async () => db.task(async (t) => [await t.one('SELECT count(*)::int AS n FROM prod'),
		await t.any('SELECT id FROM prod WHERE id < $1 ORDER BY id', 3)]));
	await step('errors', async () => {
		const out = [];
		for (const q of ['INSERT INTO prod (name) VALUES (NULL)', 'SELECT nope FROM prod',
			'SELECT * FROM nope', 'SELEC 1', 'SELECT \'x\'::int'])
			out.push(await db.none(q).catch(errOf));
		return out;
	});
	await step('as.format', async () => pgp.as.format('SELECT ${a}, ${b:json}, ${c:csv}',
		{ a: 'x', b: { y: 1 }, c: [1, 'z'] }));
	await step('listen', async () => {
		const sco = await db.connect({ direct: true });
		const got = [];
		try {
			sco.client.on('notification', (n) => got.push([n.channel, n.payload]));
			await sco.none('LISTEN $1:name', 'jobs');
			await db.none('NOTIFY jobs, $1', 'one');
			await db.any('SELECT pg_notify($1, $2)', ['jobs', 'two']);
			await sco.one('SELECT 1 AS x');
			await new Promise((r) => setTimeout(r, 200));
		} finally {
			await sco.done();
		}
		return got;
	});
	await step('drop', async () => db.none('DROP TABLE prod; DROP FUNCTION prod_count(int); DROP PROCEDURE prod_bump(int)'));
	await db.$pool.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
