// SPDX-License-Identifier: Apache-2.0
// clients_mikroorm.js: MikroORM 6 (npm @mikro-orm/postgresql, @mikro-orm/migrations; 7 needs
// Node 22) with entities defined by EntitySchema — the Migrator (createMigration diffing the
// database against the entities, up, down, a second migration for a changed entity), the schema
// generator (getCreateSchemaSQL, updateSchema finding nothing to change, its introspection of
// the database), and the entity manager (persist and flush, find with populate and filters,
// QueryBuilder, nativeUpdate, references, a unique violation, transactional, remove) — one
// line per step for test_clients.sh to compare.
// Usage: node clients_mikroorm.js URL pg|shardlite MIGRATIONS_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const { MikroORM, EntitySchema } = require('@mikro-orm/postgresql');
const { Migrator } = require('@mikro-orm/migrations');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const migrationsDir = process.argv[4];
const { step } = clients(target);

class Publisher {}
class Book {}

const PublisherSchema = new EntitySchema({
	class: Publisher,
	properties: {
		id: { type: 'number', primary: true },
		name: { type: 'string', length: 60, unique: true },
		country: { type: 'string', length: 2, nullable: true },
		founded: { type: 'date', nullable: true },
		books: { kind: '1:m', entity: () => Book, mappedBy: 'publisher' },
	},
});

