// SPDX-License-Identifier: Apache-2.0
// clients_nodestreams.js: the streaming add-ons of node-postgres — pg-cursor (a portal read in
// batches: Execute with a row limit, PortalSuspended, no Sync until the end), pg-query-stream
// (a Readable over such a cursor), pg-copy-streams (COPY FROM STDIN / TO STDOUT in text, CSV
// and binary through node streams, a failing COPY, COPY in a transaction) and pg-listen
// (LISTEN/NOTIFY with JSON payloads) — one line per step for test_clients.sh to compare.
// Usage: node clients_nodestreams.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const { Client } = require('pg');
const Cursor = require('pg-cursor');
const QueryStream = require('pg-query-stream');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');
const createSubscriber = require('pg-listen');
const { pipeline } = require('stream/promises');
const { Readable, Writable } = require('stream');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const url = process.argv[2];
const target = process.argv[3];
const client = new Client({ connectionString: url });
const { step } = clients(target, () => client.query('ROLLBACK').catch(() => {}));

const plain = (r) => r && Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
	v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]));

// Reads a cursor to its end in batches of n, each batch as its rows (plain), then closes it.
async function batches(cursor, n, map = plain) {
	const c = client.query(cursor);
	const out = [];
	for (;;) {
		const rows = await c.read(n);
		out.push(rows.map(map));
		if (rows.length < n)
			break;
	}
	await c.close();
	return out;
}

const sink = (chunks) => new Writable({ write(chunk, enc, cb) { chunks.push(chunk); cb(); } });

async function cursors() {
	await step('create', async () => (await client.query(`CREATE TABLE item (id int PRIMARY KEY,
		name text NOT NULL, qty int8, price numeric(8,2), at timestamptz, raw bytea, tags text[])`)).command);
	await step('fill', async () => (await client.query(`INSERT INTO item
		SELECT i, 'item ' || i, i * 1000000000::int8, i * 1.25, timestamptz '2024-01-01 00:00+00' + i * interval '1 hour',
		decode(lpad(to_hex(i), 2, '0'), 'hex'), ARRAY['t' || i, NULL]
		FROM generate_series(1, 10) AS i`)).rowCount);
	await step('cursor batches', async () => batches(new Cursor(
		'SELECT id, name, qty, price, at, raw, tags FROM item WHERE id > $1 ORDER BY id', [2]), 3));
	await step('cursor read past end', async () => {
		const c = client.query(new Cursor('SELECT id FROM item WHERE id <= $1 ORDER BY id', [2]));
		const out = [await c.read(5), await c.read(5), await c.read(5)];
		await c.close();
		return out;
	});
	await step('cursor empty', async () => batches(new Cursor('SELECT id FROM item WHERE false'), 4));
	await step('cursor rowMode array', async () => batches(new Cursor('SELECT id, name FROM item ORDER BY id DESC LIMIT 5',
		[], { rowMode: 'array' }), 2, (r) => r));
	await step('cursor fields', async () => {
		const c = client.query(new Cursor('SELECT id, price, $1::text AS label FROM item ORDER BY id', ['x']));
		const rows = await c.read(1);
		const fields = c._result.fields.map((f) => [f.name, f.dataTypeID, f.format]);
		await c.close();
		return [rows, fields];
	});
	// closed after one batch: the portal is closed and the connection serves the next query
	await step('cursor closed early', async () => {
		const c = client.query(new Cursor('SELECT id FROM item ORDER BY id'));
		const first = await c.read(2);
		await c.close();
		return [first, (await client.query('SELECT count(*)::int AS n FROM item')).rows];
	});
	// an error in the third batch: the first batches arrive, then the error, then the
	// connection is usable again
	await step('cursor error mid-read', async () => {
		const c = client.query(new Cursor('SELECT g, 10 / (7 - g) AS q FROM generate_series(1, 10) AS g'));
		const out = [];
		try {
			for (let i = 0; i < 5; i++)
				out.push(await c.read(3));
		} catch (e) {
			out.push(e.code);
		}
		out.push((await client.query('SELECT 1 AS ok')).rows);
		return out;
	});
	// inside a transaction: the cursor sees the transaction's own uncommitted rows, and the
	// transaction goes on after it
	await step('cursor in transaction', async () => {
		await client.query('BEGIN');
		await client.query("INSERT INTO item (id, name) VALUES (11, 'new')");
		const rows = await batches(new Cursor('SELECT id, name FROM item WHERE id >= $1 ORDER BY id', [9]), 2);
		await client.query('DELETE FROM item WHERE id = 11');
		const after = (await client.query('SELECT count(*)::int AS n FROM item')).rows;
		await client.query('COMMIT');
		return [rows, after];
	});
	await step('cursor of a writing statement', async () => batches(new Cursor(
		'UPDATE item SET qty = qty + 1 WHERE id <= $1 RETURNING id, qty', [4]), 3));
	await step('cursor syntax error', async () => {
		const c = client.query(new Cursor('SELEC id FROM item'));
		return [await c.read(1).catch((e) => e.code), (await client.query('SELECT 2 AS ok')).rows];
	});
}

