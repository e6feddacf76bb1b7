// SPDX-License-Identifier: Apache-2.0
// clients_slonik.js: Slonik 47 (npm slonik and its pg driver; 48 and later need Node 24) — its
// type-parser lookup on connect, sql tag value tokens (array, binary, date, timestamp, interval,
// json, jsonb, uuid, identifier, join, unnest), the query methods (one, maybeOne, many, any,
// oneFirst, anyFirst, exists), nested transactions as savepoints, stream, and its error
// classes by SQLSTATE — one line per step for test_clients.sh to compare.
// Usage: node clients_slonik.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const slonik = require('slonik');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const { sql } = slonik;
const target = process.argv[3];
const { step } = clients(target);

const plain = (r) => r && Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
	v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]));
// An error as Slonik's class and the server's fields it keeps.
const errOf = (e) => [e.constructor.name, e.cause && e.cause.code, e.constraint || null,
	e.table || null, e.column || null];

async function main() {
	const pool = await slonik.createPool(process.argv[2], { maximumPoolSize: 2 });
	const q = sql.unsafe;
	await step('connect', async () => pool.one(q`SELECT current_database() AS db, ${41}::int + 1 AS n`));
	await step('create', async () => (await pool.query(q`CREATE TABLE ev (id serial PRIMARY KEY,
		name text NOT NULL UNIQUE, n int4 CHECK (n >= 0), big int8, amount numeric(10,2),
		ratio float8, ok bool, day date, at timestamptz, ts timestamp, span interval, doc jsonb,
		j json, raw bytea, ref uuid, tags text[], nums int4[])`)).command);
	await step('insert tokens', async () => plain(await pool.one(q`INSERT INTO ev (name, n, big,
		amount, ratio, ok, day, at, ts, span, doc, j, raw, ref, tags, nums) VALUES (${'alpha'}, ${3},
		${'9007199254740993'}, ${'12.50'}, ${0.25}, ${true},
		${sql.date(new Date(Date.UTC(2024, 1, 29)))},
		${sql.timestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 250)))}, ${'2024-01-02 03:04:05'},
		${sql.interval({ days: 1, hours: 2 })}, ${sql.jsonb({ a: [1, null], q: "it's" })},
		${sql.json({ k: 'v' })}, ${sql.binary(Buffer.from([0, 1, 255]))},
		${sql.uuid('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')}, ${sql.array(['x', 'y z'], 'text')},
		${sql.array([1, 2, 3], 'int4')}) RETURNING *`)));
	await step('unnest insert', async () => pool.any(q`INSERT INTO ev (name, n, ok)
		SELECT * FROM ${sql.unnest([['beta', 1, false], ['gamma', 2, null]], ['text', 'int4', 'bool'])}
		RETURNING id, name, n, ok`));
	await step('one', async () => plain(await pool.one(q`SELECT * FROM ev WHERE name = ${'alpha'}`)));
	await step('maybeOne', async () => [await pool.maybeOne(q`SELECT id FROM ev WHERE name = ${'none'}`),
		await pool.maybeOne(q`SELECT id FROM ev WHERE name = ${'beta'}`)]);
	await step('one none', async () => pool.one(q`SELECT 1 FROM ev WHERE false`).catch(errOf));
	await step('one many', async () => pool.one(q`SELECT id FROM ev`).catch(errOf));
	await step('many', async () => pool.many(q`SELECT name FROM ev WHERE n > ${0} ORDER BY n`));
	await step('many none', async () => pool.many(q`SELECT 1 FROM ev WHERE false`).catch(errOf));
	await step('oneFirst', async () => pool.oneFirst(q`SELECT count(*) FROM ev`));
	await step('anyFirst', async () => pool.anyFirst(q`SELECT name FROM ev
		WHERE id = ANY(${sql.array([1, 3], 'int4')}) ORDER BY name`));
	await step('exists', async () => [await pool.exists(q`SELECT 1 FROM ev WHERE ok`),
		await pool.exists(q`SELECT 1 FROM ev WHERE n > 100`)]);
	await step('identifier and join', async () => pool.any(q`SELECT ${sql.join([
		sql.identifier(['ev', 'name']), sql.identifier(['n'])], sql.fragment`, `)}
		FROM ${sql.identifier(['ev'])} WHERE ${sql.join([q`n >= ${1}`, q`name <> ${'x'}`],
		sql.fragment` AND `)} ORDER BY 1`));
	await step('literal', async () => pool.oneFirst(q`SELECT ${sql.literalValue("it's")}::text`));
	await step('query', async () => {
		const r = await pool.query(q`UPDATE ev SET n = n + ${10} WHERE n IS NOT NULL`);
		return [r.command, r.rowCount, r.rows.length];
	});
	await step('types', async () => plain(await pool.one(q`SELECT 1::int2 AS i2, 2::int8 AS i8,
		1.5::numeric AS num, 2.5::float4 AS f4, 'NaN'::float8 AS nan, '2024-01-01'::date AS d,
		'2024-01-01 10:00'::timestamp AS ts, '2024-01-01 10:00+02'::timestamptz AS tz,
		'1 day 02:00'::interval AS iv, '{1,2}'::int8[] AS a8, NULL::text AS nul`)));
	await step('nested transaction', async () => {
		const r = await pool.transaction(async (t1) => {
			await t1.query(q`UPDATE ev SET n = 0 WHERE name = ${'beta'}`);
			const inner = await t1.transaction(async (t2) => {
				await t2.query(q`INSERT INTO ev (name) VALUES (${'alpha'})`);
			}).catch(errOf);
			return [inner, await t1.oneFirst(q`SELECT n FROM ev WHERE name = ${'beta'}`)];
		});
		return r;
	});
	await step('rolled back', async () => [await pool.transaction(async (t) => {
		await t.query(q`DELETE FROM ev`);
		await t.query(q`SELECT 1 / 0`);
	}).catch(errOf), await pool.oneFirst(q`SELECT count(*) FROM ev`)]);
	await step('stream', async () => {
		const rows = [];
		await pool.stream(q`SELECT id, name FROM ev ORDER BY id`, (s) => {
			s.on('data', (d) => rows.push(d.data || d));
		});
		return rows;
	});
	await step('errors', async () => {
		const out = [];
		for (const s of [q`INSERT INTO ev (name) VALUES ('alpha')`, q`INSERT INTO ev (name) VALUES (NULL)`,
			q`INSERT INTO ev (name, n) VALUES ('neg', -1)`, q`SELECT 'x'::int`, q`SELECT nope FROM ev`])
			out.push(await pool.query(s).then(() => 'ok', errOf));
		return out;
	});
	await step('foreign key', async () => {
		await pool.query(q`CREATE TABLE ev_child (id int PRIMARY KEY, ev_id int REFERENCES ev)`);
		return pool.query(q`INSERT INTO ev_child VALUES (1, 999)`).then(() => 'ok', errOf);
	});
	// pg_cancel_backend from the pool's other connection while this one sleeps
	await step('cancelled', async () => pool.connect(async (c) => {
		const pid = await c.oneFirst(q`SELECT pg_backend_pid()`);
		const sleeping = c.query(q`SELECT pg_sleep(5)`).then(() => 'ok', errOf);
		// cancel once the sleep is seen running: a cancel that reaches an idle backend is
		// ignored, so a fixed delay made the answer depend on the machine's load
		for (let i = 0; i < 200; i++) {
			await new Promise((r) => setTimeout(r, 25));
			const running = await pool.oneFirst(q`SELECT count(*)::int FROM pg_stat_activity
				WHERE pid = ${pid} AND state = 'active'`);
			if (running > 0) break;
		}
		const sent = await pool.oneFirst(q`SELECT pg_cancel_backend(${pid})`);
		return [sent, await sleeping];
	}));
	await step('drop', async () => (await pool.query(q`DROP TABLE ev_child, ev`)).command);
	await pool.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
