// SPDX-License-Identifier: Apache-2.0
// clients_tspostgres.js: ts-postgres 2 (its own wire client, pipelined: every query is Parse
// and Describe of the statement, its parameters then encoded in binary by the types of the
// ParameterDescription, and the results asked for in binary; numeric, time and interval it
// neither encodes nor decodes, so those travel as text), its types both ways, prepared
// statements, iteration, a column streamed, LISTEN/NOTIFY and errors; then
// postgres-migrations 5 (over pg: its migrations table, an advisory lock, each migration file
// in its own transaction with its hash checked on the next run) — one line per step for
// test_clients.sh to compare.
// Usage: node clients_tspostgres.js URL pg|shardlite DIR   (NODE_PATH names the node_modules directory)
'use strict';
const fs = require('fs');
const path = require('path');
const { Writable } = require('stream');
const pg = require('pg');
const { connect, DataFormat } = require('ts-postgres');
const { migrate } = require('postgres-migrations');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const url = process.argv[2];
const target = process.argv[3];
const dir = process.argv[4];
const { step } = clients(target);

const show = (v) => (v instanceof Date ? v.toISOString() : typeof v === 'number' && !Number.isFinite(v) ? String(v) : Buffer.isBuffer(v) ? `buf:${v.toString('hex')}` :
	typeof v === 'bigint' ? `${v}n` : Array.isArray(v) ? v.map(show) : v);
const objs = (result) => result.rows.map((r) => Object.fromEntries(result.names.map((n, i) => [n, show(r[i])])));

async function tspostgres() {
	const u = new URL(url);
	const client = await connect({ host: u.hostname, port: Number(u.port), user: u.username,
		database: u.pathname.slice(1), bigints: true });
	await step('connect', async () => [client.parameters.get('server_encoding'), client.parameters.get('TimeZone'),
		client.transactionStatus]);
	await step('create', async () => (await client.query(`CREATE TABLE ev (id serial PRIMARY KEY, name text NOT NULL UNIQUE,
		small int2, n int4, big int8, ratio float4, f float8, amount numeric(12,3), ok bool, day date, at timestamptz,
		ts timestamp, t time, raw bytea, ref uuid, doc jsonb, j json, tags text[], nums int4[], bigs int8[], ch char(3),
		vc varchar(10), span interval)`)).status);
	// parameters typed by the server's ParameterDescription, sent in binary
	await step('insert binary params', async () => objs(await client.query(`INSERT INTO ev (name, small, n, big, ratio, f,
		amount, ok, day, at, ts, raw, ref, doc, j, tags, nums, bigs, ch, vc)
		VALUES ($1, $2, $3, $4, $5, $6, $7::text::numeric, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
		RETURNING id, name, small, n, big, ratio, f, ok, day, at, ts, raw, ref, doc, j, tags, nums, bigs, ch, vc`,
	['alpha', 7, -2147483648, 9007199254740993n, 0.5, 1e300, '12.345', true, new Date(Date.UTC(2024, 1, 29)),
		new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), new Date(Date.UTC(2024, 5, 6, 7, 8, 9)), Buffer.from([0, 1, 255]),
		'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', { a: [1, null], s: 'it\'s ☃' }, [1, 'two'], ['x', null, 'y z'],
		[1, 2, 3], [1n, -9007199254740993n], 'ab', 'hello'])));
	await step('insert nulls', async () => objs(await client.query(
		'INSERT INTO ev (name, n, doc, tags) VALUES ($1, $2, $3, $4) RETURNING id, n, doc, tags', ['beta', null, null, null])));
	await step('select binary', async () => objs(await client.query('SELECT *, amount::text AS amount_t FROM ev ORDER BY id')));
	await step('select text format', async () => objs(await client.query({ text: 'SELECT id, name, amount, at, tags FROM ev ORDER BY id',
		format: DataFormat.Text })));
	await step('expressions', async () => objs(await client.query(`SELECT $1::int + 1 AS a, $2::text || '!' AS b,
		($3::text::numeric * 2)::text AS c, $4::date + 1 AS d, $5::bool AS e, $6::float8 / 4 AS f,
		($7::text::interval * 2)::text AS g, '-0.000120'::numeric::text AS small, 1e20::numeric::text AS huge,
		'12:34:56.789'::time::text AS tm, '-Infinity'::float8 AS inf, 'NaN'::float4 AS nan`,
	[41, 'hi', '1.25', new Date(Date.UTC(2024, 11, 31)), true, 10, '1 hour'])));
	await step('result types', async () => {
		const r = await client.query('SELECT 1::int2 AS a, 2::int8 AS b, 1.5::float4 AS c, true AS d, NULL::text AS e, \'x\'::name AS f, 7::oid AS g');
		return [r.names, objs(r)];
	});
	await step('first and one', async () => [(await client.query('SELECT name FROM ev ORDER BY id').first()),
		await client.query('SELECT name FROM ev WHERE false').first(),
		await client.query('SELECT count(*) AS n FROM ev').one().then((x) => show(x.n))]);
	await step('iterate', async () => {
		const out = [];
		for await (const r of client.query('SELECT id, name FROM ev ORDER BY id'))
			out.push(r);
		return out;
	});
	await step('prepared', async () => {
		const stmt = await client.prepare('SELECT id, name FROM ev WHERE id = $1 OR name = $2');
		const out = [];
		for (const args of [[1, 'x'], [0, 'beta'], [99, 'none']])
			out.push(objs(await stmt.execute(args)));
		await stmt.close();
		return out;
	});
	await step('prepared insert', async () => {
		const stmt = await client.prepare('INSERT INTO ev (name, big, amount) VALUES ($1, $2, $3::text::numeric) RETURNING id, big, amount::text');
		const out = [];
		for (const [n, b, a] of [['g1', 1n, '1.5'], ['g2', -5n, '-0.001']])
			out.push(objs(await stmt.execute([n, b, a])));
		await stmt.close();
		return out;
	});
	await step('pipelined', async () => {
		const qs = [client.query('SELECT 1 AS a'), client.query('SELECT $1::text AS b', ['two']),
			client.query('SELECT count(*) AS c FROM ev'), client.query('UPDATE ev SET n = n WHERE false')];
		return (await Promise.all(qs)).map((r) => [r.status, objs(r)]);
	});
	await step('stream column', async () => {
		const chunks = [];
		const sink = new Writable({ write(c, e, cb) { chunks.push(c); cb(); } });
		await client.query({ text: 'SELECT id, raw FROM ev WHERE raw IS NOT NULL', streams: { raw: sink } });
		return Buffer.concat(chunks).toString('hex');
	});
	await step('transaction', async () => {
		await client.query('BEGIN');
		await client.query("INSERT INTO ev (name) VALUES ('tx')");
		const inside = client.transactionStatus;
		await client.query('ROLLBACK');
		return [inside, client.transactionStatus, objs(await client.query("SELECT count(*) AS n FROM ev WHERE name = 'tx'"))];
	});
	await step('errors', async () => {
		const out = [];
		for (const [q, v] of [['INSERT INTO ev (name) VALUES ($1)', ['alpha']], ['INSERT INTO ev (name) VALUES (NULL)', []],
			['SELECT nope FROM ev', []], ['SELEC 1', []], ['SELECT 1 / $1::int', [0]], ['SELECT $1::int', ['x']]])
			out.push(await client.query(q, v).then(() => 'ok', (e) => [e.code, e.constructor.name, e.position !== undefined]));
		out.push(objs(await client.query('SELECT 1 AS still_ok')));
		return out;
	});
	await step('notify', async () => {
		const heard = [];
		let done;
		const last = new Promise((resolve) => { done = resolve; });
		client.on('notification', (m) => {
			heard.push([m.channel, m.payload, m.processId === client.processId]);
			if (m.payload === 'last')
				done();
		});
		await client.query('LISTEN jobs');
		await client.query("NOTIFY jobs, 'one'");
		await client.query("SELECT pg_notify('jobs', $1)", ['last']);
		await last;
		await client.query('UNLISTEN *');
		return heard;
	});
	await step('drop', async () => (await client.query('DROP TABLE ev')).status);
	await client.end();
}

