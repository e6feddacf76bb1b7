// SPDX-License-Identifier: Apache-2.0
// clients_massive.js: Massive.js 6 (over its pg-promise 10 and pg 8.8), which reads the
// catalog at connect (tables, views, materialized views, functions, sequences and enums
// through its own SQL scripts) and builds an API of them: table insert/find with criteria
// operators/findOne/count/update/destroy, deep inserts, streams (pg-query-stream), views,
// calling the schema's functions, document tables (jsonb body, tsvector search, GIN indexes,
// PL/pgSQL triggers: createDocumentTable, saveDoc, findDoc, searchDoc), withTransaction, reload
// — one line per step for test_clients.sh to compare.
// Usage: node clients_massive.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const massive = require('massive');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const url = process.argv[2];
const target = process.argv[3];
const { step } = clients(target);

const plain = (r) => r && Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
	v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]));
const rows = (rs) => rs.map(plain);

const SCHEMA = `
CREATE TYPE kind AS ENUM ('tool', 'toy');
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL UNIQUE, kind kind NOT NULL, price numeric(8,2),
	tags text[] NOT NULL DEFAULT '{}', specs jsonb, added timestamptz NOT NULL DEFAULT '2024-01-01 00:00+00');
CREATE TABLE reviews (id serial PRIMARY KEY, product_id int NOT NULL REFERENCES products ON DELETE CASCADE,
	stars int2 NOT NULL CHECK (stars BETWEEN 1 AND 5), body text);
CREATE VIEW cheap AS SELECT id, name, price FROM products WHERE price < 10;
CREATE MATERIALIZED VIEW star_counts AS SELECT product_id, count(*) AS n, avg(stars) AS mean FROM reviews GROUP BY product_id;
CREATE SEQUENCE tickets START 100;
CREATE FUNCTION price_with_tax(p numeric, rate numeric DEFAULT 0.2) RETURNS numeric LANGUAGE sql IMMUTABLE
	AS 'SELECT round(p * (1 + rate), 2)';
CREATE FUNCTION products_of(k kind) RETURNS SETOF products LANGUAGE sql STABLE
	AS 'SELECT * FROM products WHERE kind = k ORDER BY id';
CREATE FUNCTION bump(pid int, by numeric) RETURNS void LANGUAGE plpgsql
	AS $$BEGIN UPDATE products SET price = price + by WHERE id = pid; END$$;
`;

