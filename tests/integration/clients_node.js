// SPDX-License-Identifier: Apache-2.0
// clients_node.js: node-postgres (npm pg, with pg-copy-streams) through what applications use —
// parameters of each type, named prepared queries, a transaction, pg's type parsers, COPY, an
// enum, LISTEN/NOTIFY —
// printed one line per step for test_clients.sh to compare with PostgreSQL 15.
// Usage: node clients_node.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const { Client, types } = require('pg');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');
const { pipeline } = require('stream/promises');
const { Readable, Writable } = require('stream');

const target = process.argv[3];
const verbose = !!process.env.CLIENTS_VERBOSE;
const client = new Client({ connectionString: process.argv[2] });

const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));

async function step(name, fn) {
	try {
		console.log(name, show(await fn()));
	} catch (e) {
		console.log(name, 'ERROR', e.code || e.message);
		if (verbose) console.log('   ', e.message);
		await client.query('ROLLBACK').catch(() => {});
	}
}

// A known difference: on shardlite fn must fail with SQLSTATE `code`; on PostgreSQL it must
// succeed. Both print the same line, so the test fails once shardlite behaves as PostgreSQL.
async function gap(name, fn, code) {
	let got = 'ok';
	try {
		await fn();
	} catch (e) {
		got = e.code || e.message;
		if (verbose) console.log('   ', e.message);
		await client.query('ROLLBACK').catch(() => {});
	}
	const want = target === 'shardlite' ? code : 'ok';
	console.log(name, got === want ? 'known gap' : `UNEXPECTED ${got}`);
}

// A known difference inside a step's output: on shardlite it must contain sl, replaced by
// PostgreSQL's pg; both print the same note (remove the entry once shardlite matches).
function known(out, gaps) {
	for (const [sl, pg, why] of gaps) {
		if (target === 'shardlite') {
			if (!out.includes(sl)) console.log('UNEXPECTED: no longer differs:', why);
			out = out.split(sl).join(pg);
		}
		console.log('known gap:', why);
	}
	return out;
}

async function stepKnown(name, fn, gaps) {
	await step(name, async () => JSON.parse(known(show(await fn()), gaps)));
}

const rows = async (text, values) => (await client.query(text, values)).rows;