// postgres-migrations: a directory of numbered SQL files, run twice (the second run finds
// nothing new), then a changed file is refused by its hash
async function migrations() {
	const migDir = path.join(dir, 'migrations');
	fs.rmSync(migDir, { recursive: true, force: true });
	fs.mkdirSync(migDir, { recursive: true });
	fs.writeFileSync(path.join(migDir, '1_create-users.sql'), `CREATE TABLE users (id serial PRIMARY KEY,
		email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());\n`);
	fs.writeFileSync(path.join(migDir, '2_add-name.sql'), 'ALTER TABLE users ADD COLUMN name text;\n' +
		"INSERT INTO users (email, name) VALUES ('a@x.io', 'Ann');\n");
	fs.writeFileSync(path.join(migDir, '3_index.sql'), '-- postgres-migrations disable-transaction\n' +
		'CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const names = (ms) => ms.map((m) => [m.id, m.name, m.fileName, m.hash.length]);
	await step('migrate', async () => names(await migrate({ client }, migDir)));
	await step('migrate again', async () => names(await migrate({ client }, migDir)));
	await step('migrations table', async () => (await client.query(`SELECT id, name, length(hash) AS h,
		executed_at <= now() AS past FROM migrations ORDER BY id`)).rows);
	await step('migrated schema', async () => [(await client.query('SELECT email, name FROM users')).rows,
		(await client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY 1")).rows]);
	fs.writeFileSync(path.join(migDir, '4_bad.sql'), 'ALTER TABLE users ADD COLUMN nope nosuchtype;\n');
	await step('failing migration', async () => migrate({ client }, migDir).then(() => 'ok',
		(e) => [e.message.split('\n')[0].replace(/ at .*/, ''), e.cause && e.cause.code]));
	fs.rmSync(path.join(migDir, '4_bad.sql'));
	fs.writeFileSync(path.join(migDir, '2_add-name.sql'), 'ALTER TABLE users ADD COLUMN name varchar(9);\n');
	await step('changed migration', async () => migrate({ client }, migDir).then(() => 'ok',
		(e) => e.message.split('\n')[0]));
	await step('migrations drop', async () => (await client.query('DROP TABLE users, migrations')).command);
	await client.end();
}

async function main() {
	await tspostgres();
	await migrations();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