async function main() {
	const setup = await massive(url);
	await step('schema', async () => (await setup.query(SCHEMA, [], { single: false })).length);
	await setup.instance.$pool.end();

	const db = await massive(url);
	// the catalog scripts but the functions' have no ORDER BY (an enum's labels are an
	// array_agg without one): sorted here
	await step('introspected', async () => [db.listTables().sort(), db.listViews().sort(), db.listFunctions(),
		db.listSequences().sort(), Object.keys(db.enums).sort(), [...db.enums.kind].sort()]);
	await step('insert', async () => rows(await db.products.insert([
		{ name: 'hammer', kind: 'tool', price: '12.50', tags: ['steel', 'heavy'], specs: { kg: 1.2 } },
		{ name: 'yoyo', kind: 'toy', price: '3.00', tags: ['wood'], specs: null },
		{ name: 'kite', kind: 'toy', price: 8.5, tags: [], specs: { colors: ['red', 'blue'] } }])));
	await step('deep insert', async () => plain(await db.products.insert({ name: 'saw', kind: 'tool', price: 20,
		reviews: [{ product_id: undefined, stars: 4, body: 'sharp' }, { product_id: undefined, stars: 2 }] },
	{ deepInsert: true })));
	await step('find criteria', async () => [
		rows(await db.products.find({ 'price >': 5, kind: 'toy' }, { fields: ['name', 'price'] })),
		rows(await db.products.find({ 'name ilike': 'H%' }, { fields: ['name'] })),
		rows(await db.products.find({ 'tags @>': ['wood'] }, { fields: ['name'] })),
		rows(await db.products.find({ 'specs.kg': '1.2' }, { fields: ['name'] })),
		rows(await db.products.find({ id: [1, 3] }, { fields: ['name'], order: [{ field: 'id', direction: 'desc' }] })),
		rows(await db.products.find({ or: [{ name: 'yoyo' }, { 'price >=': 20 }] }, { fields: ['id'], order: [{ field: 'id' }] })),
		rows(await db.products.find({}, { fields: ['name'], order: [{ field: 'name' }], offset: 1, limit: 2 })),
	]);
	await step('find exprs', async () => rows(await db.products.find({}, { exprs: { name: 'upper(name)',
		taxed: 'price * 1.2' }, order: [{ field: 'id' }] })));
	await step('findOne and count', async () => [plain(await db.products.findOne(2)),
		plain(await db.products.findOne({ name: 'kite' }, { fields: ['id', 'specs'] })),
		await db.products.count({ kind: 'tool' }), await db.reviews.count()]);
	await step('update', async () => [rows(await db.products.update({ kind: 'toy' }, { price: 9 })),
		plain(await db.products.update(1, { tags: ['steel'] }))]);
	await step('stream', async () => {
		const s = await db.products.find({}, { fields: ['id', 'name'], order: [{ field: 'id' }], stream: true });
		const out = [];
		for await (const r of s)
			out.push(r);
		return out;
	});
	await step('view', async () => rows(await db.cheap.find({}, { order: [{ field: 'id' }] })));
	// known gap #96: avg() kept in a materialized view is a number at rest, without its
	// display scale (docs/sql-compat.md)
	await step('matview', async () => {
		await db.star_counts.refresh();
		return rows(await db.star_counts.find());
	}, [['"mean":"3"', '"mean":"3.0000000000000000"', '#96 a numeric at rest in a materialized view has no display scale']]);
	await step('functions', async () => [await db.price_with_tax(10), await db.price_with_tax(10, 0.5),
		rows(await db.products_of('toy')).map((r) => r.name), await db.bump(2, 1),
		(await db.products.findOne(2)).price]);
	await step('sequence', async () => [await db.tickets.nextValue(), await db.tickets.nextValue(),
		await db.tickets.lastValue(), await db.tickets.reset(5), await db.tickets.nextValue()]);
	await step('query', async () => db.query('SELECT name FROM products WHERE price > $1 ORDER BY name', [8]));
	await step('query named', async () => db.query('SELECT ${n}::int * 2 AS twice', { n: 21 }, { single: true }));
	await step('errors', async () => {
		const out = [];
		for (const f of [() => db.products.insert({ name: 'yoyo', kind: 'toy' }),
			() => db.products.insert({ name: 'bad', kind: 'food' }),
			() => db.reviews.insert({ product_id: 99, stars: 3 }),
			() => db.reviews.insert({ product_id: 1, stars: 9 })])
			out.push(await f().then(() => 'ok', (e) => e.code));
		return out;
	});
	await step('withTransaction', async () => [
		await db.withTransaction(async (tx) => {
			const p = await tx.products.insert({ name: 'drum', kind: 'toy' });
			await tx.reviews.insert({ product_id: p.id, stars: 5 });
			return tx.reviews.count({ product_id: p.id });
		}),
		await db.withTransaction(async (tx) => {
			await tx.products.destroy({ kind: 'toy' });
			throw new Error('undo');
		}).catch((e) => e.message),
		await db.products.count({ kind: 'toy' })]);
	await step('destroy', async () => [rows(await db.products.destroy({ name: 'drum' })).map((r) => r.name),
		await db.reviews.count()]);
	await step('createDocumentTable', async () => {
		await db.createDocumentTable('notes');
		return db.listTables().sort();
	});
	if (db.notes) {
		await step('saveDoc', async () => {
			const a = await db.notes.saveDoc({ title: 'Shopping', items: ['milk', 'eggs'], done: false });
			const b = await db.notes.saveDoc({ title: 'Ideas', text: 'a kite that flies at night', done: true });
			return [[a.id, a.title, a.items], [b.id, b.title]];
		});
		await step('findDoc', async () => [(await db.notes.findDoc({ done: true })).map((d) => d.title),
			(await db.notes.findDoc(1)).items, (await db.notes.findDoc({ 'title <>': 'Ideas' })).map((d) => d.id)]);
		await step('searchDoc', async () => (await db.notes.searchDoc({ fields: ['title', 'text'], term: 'kite' }))
			.map((d) => d.title));
		await step('updateDoc', async () => {
			const d = await db.notes.updateDoc(1, { done: true });
			return [d.done, d.title, (await db.notes.findDoc({ done: true })).length];
		});
	}
	await step('reload', async () => {
		await db.query('CREATE TABLE later (id int PRIMARY KEY)');
		await db.reload();
		return [db.listTables().sort(), typeof db.later];
	});
	await step('drop', async () => (await db.query(`DROP TABLE later, reviews CASCADE; DROP TABLE IF EXISTS notes;
		DROP VIEW cheap; DROP FUNCTION products_of(kind); DROP TABLE products; DROP TYPE kind;
		DROP SEQUENCE tickets; DROP FUNCTION price_with_tax(numeric, numeric); DROP FUNCTION bump(int, numeric)`)).length);
	await db.instance.$pool.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