async function main() {
	await client.connect();
	await step('server_version', async () => (await rows('SHOW server_version_num'))[0].server_version_num.slice(0, 2));
	await step('parameters', async () => [client.connectionParameters.database,
		(await rows("SELECT current_setting('TimeZone') AS tz"))[0].tz]);
	await step('create', async () => (await client.query(`CREATE TABLE t (id serial PRIMARY KEY,
		i int4, b int8, n numeric(10,3), f float8, s text, ok bool, d date, ts timestamp,
		tz timestamptz, j json, jb jsonb, by bytea, u uuid, ia int4[], ta text[])`)).command);
	const vals = [7, '9007199254740993', '3.140', 2.5, 'snow ☃', true, '2024-02-29',
		'2024-01-02 03:04:05.5', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 250)),
		JSON.stringify({ a: [1, 2] }), { z: 1, a: null }, Buffer.from([0, 1, 255]),
		'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'];
	await step('insert params', async () => rows(`INSERT INTO t (i, b, n, f, s, ok, d, ts, tz, j, jb, by, u)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`, vals));
	await step('insert nulls', async () => (await client.query(
		'INSERT INTO t (i, s, by) VALUES ($1, $2, $3)', [null, null, null])).rowCount);
	await step('array literals', async () => rows("INSERT INTO t (ia, ta) VALUES ('{1,2,3}', '{x,\"y z\",NULL}') RETURNING ia, ta"));
	// pg sends a JS array as an array literal string in a text parameter
	await step('array params', () => rows('INSERT INTO t (ia, ta) VALUES ($1, $2) RETURNING ia', [[4, 5], ['p', 'q']]));
	await step('default parsers', async () => {
		const r = await client.query('SELECT i, b, n, f, s, ok, d, ts, tz, j, jb, by, u, ia, ta FROM t ORDER BY id');
		return [r.rows.map((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? `buf:${v.toString('hex')}` : v))),
			r.fields.map((f) => f.dataTypeID)];
	});
	await step('typeof', async () => Object.values((await rows('SELECT * FROM t WHERE id = 1'))[0]).map((v) => typeof v));
	await step('custom parsers', async () => {
		types.setTypeParser(20, BigInt); // int8
		types.setTypeParser(1700, parseFloat); // numeric
		const r = await rows('SELECT b, n, b * 2 AS b2 FROM t WHERE id = 1');
		types.setTypeParser(20, (v) => v);
		types.setTypeParser(1700, (v) => v);
		return r;
	});
	await step('expressions', async () => rows(`SELECT $1::int + 1 AS a, $2::text || '!' AS b,
		$3::numeric * 2 AS c, $4::date + 1 AS d, $5::bool AS e, count(*) AS n FROM t WHERE i = $1 OR $1 IS NULL`,
	[7, 'hi', '1.25', '2024-12-31', 'yes']));
	await step('named prepared', async () => {
		const out = [];
		for (const i of [7, 8, 7]) {
			out.push((await client.query({ name: 'by_i', text: 'SELECT id, s FROM t WHERE i = $1', values: [i] })).rows);
		}
		return out;
	});
	await step('rowMode array', async () => (await client.query({ text: 'SELECT 1 AS a, 2 AS a', rowMode: 'array' })).rows);
	await step('transaction', async () => {
		await client.query('BEGIN');
		await client.query('INSERT INTO t (i) VALUES (100)');
		await client.query('SAVEPOINT sp');
		await client.query('INSERT INTO t (i) VALUES (101)');
		await client.query('ROLLBACK TO SAVEPOINT sp');
		await client.query('COMMIT');
		await client.query('BEGIN');
		await client.query('INSERT INTO t (i) VALUES (102)');
		await client.query('ROLLBACK');
		return rows('SELECT i FROM t WHERE i >= 100 ORDER BY i');
	});
	await step('failed transaction', async () => {
		const out = [];
		await client.query('BEGIN');
		for (const q of ['SELECT * FROM nosuch', 'SELECT 1']) {
			try {
				await client.query(q);
			} catch (e) {
				out.push(e.code);
			}
		}
		await client.query('ROLLBACK');
		return out;
	});
	await step('errors', async () => {
		const out = [];
		for (const q of ['INSERT INTO t (id) VALUES (1)', 'SELECT nosuch FROM t', 'SELEC 1', 'SELECT 1/0']) {
			try {
				await client.query(q);
			} catch (e) {
				out.push([e.code, e.severity, typeof e.position]);
			}
		}
		return out;
	});
	await step('copy', async () => {
		await client.query('CREATE TABLE c (a int, b text)');
		await pipeline(Readable.from(['1\tone\n2\t\\N\n', '3\tthree\n']), client.query(copyFrom('COPY c FROM STDIN')));
		const chunks = [];
		await pipeline(client.query(copyTo('COPY (SELECT * FROM c ORDER BY a) TO STDOUT WITH (FORMAT csv)')),
			new Writable({ write(chunk, enc, cb) { chunks.push(chunk); cb(); } }));
		return Buffer.concat(chunks).toString();
	});
	await step('multi statement', async () => (await client.query('SELECT 1 AS x; SELECT 2 AS y')).map((r) => r.rows));
	// an enum: created and used in one Query message, its labels as strings both ways, ordered
	// by the type's sort order; an array of it with pg's array parser registered for its OID
	await step('enum', async () => {
		await client.query(`CREATE TYPE size AS ENUM ('small', 'large');
			ALTER TYPE size ADD VALUE 'medium' BEFORE 'large';
			CREATE TABLE shirts (id int PRIMARY KEY, size size NOT NULL, sizes size[])`);
		await client.query('INSERT INTO shirts VALUES ($1, $2, $3), ($4, $5, $6)',
			[1, 'large', ['small', 'medium'], 2, 'small', null]);
		const oid = (await rows(`SELECT typarray FROM pg_type WHERE typname = 'size'`))[0].typarray;
		types.setTypeParser(oid, types.getTypeParser(1009));
		const bad = await client.query("INSERT INTO shirts (id, size) VALUES (3, 'huge')").catch((e) => e.code);
		return [await rows('SELECT id, size, sizes FROM shirts ORDER BY size DESC'),
			await rows('SELECT max(size) AS m FROM shirts WHERE size < $1', ['large']), bad];
	});
	// LISTEN/NOTIFY: a second connection's client.on('notification') hears what this one
	// commits (a NOTIFY rolled back is never heard), with this connection's process id
	await step('notification', async () => {
		const listener = new Client({ connectionString: process.argv[2] });
		await listener.connect();
		const heard = [];
		let done;
		const last = new Promise((resolve) => { done = resolve; });
		listener.on('notification', (m) => {
			heard.push([m.channel, m.payload, m.processId === client.processID]);
			if (m.payload === 'last') done();
		});
		await listener.query('LISTEN jobs');
		await client.query('BEGIN');
		await client.query("NOTIFY jobs, 'rolled back'");
		await client.query('ROLLBACK');
		await client.query('BEGIN');
		await client.query("NOTIFY jobs, 'one'");
		await client.query("SELECT pg_notify('jobs', $1)", ['two']);
		await client.query('COMMIT');
		await client.query("SELECT pg_notify('jobs', 'last')");
		await last;
		await listener.end();
		return heard;
	});
	await client.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