// extra: true adds a column the second migration must find (withExtra).
function bookSchema(extra) {
	const properties = {
		id: { type: 'number', primary: true },
		title: { type: 'string' },
		pages: { type: 'integer', default: 0 },
		price: { type: 'decimal', precision: 8, scale: 2, nullable: true },
		published: { type: 'boolean', default: false },
		createdAt: { type: 'Date', onCreate: () => new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
		meta: { type: 'json', nullable: true },
		ref: { type: 'uuid', nullable: true },
		publisher: { kind: 'm:1', entity: () => Publisher, nullable: true, deleteRule: 'set null' },
	};
	if (extra)
		properties.isbn = { type: 'string', length: 20, nullable: true, index: true };
	return new EntitySchema({ class: Book, properties,
		indexes: [{ properties: ['title', 'pages'] }] });
}

async function open(extra) {
	return MikroORM.init({
		clientUrl: process.argv[2],
		entities: [PublisherSchema, bookSchema(extra)],
		extensions: [Migrator],
		migrations: { path: migrationsDir, emit: 'js', snapshot: false, transactional: true,
			silent: true },
		debug: !!process.env.CLIENTS_VERBOSE,
		pool: { min: 1, max: 2 },
		allowGlobalContext: true,
	});
}

// A migration's statements (names differ per run, their SQL does not).
const migrationSql = (file) => {
	const text = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
	return [...text.matchAll(/this\.addSql\(`([^`]*)`\)/g)].map((m) => m[1]);
};
const plain = (o) => JSON.parse(JSON.stringify(o));

async function main() {
	fs.mkdirSync(migrationsDir, { recursive: true });
	let orm = await open(false);
	const migrator = orm.getMigrator();
	await step('create migration', async () => {
		const r = await migrator.createMigration(undefined, false, false, 'first');
		return migrationSql(r.fileName);
	});
	await step('migrate up', async () => (await migrator.up()).length);
	await step('executed', async () => (await migrator.getExecutedMigrations()).length);
	await step('nothing to migrate', async () => (await migrator.createMigration()).fileName);
	await step('update schema sql', async () => orm.schema.getUpdateSchemaSQL());
	await step('create schema sql', async () => (await orm.schema.getCreateSchemaSQL())
		.split('\n').filter((l) => l.trim()).length);

	const em = orm.em.fork();
	await step('persist', async () => {
		const p = em.create(Publisher, { name: 'Acme', country: 'US', founded: '1999-12-31' });
		const b1 = em.create(Book, { title: 'One', pages: 100, price: '9.99', published: true,
			meta: { tags: ['a', 'b'], n: 1 }, ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', publisher: p });
		const b2 = em.create(Book, { title: 'Two', publisher: p });
		const b3 = em.create(Book, { title: 'Lone', pages: 5 });
		await em.flush();
		return [p.id, b1.id, b2.id, b3.id];
	});
	await step('find populate', async () => {
		const e2 = orm.em.fork();
		const pubs = await e2.find(Publisher, {}, { populate: ['books'],
			orderBy: { id: 'asc', books: { id: 'asc' } } });
		return pubs.map((p) => [p.name, p.founded, p.books.getItems().map((b) => [b.title, b.pages,
			b.price, b.published, b.createdAt instanceof Date ? b.createdAt.toISOString() : b.createdAt,
			b.meta, b.ref])]);
	});
	await step('find filters', async () => {
		const e2 = orm.em.fork();
		return (await e2.find(Book, { $or: [{ pages: { $gte: 50 } }, { title: { $like: 'L%' } }],
			publisher: { $ne: null } }, { orderBy: { title: 'desc' } })).map((b) => b.title);
	});
	await step('findOne', async () => {
		const e2 = orm.em.fork();
		const b = await e2.findOneOrFail(Book, { title: 'One' }, { populate: ['publisher'] });
		return [b.title, b.publisher.name, await e2.findOne(Book, { title: 'None' })];
	});
	await step('count', async () => [await em.count(Book), await em.count(Book, { publisher: { name: 'Acme' } })]);
	await step('query builder', async () => {
		const qb = orm.em.fork().createQueryBuilder(Book, 'b');
		return plain(await qb.select(['b.title', 'p.name']).leftJoin('b.publisher', 'p')
			.where({ 'b.pages': { $lt: 200 } }).orderBy({ 'b.title': 'asc' }).execute('all'));
	});
	await step('change and flush', async () => {
		const b = await em.findOneOrFail(Book, { title: 'Two' });
		b.pages = 42;
		b.meta = { edited: true };
		await em.flush();
		return (await orm.em.fork().findOneOrFail(Book, { title: 'Two' })).pages;
	});
	await step('nativeUpdate', async () => em.nativeUpdate(Book, { pages: { $lt: 50 } }, { published: true }));
	await step('reference', async () => {
		const e2 = orm.em.fork();
		const b = e2.create(Book, { title: 'Ref', publisher: e2.getReference(Publisher, 1) });
		await e2.flush();
		return [b.id, (await orm.em.fork().count(Book, { publisher: 1 }))];
	});
	await step('unique violation', async () => {
		const e2 = orm.em.fork();
		e2.create(Publisher, { name: 'Acme' });
		return e2.flush().then(() => 'ok', (e) => [e.constructor.name, e.code]);
	});
	await step('transactional', async () => {
		const r = await orm.em.fork().transactional(async (t) => {
			t.create(Publisher, { name: 'Beta' });
			await t.flush();
			throw new Error('undo');
		}).catch((e) => e.message);
		return [r, await orm.em.fork().count(Publisher)];
	});
	await step('remove', async () => {
		const e2 = orm.em.fork();
		const p = await e2.findOneOrFail(Publisher, { name: 'Acme' });
		e2.remove(p);
		await e2.flush();
		return plain(await orm.em.fork().getConnection().execute(
			'SELECT title, publisher_id FROM book ORDER BY id'));
	});
	await orm.close();

	// The entity gains a column and an index: a second migration, then down again.
	orm = await open(true);
	const m2 = orm.getMigrator();
	await step('second migration', async () => migrationSql((await m2.createMigration(undefined, false, false,
		'second')).fileName));
	await step('second up', async () => (await m2.up()).length);
	await step('after second', async () => orm.schema.getUpdateSchemaSQL());
	await step('down one', async () => (await m2.down()).length);
	await step('pending', async () => (await m2.getPendingMigrations()).length);
	await step('down all', async () => (await m2.down({ to: 0 })).length);
	await step('tables left', async () => plain(await orm.em.getConnection().execute(
		`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)));
	await orm.close();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