async function streams() {
	await step('query stream', async () => {
		const s = client.query(new QueryStream('SELECT id, name, price FROM item WHERE id % $1 = 0 ORDER BY id',
			[2], { batchSize: 2 }));
		const rows = [];
		for await (const r of s)
			rows.push(r);
		return rows;
	});
	await step('query stream rowMode array', async () => {
		const s = client.query(new QueryStream('SELECT g, g * g FROM generate_series(1, 7) AS g',
			[], { batchSize: 3, rowMode: 'array' }));
		const rows = [];
		for await (const r of s)
			rows.push(r);
		return rows;
	});
	// the consumer stops after three rows: the stream is destroyed, its cursor closed
	await step('query stream stopped early', async () => {
		const s = client.query(new QueryStream('SELECT id FROM item ORDER BY id', [], { batchSize: 2 }));
		const rows = [];
		for await (const r of s) {
			rows.push(r.id);
			if (rows.length === 3)
				break;
		}
		return [rows, (await client.query('SELECT max(id) AS m FROM item')).rows];
	});
	await step('query stream piped', async () => {
		const chunks = [];
		const s = client.query(new QueryStream('SELECT id, name FROM item WHERE id < $1 ORDER BY id', [4],
			{ batchSize: 1 }));
		await pipeline(s, async function* toLines(rows) {
			for await (const r of rows)
				yield `${r.id}:${r.name}\n`;
		}, sink(chunks));
		return chunks.join('');
	});
	await step('query stream error', async () => {
		const s = client.query(new QueryStream('SELECT g, 1 / (g - 3) AS q FROM generate_series(1, 5) AS g', [],
			{ batchSize: 1 }));
		const rows = [];
		try {
			for await (const r of s)
				rows.push(r);
		} catch (e) {
			rows.push(e.code);
		}
		return [rows, (await client.query('SELECT 3 AS ok')).rows];
	});
}

