// SPDX-License-Identifier: Apache-2.0
// clients_kysely.js: Kysely (npm kysely with its PostgresDialect over a pg Pool) — the schema
// builder (tables, foreign keys, indexes, alterTable), introspection (getTables, its
// pg_catalog query), the query builder (inserts with returning, joins, aggregates, onConflict,
// subqueries, updates, deletes), transactions and errors — one line per step.
// Usage: node clients_kysely.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const { Pool } = require('pg');
const { Kysely, PostgresDialect, sql } = require('kysely');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step } = clients(target);

async function main() {
	const db = new Kysely({ dialect: new PostgresDialect({
		pool: new Pool({ connectionString: process.argv[2], max: 1 }) }) });
	await step('create tables', async () => {
		await db.schema.createTable('person')
			.addColumn('id', 'serial', (c) => c.primaryKey())
			.addColumn('first_name', 'varchar(50)', (c) => c.notNull())
			.addColumn('last_name', 'varchar(255)')
			.addColumn('age', 'integer', (c) => c.check(sql`age >= 0`))
			.addColumn('score', 'numeric(8, 2)', (c) => c.defaultTo('0'))
			.addColumn('verified', 'boolean', (c) => c.defaultTo(false))
			.addColumn('born', 'date')
			.addColumn('created_at', 'timestamptz', (c) => c.defaultTo(sql`now()`).notNull())
			.addColumn('profile', 'jsonb')
			.addColumn('uid', 'uuid', (c) => c.defaultTo(sql`gen_random_uuid()`))
			.addColumn('avatar', 'bytea')
			.addUniqueConstraint('person_name_uq', ['first_name', 'last_name'])
			.execute();
		await db.schema.createTable('pet')
			.addColumn('id', 'bigserial', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('owner_id', 'integer', (c) => c.references('person.id').onDelete('cascade').notNull())
			.addColumn('species', 'text')
			.execute();
		await db.schema.createIndex('pet_owner_idx').on('pet').column('owner_id').execute();
		return 'ok';
	});
	await step('getTables', async () => (await db.introspection.getTables())
		.sort((a, b) => (a.name < b.name ? -1 : 1))
		.map((t) => [t.name, t.schema, t.isView, t.columns.map((c) => [c.name, c.dataType,
			c.isNullable, c.hasDefaultValue, c.isAutoIncrementing])]));
	await step('getSchemas', async () => (await db.introspection.getSchemas())
		.map((s) => s.name).filter((n) => n === 'public'));
	await step('insert returning', async () => db.insertInto('person').values([
		{ first_name: 'Jennifer', last_name: 'Aniston', age: 55, score: '9.50', born: '1969-02-11',
			profile: JSON.stringify({ tags: ['a'] }), avatar: Buffer.from([7, 8]) },
		{ first_name: 'Arnold', last_name: 'Schwarzenegger', age: 77 },
	]).returning(['id', 'first_name', 'score', 'verified']).execute());
	await step('insert pets', async () => db.insertInto('pet').values([
		{ name: 'Catto', owner_id: 1, species: 'cat' }, { name: 'Doggo', owner_id: 1, species: 'dog' },
		{ name: 'Hammo', owner_id: 2 }]).returning('id').execute());
	await step('select where', async () => {
		const r = await db.selectFrom('person').selectAll().where('first_name', '=', 'Jennifer')
			.executeTakeFirstOrThrow();
		return [r.id, r.age, r.score, r.verified, r.born instanceof Date && r.born.toISOString(),
			r.created_at instanceof Date, r.profile, typeof r.uid, r.avatar.toString('hex')];
	});
	await step('join', async () => db.selectFrom('pet').innerJoin('person', 'person.id', 'pet.owner_id')
		.select(['pet.name as pet', 'person.first_name as owner']).orderBy('pet.name').execute());
	await step('aggregate', async () => db.selectFrom('pet')
		.select((eb) => ['owner_id', eb.fn.count('id').as('n'), eb.fn.max('name').as('last')])
		.groupBy('owner_id').having((eb) => eb.fn.count('id'), '>', 0).orderBy('owner_id').execute());
	await step('subquery', async () => db.selectFrom('person').select(['first_name',
		(eb) => eb.selectFrom('pet').whereRef('pet.owner_id', '=', 'person.id')
			.select((e) => e.fn.countAll().as('c')).as('pets')]).orderBy('id').execute());
	await step('where in and or', async () => db.selectFrom('pet').select('name')
		.where((eb) => eb.or([eb('species', 'in', ['cat', 'dog']), eb('species', 'is', null)]))
		.orderBy('name', 'desc').execute());
	await step('update', async () => db.updateTable('person').set((eb) => ({ age: eb('age', '+', 1),
		verified: true })).where('id', '=', 2).returning(['age', 'verified']).execute());
	await step('on conflict', async () => db.insertInto('person')
		.values({ first_name: 'Arnold', last_name: 'Schwarzenegger', age: 1 })
		.onConflict((oc) => oc.columns(['first_name', 'last_name']).doUpdateSet({ age: 99 }))
		.returning(['id', 'age']).execute());
	await step('transaction', async () => {
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('pet').values({ name: 'Temp', owner_id: 1 }).execute();
			await trx.insertInto('pet').values({ name: 'Bad', owner_id: 1000 }).execute();
		}).catch((e) => e.code);
		return (await db.selectFrom('pet').select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirst()).n;
	});
	await step('errors', async () => Promise.all([
		db.insertInto('person').values({ first_name: 'x', age: -1 }).execute().catch((e) => [e.code, e.constraint]),
		db.insertInto('person').values({ first_name: 'Arnold', last_name: 'Schwarzenegger' }).execute()
			.catch((e) => [e.code, e.constraint]),
		db.selectFrom('nowhere').selectAll().execute().catch((e) => e.code)]));
	await step('alterTable', async () => {
		await db.schema.alterTable('pet').addColumn('weight', 'real').execute();
		await db.schema.alterTable('pet').renameColumn('species', 'kind').execute();
		await db.schema.alterTable('pet').alterColumn('kind', (c) => c.setDefault('cat')).execute();
		await db.schema.alterTable('pet').dropColumn('weight').execute();
		const t = (await db.introspection.getTables()).find((x) => x.name === 'pet');
		return t.columns.map((c) => [c.name, c.dataType, c.hasDefaultValue]);
	});
	await step('raw sql', async () => (await sql`SELECT ${1}::int + ${2}::int AS s`.execute(db)).rows);
	await step('delete cascade', async () => [
		Number((await db.deleteFrom('person').where('id', '=', 1).executeTakeFirst()).numDeletedRows),
		(await db.selectFrom('pet').select('name').execute()).map((p) => p.name)]);
	await step('drop', async () => {
		await db.schema.dropTable('pet').ifExists().execute();
		await db.schema.dropTable('person').cascade().execute();
		return (await db.introspection.getTables()).length;
	});
	await db.destroy();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
