// SPDX-License-Identifier: Apache-2.0
// clients_typegen.js: the two TypeScript generators that read types from the server —
// pgtyped 2.4 (@pgtyped/query's getTypes: Parse + Describe of each annotated query over its own
// wire client, so ParameterDescription gives each :param's type and RowDescription each
// column's type and table column, then pg_type/pg_enum/pg_attribute/pg_description for
// names, enums, nullability and comments; @pgtyped/runtime's PreparedQuery run over pg) and
// zapatos 6 (its generator reads pg_type/pg_enum, information_schema.tables/columns,
// pg_class/pg_attribute/pg_description and pg_indexes, and writes schema.d.ts; its runtime's
// shortcuts: insert, upsert with its xmax report, select with lateral joins to jsonb, count,
// transactions with isolation levels) — one line per step (the generated schema.d.ts whole)
// for test_clients.sh to compare.
// Usage: node clients_typegen.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const pg = require('pg');
const { pathToFileURL } = require('url');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

// pgtyped's packages are ES modules exported for import only, which does not read NODE_PATH
const esm = (name) => import(pathToFileURL(path.join(process.env.NODE_PATH, name, 'lib', 'index.js')).href);

const url = process.argv[2];
const target = process.argv[3];
const client = new pg.Client({ connectionString: url });
const { step } = clients(target, () => client.query('ROLLBACK').catch(() => {}));

const SCHEMA = `
CREATE TYPE status AS ENUM ('draft', 'live', 'gone');
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL, mail email UNIQUE,
	born date, rating numeric(3,1), meta jsonb DEFAULT '{}', tags text[] NOT NULL DEFAULT '{}');
CREATE TABLE books (id bigserial PRIMARY KEY, author_id int NOT NULL REFERENCES authors,
	title varchar(200) NOT NULL, status status NOT NULL DEFAULT 'draft', pages int2,
	price float8, published timestamptz, cover bytea, isbn char(13) UNIQUE,
	words int8 GENERATED ALWAYS AS (pages::int8 * 300) STORED);
COMMENT ON TABLE books IS 'Books we sell';
COMMENT ON COLUMN books.title IS 'The title as printed';
CREATE VIEW live_books AS SELECT b.id, b.title, a.name AS author FROM books b JOIN authors a ON a.id = b.author_id
	WHERE b.status = 'live';
CREATE MATERIALIZED VIEW author_counts AS SELECT author_id, count(*) AS n FROM books GROUP BY author_id;
CREATE UNIQUE INDEX author_counts_key ON author_counts (author_id);
`;

// pgtyped: the queries of an annotated SQL file, as its CLI reads them
const QUERIES = `
/* @name FindBooks */
SELECT b.id, b.title, b.status, b.pages, b.price, b.published, b.words, a.name AS author_name, a.rating
FROM books b JOIN authors a ON a.id = b.author_id
WHERE b.status = :status AND b.pages > :minPages ORDER BY b.id;

/* @name BooksByIds @param ids -> (...) */
SELECT id, title FROM books WHERE id in :ids ORDER BY id;

/* @name InsertAuthors @param authors -> ((name!, mail, born, rating)...) */
INSERT INTO authors (name, mail, born, rating) VALUES :authors RETURNING id, name, tags;

/* @name UpdatePrice */
UPDATE books SET price = :price WHERE isbn = :isbn! RETURNING id, price;

/* @name Expressions */
SELECT count(*) AS n, max(b.price) AS top, :label::text AS label, :day::date + 1 AS next_day,
	b.status = ANY(:statuses::status[]) AS wanted, now() - :since::timestamptz AS age
FROM books b WHERE b.author_id = :author GROUP BY b.status;

/* @name ViewRows */
SELECT * FROM live_books WHERE author = :author ORDER BY id;

/* @name Counts */
SELECT author_id, n FROM author_counts ORDER BY author_id;

/* @name Broken */
SELECT nope FROM books WHERE id = :id;
`;

// The type information as pgtyped's CLI uses it: object ids are the server's, so a table
// column appears by its name and nullability, a type by its name (enums with their labels)
async function pgtyped() {
	const { AsyncQueue } = await esm('@pgtyped/wire');
	const { getTypes, startup } = await esm('@pgtyped/query');
	const { parseSQLFile, queryASTToIR } = await esm('@pgtyped/parser');
	const { processSQLQueryIR, PreparedQuery } = await esm('@pgtyped/runtime');
	const u = new URL(url);
	const queue = new AsyncQueue();
	await startup({ host: u.hostname, port: Number(u.port), user: u.username, dbName: u.pathname.slice(1) }, queue);
	const { queries, events } = parseSQLFile(QUERIES);
	await step('pgtyped parse', async () => [queries.map((q) => q.name), events.length]);
	const prepared = {};
	// Known gap (docs/clients.md): an ErrorResponse has no routine field R, which pgtyped
	// reports as the error's code (#95)
	const gaps = {
		Broken: [['"error",null,', '"error","errorMissingColumn",', '#95 ErrorResponse carries no routine (R) field']],
	};
	for (const q of queries) {
		const ir = queryASTToIR(q);
		prepared[q.name] = new PreparedQuery(ir);
		await step(`pgtyped ${q.name}`, async () => {
			const interpolated = processSQLQueryIR(ir);
			const types = await getTypes(interpolated, queue);
			if ('errorCode' in types)
				return ['error', types.errorCode, types.message, types.position];
			// pgtyped reads an enum's labels without ORDER BY: sorted here
			const sorted = (t) => (t && t.enumValues ? { ...t, enumValues: [...t.enumValues].sort() }
				: t && t.elementType ? { ...t, elementType: sorted(t.elementType) } : t);
			return [interpolated.query, interpolated.mapping.map((m) => [m.name, m.type, m.required]),
				types.paramMetadata.params.map(sorted), types.returnTypes.map((r) => ({ ...r, type: sorted(r.type) }))];
		}, gaps[q.name] || []);
	}
	queue.socket.end();
	await step('pgtyped run', async () => {
		const inserted = await prepared.InsertAuthors.run({ authors: [
			{ name: 'Ann', mail: 'ann@x.io', born: '1970-01-02', rating: 4.5 },
			{ name: 'Bob', mail: null, born: null, rating: null }] }, client);
		await client.query(`INSERT INTO books (author_id, title, status, pages, price, published, isbn)
			SELECT $1, 'T' || g, CASE WHEN g % 2 = 0 THEN 'live' ELSE 'draft' END::status, g * 100, g * 1.5,
			'2024-01-01 00:00+00'::timestamptz + g * interval '1 day', '978000000000' || g FROM generate_series(1, 4) AS g`,
		[inserted[0].id]);
		const plain = (rows) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) =>
			[k, v instanceof Date ? v.toISOString() : v])));
		return [inserted,
			plain(await prepared.FindBooks.run({ status: 'live', minPages: 100 }, client)),
			await prepared.BooksByIds.run({ ids: [1, 3, 99] }, client),
			await prepared.UpdatePrice.run({ price: 9.99, isbn: '9780000000002' }, client),
			await prepared.ViewRows.run({ author: 'Ann' }, client)];
	});
}