async function copies() {
	await step('copy create', async () => (await client.query(`CREATE TABLE log (id int PRIMARY KEY,
		msg text, n float8, ok bool, day date)`)).command);
	// many rows in chunks that split lines (and a multi-byte character) anywhere
	await step('copy from chunks', async () => {
		let text = '';
		for (let i = 1; i <= 2000; i++)
			text += `${i}\tmsg ${i} ☃\t${i / 4}\t${i % 2 ? 't' : 'f'}\t2024-01-${String(1 + (i % 28)).padStart(2, '0')}\n`;
		const buf = Buffer.from(text);
		const parts = [];
		for (let o = 0; o < buf.length; o += 997)
			parts.push(buf.subarray(o, o + 997));
		const stream = client.query(copyFrom('COPY log FROM STDIN'));
		await pipeline(Readable.from(parts), stream);
		return [stream.rowCount, (await client.query(`SELECT count(*)::int AS n, sum(n) AS s,
			count(*) FILTER (WHERE ok)::int AS t, max(day) AS d FROM log`)).rows.map(plain)];
	});
	await step('copy from csv header', async () => {
		const stream = client.query(copyFrom("COPY log (id, msg, ok) FROM STDIN WITH (FORMAT csv, HEADER true, NULL 'nil')"));
		await pipeline(Readable.from(['id,msg,ok\n', '3001,"a, ""quoted"" line",true\n3002,nil,nil\n']), stream);
		return [stream.rowCount, (await client.query('SELECT id, msg, ok FROM log WHERE id > 3000 ORDER BY id')).rows];
	});
	await step('copy to text', async () => {
		const chunks = [];
		await pipeline(client.query(copyTo('COPY (SELECT id, msg, n, ok, day FROM log WHERE id % 500 = 0 OR id > 3000 ORDER BY id) TO STDOUT')),
			sink(chunks));
		return Buffer.concat(chunks).toString();
	});
	await step('copy to csv', async () => {
		const chunks = [];
		await pipeline(client.query(copyTo("COPY (SELECT * FROM log WHERE id > 3000 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE (msg))")),
			sink(chunks));
		return Buffer.concat(chunks).toString();
	});
	await step('copy to all rows', async () => {
		const chunks = [];
		const s = client.query(copyTo('COPY log TO STDOUT'));
		await pipeline(s, sink(chunks));
		const text = Buffer.concat(chunks).toString();
		return [s.rowCount, text.split('\n').length, text.length];
	});
	// binary COPY out of one table and into another: the file's bytes and the rows it makes
	await step('copy binary round trip', async () => {
		await client.query('CREATE TABLE log2 (LIKE log)');
		const chunks = [];
		await pipeline(client.query(copyTo('COPY (SELECT * FROM log WHERE id <= 3 OR id > 3000 ORDER BY id) TO STDOUT (FORMAT binary)')),
			sink(chunks));
		const bin = Buffer.concat(chunks);
		const stream = client.query(copyFrom('COPY log2 FROM STDIN (FORMAT binary)'));
		await pipeline(Readable.from([bin.subarray(0, 7), bin.subarray(7)]), stream);
		return [bin.toString('hex'), stream.rowCount,
			(await client.query('SELECT * FROM log2 ORDER BY id')).rows.map(plain)];
	});
	await step('copy from bad row', async () => {
		const stream = client.query(copyFrom('COPY log (id, msg) FROM STDIN'));
		const err = await pipeline(Readable.from(['4001\tok\n', '4002\tok\n4001\tdup\n']), stream)
			.then(() => 'ok', (e) => [e.code, e.where]);
		return [err, (await client.query('SELECT count(*)::int AS n FROM log WHERE id > 4000')).rows];
	});
	await step('copy from bad value', async () => {
		const stream = client.query(copyFrom('COPY log (id, n) FROM STDIN'));
		const err = await pipeline(Readable.from(['5001\t1.5\n5002\tlots\n']), stream)
			.then(() => 'ok', (e) => [e.code, e.where]);
		return err;
	});
	// a COPY inside a transaction that is then rolled back leaves nothing
	await step('copy in transaction', async () => {
		await client.query('BEGIN');
		const stream = client.query(copyFrom('COPY log (id, msg) FROM STDIN'));
		await pipeline(Readable.from(['6001\tx\n6002\ty\n']), stream);
		const inside = (await client.query('SELECT count(*)::int AS n FROM log WHERE id > 6000')).rows;
		await client.query('ROLLBACK');
		return [stream.rowCount, inside, (await client.query('SELECT count(*)::int AS n FROM log WHERE id > 6000')).rows];
	});
	// the client ends its input with an error (CopyFail): the COPY fails with 57014
	await step('copy aborted by client', async () => {
		const stream = client.query(copyFrom('COPY log (id, msg) FROM STDIN'));
		const err = await pipeline(new Readable({
			read() {
				this.push('7001\tpartial\n');
				this.destroy(new Error('client gave up'));
			},
		}), stream).then(() => 'ok', (e) => e.code || e.message);
		// the connection is still usable and the partial row is not there
		return [err, (await client.query('SELECT count(*)::int AS n FROM log WHERE id > 7000')).rows];
	});
}

// pg-listen: a subscriber connection listening on two channels, JSON payloads sent through its
// notify (NOTIFY "channel", 'json') and by pg_notify from the main connection in a transaction
async function listens() {
	await step('pg-listen', async () => {
		const sub = createSubscriber({ connectionString: url }, { paranoidChecking: false });
		const heard = [];
		let done;
		const last = new Promise((resolve) => { done = resolve; });
		sub.notifications.on('jobs', (p) => heard.push(['jobs', p]));
		sub.notifications.on('Mixed Case', (p) => {
			heard.push(['Mixed Case', p]);
			if (p && p.last)
				done();
		});
		sub.events.on('error', (e) => heard.push(['error', e.message]));
		await sub.connect();
		await sub.listenTo('jobs');
		await sub.listenTo('Mixed Case');
		await sub.notify('jobs', { id: 1, tags: ['a', "it's"] });
		await sub.notify('jobs');
		await client.query('BEGIN');
		await client.query("SELECT pg_notify('jobs', $1)", [JSON.stringify({ id: 2 })]);
		await client.query("SELECT pg_notify('jobs', 'not json')");
		await client.query('COMMIT');
		await client.query('BEGIN');
		await client.query("SELECT pg_notify('jobs', '{\"rolled\": \"back\"}')");
		await client.query('ROLLBACK');
		await sub.unlisten('jobs');
		await client.query("SELECT pg_notify('jobs', '{\"id\": 3}')");
		await sub.notify('Mixed Case', { last: true });
		await last;
		await sub.close();
		return heard;
	});
}

async function main() {
	await client.connect();
	await cursors();
	await streams();
	await copies();
	await listens();
	await step('drop', async () => (await client.query('DROP TABLE item, log, log2')).command);
	await client.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
