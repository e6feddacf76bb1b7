// SPDX-License-Identifier: Apache-2.0
// clients_objection.js: Objection.js 3 (npm objection) over Knex 3 and pg — models with JSON
// schema validation and relation mappings (HasMany, BelongsToOne, ManyToMany through a join
// table), insertGraph, withGraphFetched and withGraphJoined, upsertGraph, relatedQuery, patch,
// transactions, and its db-errors classes (parsed from SQLSTATE, constraint and DETAIL) — one
// line per step for test_clients.sh to compare.
// Usage: node clients_objection.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const knexLib = require('knex');
const { Model, ValidationError, DBError } = require('objection');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step } = clients(target);

class Author extends Model {
	static get tableName() { return 'authors'; }
	static get jsonSchema() {
		return {
			type: 'object', required: ['name'],
			properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1, maxLength: 40 },
				born: { type: ['string', 'null'] }, meta: { type: ['object', 'null'] } },
		};
	}
	static get relationMappings() {
		return {
			books: { relation: Model.HasManyRelation, modelClass: Book,
				join: { from: 'authors.id', to: 'books.author_id' } },
		};
	}
}

class Book extends Model {
	static get tableName() { return 'books'; }
	static get jsonAttributes() { return ['info']; }
	static get relationMappings() {
		return {
			author: { relation: Model.BelongsToOneRelation, modelClass: Author,
				join: { from: 'books.author_id', to: 'authors.id' } },
			tags: { relation: Model.ManyToManyRelation, modelClass: Tag,
				join: { from: 'books.id', through: { from: 'book_tags.book_id', to: 'book_tags.tag_id' },
					to: 'tags.id' } },
		};
	}
}

class Tag extends Model {
	static get tableName() { return 'tags'; }
}

// An error as its class and the fields objection's db-errors read from the server's error.
const errOf = (e) => [e.constructor.name, e.nativeError ? e.nativeError.code : e.type,
	e.constraint, e.table, e.columns, e.column];

async function main() {
	const knex = knexLib({ client: 'pg', connection: process.argv[2], pool: { min: 1, max: 1 } });
	Model.knex(knex);
	await step('schema', async () => {
		await knex.schema.createTable('authors', (t) => {
			t.increments('id');
			t.string('name', 40).notNullable().unique();
			t.date('born');
			t.jsonb('meta');
		});
		await knex.schema.createTable('books', (t) => {
			t.increments('id');
			t.integer('author_id').notNullable().references('authors.id').onDelete('CASCADE');
			t.string('title').notNullable();
			t.integer('pages').checkPositive();
			t.decimal('price', 8, 2);
			t.jsonb('info');
		});
		await knex.schema.createTable('tags', (t) => {
			t.increments('id');
			t.string('label').unique();
		});
		await knex.schema.createTable('book_tags', (t) => {
			t.integer('book_id').references('books.id').onDelete('CASCADE');
			t.integer('tag_id').references('tags.id');
			t.primary(['book_id', 'tag_id']);
		});
		return 'ok';
	});
	await step('insert', async () => Author.query().insert({ name: 'Ann', born: '1970-05-06',
		meta: { lang: ['en', 'fr'] } }));
	await step('validation', async () => Author.query().insert({ name: '' }).catch((e) =>
		[e instanceof ValidationError, e.type, Object.keys(e.data)]));
	await step('insertGraph', async () => {
		const g = await Author.query().insertGraph({ name: 'Bob', books: [
			{ title: 'One', pages: 100, price: '9.99', info: { isbn: 'x1' },
				tags: [{ label: 'sf' }, { label: 'classic' }] },
			{ title: 'Two', pages: 50, tags: [{ label: 'short' }] }] });
		return [g.id, g.books.map((b) => [b.id, b.title, b.tags.map((t) => t.label)])];
	});
	await step('insertGraph relate', async () => {
		const b = await Book.query().insertGraph({ title: 'Three', author_id: 1,
			tags: [{ id: 1 }] }, { relate: true });
		return [b.id, b.tags];
	});
	await step('withGraphFetched', async () => (await Author.query().withGraphFetched('books(byTitle).tags(byLabel)')
		.modifiers({ byTitle: (q) => q.orderBy('title'), byLabel: (q) => q.orderBy('label') })
		.orderBy('id')).map((a) => [a.name, a.born instanceof Date ? a.born.toISOString() : a.born,
		a.meta, a.books.map((b) => [b.title, b.price, b.info, b.tags.map((t) => t.label)])]));
	await step('withGraphJoined', async () => (await Author.query().withGraphJoined('books.tags')
		.where('books:tags.label', 'sf').select('authors.name').orderBy('authors.id')).map((a) =>
		[a.name, a.books.map((b) => [b.title, b.tags.map((t) => t.label)])]));
	await step('relatedQuery', async () => {
		const bob = await Author.query().findOne({ name: 'Bob' });
		return [await bob.$relatedQuery('books').orderBy('pages').select('title', 'pages'),
			await Author.relatedQuery('books').for([1, 2]).count('* as n').first()];
	});
	await step('joinRelated', async () => Book.query().joinRelated('author').where('author.name', 'Bob')
		.orderBy('books.title').select('books.title', 'author.name as who'));
	await step('patch', async () => [await Book.query().patch({ pages: 60 }).where('title', 'Two'),
		await Book.query().patchAndFetchById(2, { price: '1.50' }).then((b) => [b.title, b.price])]);
	await step('upsertGraph', async () => {
		const a = await Author.query().upsertGraph({ id: 2, name: 'Bobby', books: [
			{ id: 1, title: 'One (2nd ed.)' }, { title: 'Four', pages: 10 }] }, { noDelete: false });
		return [a.name, a.books.map((b) => b.title)];
	});
	await step('after upsert', async () => Book.query().orderBy('id').select('id', 'title', 'author_id'));
	await step('aggregate', async () => Book.query().select('author_id').sum('pages as pages')
		.count('* as n').groupBy('author_id').orderBy('author_id'));
	await step('transaction', async () => {
		const e = await Model.transaction(async (trx) => {
			await Author.query(trx).insert({ name: 'Cid' });
			await Author.query(trx).insert({ name: 'Cid' });
		}).catch(errOf);
		return [e, await Author.query().where('name', 'Cid').resultSize()];
	});
	await step('unique', async () => Author.query().insert({ name: 'Ann' }).catch(errOf));
	await step('foreign key', async () => Book.query().insert({ title: 'x', author_id: 99 }).catch(errOf));
	await step('not null', async () => Book.query().insert({ author_id: 1 }).catch(errOf));
	await step('check', async () => Book.query().insert({ title: 'x', author_id: 1, pages: -1 }).catch(errOf));
	await step('db error', async () => Author.query().where('nope', 1).catch((e) =>
		[e instanceof DBError, e.nativeError.code]));
	await step('unrelate and delete', async () => {
		const b = await Book.query().findById(1);
		const n = await b.$relatedQuery('tags').unrelate().where('label', 'sf');
		return [n, await Author.query().deleteById(2), await Book.query().resultSize(),
			await knex('book_tags').count('* as n').first()];
	});
	await step('drop', async () => {
		for (const t of ['book_tags', 'tags', 'books', 'authors'])
			await knex.schema.dropTable(t);
		return 'ok';
	});
	await knex.destroy();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