async function zapatos() {
	const { tsForConfig, finaliseConfig } = require('zapatos/generate');
	await step('zapatos generate', async () => {
		const warnings = [];
		const { ts } = await tsForConfig(finaliseConfig({ db: { connectionString: url }, warningListener: (s) => warnings.push(s) }),
			() => {});
		// its header names the generator's version and nothing of the server's
		return [warnings, ts.split('\n')];
	});
	const db = require('zapatos/db');
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	await step('zapatos insert', async () => db.insert('authors', [{ name: 'Cy', mail: 'cy@x.io', tags: ['a', 'b'] },
		{ name: 'Di', meta: { k: 1 } }]).run(pool));
	await step('zapatos upsert', async () => db.upsert('authors', [{ name: 'Cy2', mail: 'cy@x.io' },
		{ name: 'Ed', mail: 'ed@x.io' }], 'mail', { updateColumns: ['name'] }).run(pool));
	await step('zapatos select lateral', async () => db.select('authors', { name: db.sql`${db.self} LIKE 'A%'` }, {
		columns: ['id', 'name'],
		lateral: {
			books: db.select('books', { author_id: db.parent('id') }, { columns: ['title', 'status', 'pages'],
				order: { by: 'id', direction: 'ASC' } }),
			count: db.count('books', { author_id: db.parent('id') }),
		},
	}).run(pool));
	await step('zapatos selectOne', async () => db.selectOne('books', { isbn: '9780000000003' },
		{ columns: ['title', 'price', 'published', 'words'] }).run(pool));
	await step('zapatos conditions', async () => db.select('books', {
		pages: db.conditions.between(150, 350), status: db.conditions.isIn(['live', 'draft']),
		price: db.conditions.isNotNull,
	}, { columns: ['id'], order: { by: 'id', direction: 'DESC' }, limit: 5 }).run(pool));
	await step('zapatos aggregates', async () => [await db.count('books', db.all).run(pool),
		await db.sum('books', db.all, { columns: ['pages'] }).run(pool),
		await db.max('books', db.all, { columns: ['price'] }).run(pool)]);
	await step('zapatos update and delete', async () => [
		await db.update('books', { status: 'gone' }, { id: 1 }).run(pool),
		(await db.deletes('books', { status: 'gone' }, { returning: ['id'] }).run(pool))]);
	await step('zapatos sql', async () => db.sql`SELECT ${db.param('x')}::text AS a, ${db.param(3)}::int + 1 AS b, ${db.cols(['id'])}
		FROM ${'books'} WHERE ${{ author_id: 1 }} ORDER BY ${'id'}`.run(pool));
	await step('zapatos transaction', async () => db.serializable(pool, async (txn) => {
		const a = await db.selectExactlyOne('authors', { name: 'Ann' }, { columns: ['id'] }).run(txn);
		await db.insert('books', { author_id: a.id, title: 'In txn' }).run(txn);
		return [await db.count('books', { author_id: a.id }).run(txn),
			(await txn.query("SELECT current_setting('transaction_isolation') AS i")).rows];
	}));
	await step('zapatos readCommittedRO', async () => db.readCommittedRO(pool, async (txn) => db.insert('books',
		{ author_id: 1, title: 'no' }).run(txn)).catch((e) => e.code));
	await step('zapatos selectExactlyOne none', async () => db.selectExactlyOne('authors', { name: 'Nobody' }).run(pool)
		.catch((e) => e.constructor.name));
	await step('zapatos refresh', async () => {
		await client.query('REFRESH MATERIALIZED VIEW author_counts');
		return db.select('author_counts', db.all, { order: { by: 'author_id', direction: 'ASC' } }).run(pool);
	});
	await pool.end();
}

async function main() {
	await client.connect();
	await step('schema', async () => (await client.query(SCHEMA)).map((r) => r.command));
	await pgtyped();
	await zapatos();
	await step('drop', async () => (await client.query(`DROP MATERIALIZED VIEW author_counts; DROP VIEW live_books;
		DROP TABLE books, authors; DROP DOMAIN email; DROP TYPE status`)).map((r) => r.command));
	await client.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
